using Electrochem.Cycling;

namespace Electrochem.IO.Cycling;

/// <summary>Reads a file's delimited data block from its header line and assembles the recording: the path every text format shares.</summary>
internal static class TableBlock
{
    /// <summary>Reads the block whose header is on <paramref name="headerLine"/> and plans its columns.</summary>
    internal static DataFileResult<RawTable> Read(
        CyclerSource source,
        int headerLine,
        char delimiter,
        char decimalSeparator,
        Func<IReadOnlyList<string>, (ColumnPlan[]? Plans, string? Problem)> plan,
        CyclerReadOptions options,
        CancellationToken cancellationToken,
        Func<TextReader, TextReader>? filter = null)
    {
        try
        {
            using BoundedLineReader reader = source.OpenTextAtLine(headerLine, options.MaximumLineLength);
            TextReader text = filter?.Invoke(reader) ?? reader;
            ParallelBlockSource? parallel = source.FilePath is { } path && filter is null && options.MaxDegreeOfParallelism != 1
                ? new ParallelBlockSource(path, source.Encoding, options.MaxDegreeOfParallelism, options.MaximumLineLength) { MinimumBytes = options.ParallelMinimumBytes, PartBytes = options.ParallelPartBytes }
                : null;
            return DelimitedBlockReader.Read(text, source.Name, headerLine, delimiter, decimalSeparator, plan, cancellationToken, source.EstimateRows(headerLine), parallel: parallel);
        }
        catch (LineTooLongException e)
        {
            return DataFileResult.Failure<RawTable>(new DataFileError(source.Name, headerLine, $"a line after this one is longer than {e.Limit} characters (CyclerReadOptions.MaximumLineLength); this is not a text export a cycler writes, or its line breaks are missing"));
        }
    }

    /// <summary>
    /// Reads the block with the standard planner and assembles the recording; <paramref name="refineMetadata"/> may add
    /// what the data say about the test (a start time), <paramref name="transform"/> may derive columns (signs from a
    /// state column) and returns a problem or null.
    /// </summary>
    internal static DataFileResult<CyclerRecording> ReadRecording(
        CyclerSource source,
        string format,
        RecordingMetadata metadata,
        int headerLine,
        char delimiter,
        char decimalSeparator,
        IReadOnlyList<VendorColumn> vendor,
        bool useSynonyms,
        CyclerReadOptions options,
        CancellationToken cancellationToken,
        Func<RawTable, RecordingMetadata, RecordingMetadata>? refineMetadata = null,
        Func<List<RecordingColumn>, List<RecordingTextColumn>, List<string>, string?>? transform = null,
        bool currentOptional = false,
        Func<TextReader, TextReader>? filter = null)
    {
        var notes = new List<string>();
        DataFileResult<RawTable> block = Read(source, headerLine, delimiter, decimalSeparator, h => CyclerColumnPlanner.Plan(h, options.ColumnMap, vendor, useSynonyms, notes, currentOptional), options, cancellationToken, filter);
        if (!block.TryGetValue(out RawTable? raw))
        {
            return DataFileResult.Failure<CyclerRecording>(block.Error!);
        }

        return Assemble(source.Name, format, metadata, headerLine, raw, notes, options, refineMetadata, transform);
    }

    /// <summary>
    /// Assembles the recording from columns already read and planned (by a text block or a binary reader): units
    /// converted, columns derived by <paramref name="transform"/>, signs and counters checked, rows checked and ordered.
    /// </summary>
    internal static DataFileResult<CyclerRecording> Assemble(
        string sourceName,
        string format,
        RecordingMetadata metadata,
        int headerLine,
        RawTable raw,
        List<string> notes,
        CyclerReadOptions options,
        Func<RawTable, RecordingMetadata, RecordingMetadata>? refineMetadata = null,
        Func<List<RecordingColumn>, List<RecordingTextColumn>, List<string>, string?>? transform = null)
    {
        (List<RecordingColumn> numeric, List<RecordingTextColumn> text) = RecordingAssembler.Columns(raw);
        notes.AddRange(raw.Warnings);
        if (ClockTestTime(raw, numeric, ref metadata) is { } clockProblem)
        {
            return RecordingAssembler.Fail(sourceName, headerLine, clockProblem);
        }

        if (transform?.Invoke(numeric, text, notes) is { } problem)
        {
            return RecordingAssembler.Fail(sourceName, headerLine, problem);
        }

        if (options.ColumnMap?.CurrentSign != CurrentSign.DischargePositive)
        {
            StepTypeSign.Check(numeric, text, notes);
        }

        CounterChecks(numeric, notes);
        metadata = refineMetadata?.Invoke(raw, metadata) ?? metadata;
        return RecordingAssembler.Finish(sourceName, format, metadata, numeric, text, raw.RowLines, notes, options);
    }

    /// <summary>
    /// A test-time column written as dates and times becomes seconds since its first row, and that first row is the
    /// start time (local clock) unless the header gave one. A column mixing dates and numbers is a problem.
    /// </summary>
    private static string? ClockTestTime(RawTable raw, List<RecordingColumn> numeric, ref RecordingMetadata metadata)
    {
        RawColumn? time = raw.Columns.Find(c => c.Plan.Quantity == RecordingQuantity.TestTime && c.ClockTimes > 0);
        if (time is null)
        {
            return null;
        }

        if (time.ClockTimes != raw.RowCount)
        {
            return $"the test time column '{time.Plan.Header}' holds dates and times in {time.ClockTimes} of {raw.RowCount} rows and numbers in the rest; expected one or the other";
        }

        int index = numeric.FindIndex(c => c.Quantity == RecordingQuantity.TestTime);
        RecordingColumn column = numeric[index];
        double[] seconds = column.Values.ToArray();
        double first = seconds[0];
        for (int i = 0; i < seconds.Length; i++)
        {
            seconds[i] -= first;
        }

        var start = new DateTime((long)Math.Round(first * 1e4) * (TimeSpan.TicksPerSecond / 10_000), DateTimeKind.Unspecified); // 0.1 ms: all the double carries
        numeric[index] = new RecordingColumn(column.Name, column.Quantity, column.Unit, seconds, column.Origin with { Note = "dates and times, as seconds since the first row" });
        if (metadata.StartTime is null)
        {
            metadata = metadata with { StartTime = new RecordingStartTime(start, null, $"first '{time.Plan.Header}' value (local clock)") };
        }

        return null;
    }

    /// <summary>
    /// An optional known column that is empty in every row is kept under its file name as an ordinary column (the
    /// recording then has no such quantity), and a cycle counter that never changes is reported: both with a warning.
    /// </summary>
    internal static void CounterChecks(List<RecordingColumn> numeric, List<string> notes)
    {
        for (int i = 0; i < numeric.Count; i++)
        {
            RecordingColumn column = numeric[i];
            if (column.Quantity == RecordingQuantity.Other || column.Quantity is RecordingQuantity.TestTime or RecordingQuantity.Current or RecordingQuantity.Voltage)
            {
                continue;
            }

            ReadOnlySpan<double> values = column.Values;
            if (values.Length > 0 && AllNaN(values))
            {
                numeric[i] = new RecordingColumn(column.Origin.Header, RecordingQuantity.Other, column.Origin.WrittenUnit ?? string.Empty, column.Memory, column.Origin);
                notes.Add($"the {CyclerColumnPlanner.Describe(column.Quantity)} column '{column.Origin.Header}' is empty in every row, so the recording has no {CyclerColumnPlanner.Describe(column.Quantity)}");
                continue;
            }

            if (column.Quantity == RecordingQuantity.CycleIndex && values.Length > 1 && !values.ContainsAnyExcept(values[0]))
            {
                notes.Add($"the cycle counter '{column.Origin.Header}' is {values[0].ToString("R", System.Globalization.CultureInfo.InvariantCulture)} in every row; it does not count cycles, so derive cycles from the charge/discharge alternation");
            }
        }
    }

    private static bool AllNaN(ReadOnlySpan<double> values)
    {
        foreach (double v in values)
        {
            if (!double.IsNaN(v))
            {
                return false;
            }
        }

        return true;
    }
}
