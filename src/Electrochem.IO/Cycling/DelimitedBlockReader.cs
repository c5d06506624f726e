using System.Collections.Immutable;
using System.Globalization;
using Electrochem.Cycling;
using nietras.SeparatedValues;

namespace Electrochem.IO.Cycling;

/// <summary>
/// Reads the delimited data block of a cycler file with Sep (SIMD field splitting, csFastFloat number parsing) into
/// pooled column chunks: no per-row objects, no whole-file string. The caller has read the lines before the header
/// and gives the header fields' plan. Every field is accounted for: a row with the wrong number of fields, a number
/// column with text in it, or a required column left empty is an error naming the file, line and column.
/// </summary>
internal static class DelimitedBlockReader
{
    private const int CancellationStride = 1 << 14;

    /// <summary>Characters handed to one Sep reader: far below its 2³¹ limit, far above any line.</summary>
    internal const int SegmentLength = 1 << 28;

    /// <summary>Date-and-time spellings accepted in a time column (month first, as US-built cycler software writes).</summary>
    private static readonly string[] ClockFormats =
    [
        "MM/dd/yyyy HH:mm:ss.FFFFFFF", "M/d/yyyy H:mm:ss.FFFFFFF", "M/d/yyyy h:mm:ss.FFFFFFF tt",
        "yyyy-MM-dd HH:mm:ss.FFFFFFF", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd hh:mm:ss.FFFFFFF tt",
    ];

    /// <summary>Reads the rows after the header.</summary>
    /// <param name="reader">Text positioned at the header line.</param>
    /// <param name="source">The file name for messages.</param>
    /// <param name="headerLine">1-based line number of the header.</param>
    /// <param name="delimiter">The field delimiter.</param>
    /// <param name="decimalSeparator">'.' or ','.</param>
    /// <param name="plan">Turns the header fields into one plan per column, or returns a problem (reported on the header line).</param>
    /// <param name="cancellationToken">Stops a long read.</param>
    /// <param name="expectedRows">Estimated data rows (0 when unknown): numeric columns start with one block of this size.</param>
    /// <param name="segmentLength">Characters per Sep reader (<see cref="SegmentLength"/>; smaller only in tests).</param>
    internal static DataFileResult<RawTable> Read(
        TextReader reader,
        string source,
        int headerLine,
        char delimiter,
        char decimalSeparator,
        Func<IReadOnlyList<string>, (ColumnPlan[]? Plans, string? Problem)> plan,
        CancellationToken cancellationToken,
        int expectedRows = 0,
        int segmentLength = SegmentLength)
    {
        CultureInfo culture = Culture(decimalSeparator);

        // Sep keeps character positions in 32-bit integers, so a file is handed to it in segments of about
        // SegmentLength characters, each ending just after a line feed outside quotes; a new Sep reader continues
        // where the last stopped, and line numbers carry on from the line feeds counted. (A file with bare CR line
        // ends has no such boundary and is read in one piece, up to Sep's limit.)
        var segments = new SegmentedReader(reader, segmentLength);
        SepReader sep = Open(segments, delimiter, culture);
        try
        {
            // The header is read as an ordinary row: Sep refuses repeated column names, which real files have (Maccor's
            // sixteen ' Units' columns); the planner keeps every one under a distinct name instead.
            if (!sep.MoveNext())
            {
                return Fail(source, headerLine, "the file ends where its header was expected; expected the column names of the data");
            }

            // Trailing empty header fields (EC-Lab ends its header with a tab) name no column.
            int named = sep.Current.ColCount;
            while (named > 1 && sep.Current[named - 1].Span.IsWhiteSpace())
            {
                named--;
            }

            string[] headers = new string[named];
            for (int c = 0; c < headers.Length; c++)
            {
                headers[c] = sep.Current[c].ToString();
            }

            if (headers.All(string.IsNullOrWhiteSpace))
            {
                return Fail(source, headerLine, "the header line is empty; expected the column names of the data");
            }

            (ColumnPlan[]? plans, string? problem) = plan(headers);
            if (plans is null)
            {
                return Fail(source, headerLine, problem ?? "the header could not be read");
            }

            return ReadRows(ref sep, sep.Current.LineNumberToExcl, segments, source, headerLine, delimiter, culture, plans, expectedRows, cancellationToken);
        }
        finally
        {
            sep.Dispose();
        }
    }

    /// <summary>
    /// Reads the data rows. A row's first line is where the previous row ended (<c>LineNumberToExcl</c>): Sep 0.18
    /// reports <c>LineNumberFrom</c> one too high for a reader's first row, which is every segment's first data row.
    /// </summary>
    private static DataFileResult<RawTable> ReadRows(
        ref SepReader sep,
        int nextSepLine,
        SegmentedReader segments,
        string source,
        int headerLine,
        char delimiter,
        CultureInfo culture,
        ColumnPlan[] plans,
        int expectedRows,
        CancellationToken cancellationToken)
    {
        var states = new ColumnState[plans.Length];

        // Rows usually sit on consecutive lines after the header: their lines are then computed at the end, and only
        // a file with blank lines or quoted line breaks records each row's line.
        using var lines = new ChunkedBuilder<int>();
        int rows = 0;
        bool consecutive = true;
        try
        {
            for (int c = 0; c < plans.Length; c++)
            {
                states[c] = new ColumnState(plans[c], expectedRows);
            }

            int expected = plans.Length;
            int blankRows = 0;
            int segmentFirstLine = headerLine;
            (int Line, int Fields)? shortRow = null;
            while (true)
            {
                foreach (SepReader.Row row in sep)
                {
                    int line = segmentFirstLine + nextSepLine - 1; // Sep counts lines from 1 at the segment's start
                    nextSepLine = row.LineNumberToExcl;
                    if ((rows & (CancellationStride - 1)) == 0)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                    }

                    if (shortRow is { } cut)
                    {
                        return Fail(source, cut.Line, FieldCountProblem(cut.Fields, expected, headerLine, delimiter));
                    }

                    if (IsBlank(row))
                    {
                        blankRows++;
                        continue;
                    }

                    if (row.ColCount != expected && !(row.ColCount > expected && AllBlank(row, expected)))
                    {
                        // Too few fields on the last line is a file cut off while it was written or copied: reported
                        // below. Anywhere else a wrong count is an error.
                        if (row.ColCount < expected)
                        {
                            shortRow = (line, row.ColCount);
                            continue;
                        }

                        return Fail(source, line, FieldCountProblem(row.ColCount, expected, headerLine, delimiter));
                    }

                    for (int c = 0; c < expected; c++)
                    {
                        if (states[c].Add(row[c], culture) is { } fieldProblem)
                        {
                            return Fail(source, line, $"column {c + 1} ('{plans[c].Header}') {fieldProblem}");
                        }
                    }

                    if (consecutive && line != headerLine + 1 + rows)
                    {
                        consecutive = false;
                        for (int r = 0; r < rows; r++)
                        {
                            lines.Add(headerLine + 1 + r);
                        }
                    }

                    if (!consecutive)
                    {
                        lines.Add(line);
                    }

                    rows++;
                }

                if (segments.AtEnd)
                {
                    break;
                }

                segmentFirstLine += segments.LineFeedsInSegment;
                nextSepLine = 1;
                segments.NextSegment();
                sep.Dispose();
                sep = Open(segments, delimiter, culture);
            }

            if (rows == 0)
            {
                return Fail(source, headerLine, "the header has no data rows after it; expected at least one row of values");
            }

            var warnings = new List<string>();
            if (shortRow is { } last)
            {
                warnings.Add($"line {last.Line}, the last line, has {last.Fields} of the {expected} fields: the file was cut off (truncated while it was written or copied), so that row is not read");
            }

            if (blankRows > 0)
            {
                warnings.Add($"{blankRows} blank line{(blankRows == 1 ? " was" : "s were")} (or lines of empty fields) skipped in the data");
            }

            var columns = new List<RawColumn>(states.Length);
            foreach (ColumnState state in states)
            {
                columns.Add(state.Build(warnings));
            }

            int[] rowLines = consecutive ? ConsecutiveLines(headerLine + 1, rows) : lines.ToArrayAndClear();
            return DataFileResult.Success(new RawTable(columns, rowLines, warnings));
        }
        finally
        {
            foreach (ColumnState? state in states)
            {
                state?.Dispose();
            }
        }
    }

    /// <summary>The invariant culture with the file's decimal separator (and no group separator, so "1.500" is never 1500).</summary>
    internal static CultureInfo Culture(char decimalSeparator)
    {
        if (decimalSeparator == '.')
        {
            return CultureInfo.InvariantCulture;
        }

        var culture = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        culture.NumberFormat.NumberDecimalSeparator = decimalSeparator.ToString();
        culture.NumberFormat.NumberGroupSeparator = "\u0001";
        return CultureInfo.ReadOnly(culture);
    }

    internal static string Describe(char delimiter) => delimiter switch
    {
        '\t' => "tab",
        _ => delimiter.ToString(),
    };

    private static string FieldCountProblem(int fields, int expected, int headerLine, char delimiter) =>
        $"the row has {fields} field{(fields == 1 ? string.Empty : "s")} but the header on line {headerLine} has {expected} columns, delimited by '{Describe(delimiter)}'; is the file truncated or were fields added?";

    /// <summary>A row of nothing but whitespace and empty fields (a blank line, or a spreadsheet's <c>;;;;</c>).</summary>
    private static bool IsBlank(SepReader.Row row) => row.Span.IsWhiteSpace() || AllBlank(row, 0);

    private static bool AllBlank(SepReader.Row row, int from)
    {
        for (int c = from; c < row.ColCount; c++)
        {
            if (!row[c].Span.IsWhiteSpace())
            {
                return false;
            }
        }

        return true;
    }

    private static SepReader Open(TextReader text, char delimiter, CultureInfo culture) =>
        Sep.New(delimiter).Reader(o => o with
        {
            HasHeader = false,
            CultureInfo = culture,
            DisableColCountCheck = true,
            Unescape = true,
        }).From(text);

    private static int[] ConsecutiveLines(int first, int count)
    {
        int[] lines = GC.AllocateUninitializedArray<int>(count);
        for (int i = 0; i < lines.Length; i++)
        {
            lines[i] = first + i;
        }

        return lines;
    }

    private static DataFileResult<RawTable> Fail(string source, int line, string problem) =>
        DataFileResult.Failure<RawTable>(new DataFileError(source, Math.Max(1, line), problem));

    /// <summary>One column while it is read.</summary>
    private sealed class ColumnState(ColumnPlan plan, int expectedRows) : IDisposable
    {
        private ChunkedBuilder<double>? _numbers = plan.Kind == ColumnKind.Text ? null : new ChunkedBuilder<double>(expectedRows);
        private TextColumnBuilder? _text = plan.Kind == ColumnKind.Text ? new TextColumnBuilder() : null;
        private readonly bool _isTime = plan.Quantity is RecordingQuantity.TestTime or RecordingQuantity.StepTime;
        private int _empty;
        private int _clockTimes;
        private int _switchedAtRow = -1;

        /// <summary>Adds one field; returns the problem (continuing "column N ('header') …"), or null.</summary>
        internal string? Add(SepReader.Col col, CultureInfo culture)
        {
            if (_numbers is null)
            {
                _text!.Add(col.Span);
                return null;
            }

            // The nullable TryParse is Sep's csFastFloat path; TryParse(out T) goes through double.TryParse (2× slower).
            if (col.TryParse<double>() is double parsed)
            {
                _numbers.Add(parsed);
                return null;
            }

            ReadOnlySpan<char> field = col.Span.Trim();
            if (field.IsEmpty)
            {
                _empty++;
                _numbers.Add(double.NaN);
                return null;
            }

            if (double.TryParse(field, NumberStyles.Float, culture, out double value))
            {
                _numbers.Add(value);
                return null;
            }

            // A time column may hold clock durations (hh:mm:ss); stored so that the column's scale makes them seconds.
            if (_isTime && Duration.TryParseSeconds(field, out double seconds))
            {
                _numbers.Add(seconds / plan.Scale);
                return null;
            }

            // Or dates and times (BT-Lab's "absolute time" export): seconds since 0001-01-01 on the local clock,
            // turned into time since the first row when the recording is assembled.
            if (_isTime && DateTime.TryParseExact(field, ClockFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out DateTime clock))
            {
                _clockTimes++;
                _numbers.Add(clock.Ticks / (double)TimeSpan.TicksPerSecond / plan.Scale);
                return null;
            }

            if (plan.Kind == ColumnKind.NumericOrText)
            {
                SwitchToText();
                _text!.Add(field);
                return null;
            }

            string shown = field.Length <= 40 ? field.ToString() : string.Concat(field[..37], "...");
            return $"is '{shown}', which is not a number; expected a decimal number{(culture.NumberFormat.NumberDecimalSeparator == "," ? " with a decimal comma" : string.Empty)}";
        }

        internal RawColumn Build(List<string> warnings)
        {
            if (_numbers is not null)
            {
                if (_empty > 0 && !plan.IsRequired)
                {
                    warnings.Add(_empty == _numbers.Count
                        ? $"column '{plan.Header}' is empty in every row"
                        : $"column '{plan.Header}' is empty in {_empty} of {_numbers.Count} rows (kept as NaN)");
                }

                return new RawColumn(plan, _numbers.ToMemoryAndClear(), null, []) { ClockTimes = _clockTimes };
            }

            if (_switchedAtRow >= 0)
            {
                warnings.Add($"column '{plan.Header}' holds text from data row {_switchedAtRow + 1} on, so it is kept as text");
            }

            (int[] codes, ImmutableArray<string> categories) = _text!.Build();
            return new RawColumn(plan with { Kind = ColumnKind.Text }, null, codes, categories);
        }

        public void Dispose()
        {
            _numbers?.Dispose();
            _text?.Dispose();
        }

        private void SwitchToText()
        {
            _switchedAtRow = _numbers!.Count;
            _text = new TextColumnBuilder();
            for (int i = 0; i < _numbers.Count; i++)
            {
                double v = _numbers[i];
                _text.Add(double.IsNaN(v) ? string.Empty : v.ToString("R", CultureInfo.InvariantCulture));
            }

            _numbers.Dispose();
            _numbers = null;
        }
    }
}
