using Electrochem.Cycling;

namespace Electrochem.IO.Cycling;

/// <summary>
/// Any delimited table of a cycler record: the header is the first line (after any preamble) whose columns include a
/// test time, a current and a voltage — recognised by name and unit (<c>time_s</c>, <c>Current (mA)</c>,
/// <c>Voltage(V)</c>, <c>Ewe/V</c>, <c>Test Time / h</c>…) or named in a <see cref="CyclerColumnMap"/>. Delimiter
/// (tab, semicolon, comma) and decimal separator are detected; every other column is kept.
/// </summary>
internal sealed class DelimitedCyclerReader : ICyclerFormatReader
{
    public CyclerFileFormat Format => CyclerFileFormat.Delimited;

    public string Description => "delimited table";

    public bool Matches(CyclerSource source) => FindHeader(source, null, out _, out _, out _) is null;

    public DataFileResult<Electrochem.Cycling.CyclerRecording> Read(CyclerSource source, CyclerReadOptions options, CancellationToken cancellationToken) =>
        ReadWith(source, options, Description, RecordingMetadata.Empty, [], null, cancellationToken);

    /// <summary>
    /// Reads a delimited table found as the generic reader finds it, as a named format with its own metadata, known
    /// headers and a hook that adds what the data say about the test (used by the thin vendor readers).
    /// </summary>
    internal static DataFileResult<Electrochem.Cycling.CyclerRecording> ReadWith(
        CyclerSource source,
        CyclerReadOptions options,
        string description,
        RecordingMetadata metadata,
        IReadOnlyList<VendorColumn> vendor,
        Func<RawTable, RecordingMetadata, RecordingMetadata>? refineMetadata,
        CancellationToken cancellationToken)
    {
        if (FindHeader(source, options.ColumnMap, out int headerIndex, out char delimiter, out _) is { } headerProblem)
        {
            return RecordingAssembler.Fail(source.Name, headerProblem.Line, headerProblem.Problem);
        }

        char decimalSeparator = options.DecimalSeparator ?? DelimitedText.DecimalSeparator(source.FirstLines.Skip(headerIndex + 1), delimiter);
        return TableBlock.ReadRecording(source, description, metadata, headerIndex + 1, delimiter, decimalSeparator, vendor, useSynonyms: true, options, cancellationToken, refineMetadata);
    }

    /// <summary>The first value of a text column whose header matches one of the names, parsed as a local date and time.</summary>
    internal static RecordingMetadata StartFromFirstStamp(RawTable raw, RecordingMetadata metadata, string[] names, string[] formats)
    {
        if (metadata.StartTime is not null)
        {
            return metadata;
        }

        RawColumn? stamp = raw.Columns.Find(c => c.IsText && names.Contains(Tables.HeaderGrammar.MatchKey(c.Plan.Header)));
        if (stamp?.Codes is { Length: > 0 } codes && codes[0] >= 0
            && DateTime.TryParseExact(stamp.Categories[codes[0]], formats, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out DateTime clock))
        {
            return metadata with { StartTime = new Electrochem.Cycling.RecordingStartTime(clock, null, $"first '{stamp.Plan.Header}' value (local clock)") };
        }

        return metadata;
    }

    /// <summary>Finds the header line (0-based index into the preview); returns the problem when there is none.</summary>
    private static (int Line, string Problem)? FindHeader(CyclerSource source, CyclerColumnMap? map, out int index, out char delimiter, out string? problem)
    {
        (int Line, string Problem)? first = null;
        for (int i = 0; i < source.FirstLines.Length; i++)
        {
            string line = source.FirstLines[i];
            if (line.AsSpan().Trim().IsEmpty || line.TrimStart().StartsWith('#') || DelimitedText.Delimiter(line) is not { } d)
            {
                continue;
            }

            string[] fields = DelimitedText.Fields(line, d);
            (ColumnPlan[]? plans, string? lineProblem) = CyclerColumnPlanner.Plan(fields, map, [], useSynonyms: true, []);
            if (plans is not null)
            {
                (index, delimiter, problem) = (i, d, null);
                return null;
            }

            // Remember the first line that looks like a header (it names at least one known column) for the message.
            if (first is null && fields.Any(f => CyclerColumnNames.TryMatch(Tables.HeaderGrammar.Split(f).Name, out _, out _)))
            {
                first = (i + 1, lineProblem!);
            }
        }

        (index, delimiter, problem) = (-1, ',', null);
        if (first is { } found)
        {
            return found;
        }

        return (1, source.FirstLines.IsEmpty
            ? "the file is empty; expected a header row naming test time, current and voltage, then rows of values"
            : $"none of the first {source.FirstLines.Length} lines is a header naming a test time, a current and a voltage (e.g. 'time_s,current_A,voltage_V' or 'Test Time (s);Current (mA);Voltage (V)'){FirstFields(source)}; name the columns with a column map (CyclerColumnMap, or --test-time-column, --current-column and --voltage-column with their --…-unit on the command line)");
    }

    private static string FirstFields(CyclerSource source)
    {
        string? first = source.FirstLines.FirstOrDefault(l => !l.AsSpan().Trim().IsEmpty && !l.TrimStart().StartsWith('#'));
        return first is null || DelimitedText.Delimiter(first) is not { } d ? string.Empty : $"; the first line's fields are {CyclerColumnPlanner.List(DelimitedText.Fields(first, d))}";
    }
}
