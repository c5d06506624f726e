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

    /// <summary>
    /// Threads used to read one large file (default -1: one per processor; 1 reads on the calling thread only). A file
    /// of at least 8 MiB whose data hold no double quotes is cut into parts at line feeds and the parts are parsed at
    /// once; the recording, warnings and errors are the same as on one thread. Lower it when many files are read at
    /// once (a batch conversion already uses every core).
    /// </summary>
    public int MaxDegreeOfParallelism { get; init; } = -1;

    /// <summary>Files smaller than this are read on one thread (tests lower it to exercise the parallel reader on small files).</summary>
    internal long ParallelMinimumBytes { get; init; } = 8 << 20;

    /// <summary>The largest part of a file given to one parser thread (tests lower it).</summary>
    internal long ParallelPartBytes { get; init; } = DelimitedBlockReader.SegmentLength;

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

        if (MaxDegreeOfParallelism is 0 or < -1 or > 512)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxDegreeOfParallelism), MaxDegreeOfParallelism, $"MaxDegreeOfParallelism is {MaxDegreeOfParallelism}; expected -1 (one thread per processor) or a thread count from 1 to 512.");
        }

        if (MaximumLineLength < 256)
        {
            throw new ArgumentOutOfRangeException(nameof(MaximumLineLength), MaximumLineLength, $"MaximumLineLength is {MaximumLineLength}; expected at least 256 characters.");
        }
    }
}
