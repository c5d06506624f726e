using System.Collections.Immutable;

namespace Electrochem.Cycling;

/// <summary>
/// One text column of a <see cref="CyclerRecording"/> (a step type such as <c>CC_Chg</c>, a Maccor state <c>C</c>,
/// a time stamp as written), stored dictionary-encoded: one small integer code per row into <see cref="Categories"/>,
/// so a million rows of a few step types cost four bytes a row and no string per row. Code −1 marks an empty cell.
/// Immutable.
/// </summary>
public sealed class RecordingTextColumn
{
    private readonly ReadOnlyMemory<int> _codes;

    /// <summary>Creates a text column.</summary>
    /// <param name="name">The column name as the file wrote it (or <c>step_type</c> for the step type).</param>
    /// <param name="codes">One code per row: an index into <paramref name="categories"/>, or −1 for an empty cell. Kept, not copied.</param>
    /// <param name="categories">The distinct texts.</param>
    /// <param name="origin">Where the column came from.</param>
    /// <param name="isStepType">True when this column is the recording's step type (mode/state) column.</param>
    /// <exception cref="ArgumentException">The name is empty or a code is outside −1 … categories − 1.</exception>
    public RecordingTextColumn(string name, ReadOnlyMemory<int> codes, ImmutableArray<string> categories, ColumnOrigin origin, bool isStepType = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(origin);
        if (categories.IsDefault)
        {
            throw new ArgumentException("The categories of a text column must be given (an empty array when every cell is empty).", nameof(categories));
        }

        foreach (int code in codes.Span)
        {
            if (code < -1 || code >= categories.Length)
            {
                throw new ArgumentException($"Text column '{name}' has code {code}, outside −1 … {categories.Length - 1}.", nameof(codes));
            }
        }

        Name = name;
        _codes = codes;
        Categories = categories;
        Origin = origin;
        IsStepType = isStepType;
    }

    /// <summary>The column name.</summary>
    public string Name { get; }

    /// <summary>Where the column came from.</summary>
    public ColumnOrigin Origin { get; }

    /// <summary>True when this is the recording's step type (the instrument's mode or state per row).</summary>
    public bool IsStepType { get; }

    /// <summary>The distinct texts, in order of first appearance.</summary>
    public ImmutableArray<string> Categories { get; }

    /// <summary>One code per row into <see cref="Categories"/>; −1 for an empty cell.</summary>
    public ReadOnlySpan<int> Codes => _codes.Span;

    /// <summary>The codes as memory.</summary>
    public ReadOnlyMemory<int> CodeMemory => _codes;

    /// <summary>Number of rows.</summary>
    public int Length => _codes.Length;

    /// <summary>The text of one row, or null for an empty cell.</summary>
    /// <param name="row">The row index.</param>
    /// <returns>The text.</returns>
    public string? this[int row] => _codes.Span[row] is int code and >= 0 ? Categories[code] : null;

    /// <summary>The same column over a range of rows, without copying.</summary>
    /// <param name="start">First row.</param>
    /// <param name="length">Number of rows.</param>
    /// <returns>The sliced column.</returns>
    public RecordingTextColumn Slice(int start, int length) => new(Name, _codes.Slice(start, length), Categories, Origin, IsStepType);

    /// <summary>The same column holding only the given rows (copied).</summary>
    /// <param name="rows">Row indices.</param>
    /// <returns>The new column.</returns>
    public RecordingTextColumn Select(ReadOnlySpan<int> rows)
    {
        ReadOnlySpan<int> source = _codes.Span;
        var selected = new int[rows.Length];
        for (int i = 0; i < rows.Length; i++)
        {
            selected[i] = source[rows[i]];
        }

        return new(Name, selected, Categories, Origin, IsStepType);
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Name} (text, {Categories.Length} distinct)";
}
