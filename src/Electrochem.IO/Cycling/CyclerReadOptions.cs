using Electrochem.Cycling;

namespace Electrochem.IO.Cycling;

/// <summary>How <see cref="CyclerFile"/> reads a file. Immutable; change one setting with <c>with</c>.</summary>
public sealed record CyclerReadOptions
{
    /// <summary>Detect the format, recognise columns automatically, refuse rows out of time order.</summary>
    public static CyclerReadOptions Default { get; } = new();

    /// <summary>The format, or <see cref="CyclerFileFormat.Auto"/> to detect it from the content.</summary>
    public CyclerFileFormat Format { get; init; } = CyclerFileFormat.Auto;

    /// <summary>Columns named explicitly (they win over recognition by name); null for none.</summary>
    public CyclerColumnMap? ColumnMap { get; init; }

    /// <summary>What to do when test time goes backwards (default: refuse, naming the line).</summary>
    public RecordingTimeOrder TimeOrder { get; init; } = RecordingTimeOrder.Reject;

    /// <summary>The decimal separator, '.' or ','; null to detect it from the data (the format's own rule first).</summary>
    public char? DecimalSeparator { get; init; }

    /// <summary>
    /// The longest line accepted, in characters (default 1 048 576). A longer line is reported as an error before it
    /// is buffered, so a file without line breaks cannot exhaust memory.
    /// </summary>
    public int MaximumLineLength { get; init; } = 1 << 20;

    internal void Validate()
    {
        if (!Enum.IsDefined(Format))
        {
            throw new ArgumentOutOfRangeException(nameof(Format), Format, "Format is not a defined CyclerFileFormat.");
        }

        if (DecimalSeparator is { } separator && separator is not ('.' or ','))
        {
            throw new ArgumentOutOfRangeException(nameof(DecimalSeparator), separator, $"DecimalSeparator is '{separator}'; expected '.' or ','.");
        }

        if (MaximumLineLength < 256)
        {
            throw new ArgumentOutOfRangeException(nameof(MaximumLineLength), MaximumLineLength, $"MaximumLineLength is {MaximumLineLength}; expected at least 256 characters.");
        }
    }
}
