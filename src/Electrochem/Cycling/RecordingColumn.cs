namespace Electrochem.Cycling;

/// <summary>
/// One numeric column of a <see cref="CyclerRecording"/>: contiguous doubles, one per row, in the unit given by
/// <see cref="Unit"/> (the quantity's fixed unit for known quantities; the file's own unit for
/// <see cref="RecordingQuantity.Other"/>). Optional columns of a file may hold NaN where a row left the cell empty;
/// the three required columns never do. Counters (data point, cycle, step) are whole numbers stored as doubles
/// (exact below 2⁵³). Immutable: the values cannot be changed through this type.
/// </summary>
public sealed class RecordingColumn
{
    private readonly ReadOnlyMemory<double> _values;

    /// <summary>Creates a column.</summary>
    /// <param name="name">The column name: the quantity's canonical name (see <see cref="RecordingQuantities.CanonicalName"/>) or, for other columns, the file's header name.</param>
    /// <param name="quantity">What the column holds.</param>
    /// <param name="unit">The stored unit; must equal <see cref="RecordingQuantities.Unit"/> for known quantities. Free text (possibly empty) for other columns.</param>
    /// <param name="values">The values; the memory is kept, not copied, so the caller must not change it afterwards.</param>
    /// <param name="origin">Where the values came from.</param>
    /// <exception cref="ArgumentException">The name is empty, or the unit is not the quantity's unit.</exception>
    public RecordingColumn(string name, RecordingQuantity quantity, string unit, ReadOnlyMemory<double> values, ColumnOrigin origin)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(unit);
        ArgumentNullException.ThrowIfNull(origin);
        if (quantity != RecordingQuantity.Other && unit != RecordingQuantities.Unit(quantity))
        {
            throw new ArgumentException($"A {quantity} column is stored in '{RecordingQuantities.Unit(quantity)}', not '{unit}'; convert the values first.", nameof(unit));
        }

        Name = name;
        Quantity = quantity;
        Unit = unit;
        _values = values;
        Origin = origin;
    }

    /// <summary>The column name (canonical for known quantities, as written for others).</summary>
    public string Name { get; }

    /// <summary>What the column holds.</summary>
    public RecordingQuantity Quantity { get; }

    /// <summary>The unit of <see cref="Values"/>: the quantity's fixed unit, or the file's unit for other columns (empty when none).</summary>
    public string Unit { get; }

    /// <summary>Where the values came from and how they were converted.</summary>
    public ColumnOrigin Origin { get; }

    /// <summary>The values, one per row.</summary>
    public ReadOnlySpan<double> Values => _values.Span;

    /// <summary>The values as memory (for slicing without copying, or for asynchronous writers).</summary>
    public ReadOnlyMemory<double> Memory => _values;

    /// <summary>Number of rows.</summary>
    public int Length => _values.Length;

    /// <summary>The same column over rows <paramref name="start"/> … <paramref name="start"/> + <paramref name="length"/> − 1, without copying.</summary>
    /// <param name="start">First row.</param>
    /// <param name="length">Number of rows.</param>
    /// <returns>The sliced column.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The range lies outside the column.</exception>
    public RecordingColumn Slice(int start, int length) => new(Name, Quantity, Unit, _values.Slice(start, length), Origin);

    /// <summary>The same column holding only the given rows (copied).</summary>
    /// <param name="rows">Row indices, in the order wanted.</param>
    /// <returns>The new column.</returns>
    /// <exception cref="IndexOutOfRangeException">A row index is outside the column.</exception>
    public RecordingColumn Select(ReadOnlySpan<int> rows)
    {
        ReadOnlySpan<double> source = _values.Span;
        var selected = new double[rows.Length];
        for (int i = 0; i < rows.Length; i++)
        {
            selected[i] = source[rows[i]];
        }

        return new(Name, Quantity, Unit, selected, Origin);
    }

    /// <summary>The column's name and unit, e.g. <c>current (A)</c>.</summary>
    /// <returns>Text for reports.</returns>
    public override string ToString() => Unit.Length == 0 ? Name : $"{Name} ({Unit})";
}
