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
    /// <summary>Characters handed to one Sep reader: far below its 2³¹ limit, far above any line.</summary>
    internal const int SegmentLength = 1 << 28;

    /// <summary>The longest header field accepted as a column name (1,000 characters).</summary>
    internal const int MaximumHeaderFieldLength = 1000;

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
    /// <param name="parallel">The file to read again in line-aligned parts on several threads, when it allows (null: one thread).</param>
    internal static DataFileResult<RawTable> Read(
        TextReader reader,
        string source,
        int headerLine,
        char delimiter,
        char decimalSeparator,
        Func<IReadOnlyList<string>, (ColumnPlan[]? Plans, string? Problem)> plan,
        CancellationToken cancellationToken,
        int expectedRows = 0,
        int segmentLength = SegmentLength,
        ParallelBlockSource? parallel = null)
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

            if (Array.FindIndex(headers, h => h.Length > MaximumHeaderFieldLength) is var longest and >= 0)
            {
                return Fail(source, headerLine, string.Create(CultureInfo.InvariantCulture,
                    $"column {longest + 1} of the header is {headers[longest].Length:N0} characters long; a column name is expected to be short — is a double quote (\") in the header left unclosed, so that it swallows the lines after it?"));
            }

            (ColumnPlan[]? plans, string? problem) = plan(headers);
            if (plans is null)
            {
                return Fail(source, headerLine, problem ?? "the header could not be read");
            }

            var layout = new BlockLayout(source, headerLine, delimiter, culture, plans);
            int nextSepLine = sep.Current.LineNumberToExcl;

            // A header on one line is followed by the data at a known byte offset: a large file is then read in parts.
            if (parallel is not null && nextSepLine == 2 && ParallelBlockReader.TryRead(parallel, layout, cancellationToken) is { } whole)
            {
                return whole;
            }

            return ReadRows(ref sep, nextSepLine, segments, layout, expectedRows, cancellationToken);
        }
        finally
        {
            sep.Dispose();
        }
    }

    /// <summary>Reads the data rows on this thread, one Sep reader per segment.</summary>
    private static DataFileResult<RawTable> ReadRows(ref SepReader sep, int nextSepLine, SegmentedReader segments, BlockLayout layout, int expectedRows, CancellationToken cancellationToken)
    {
        using BlockRows rows = BlockRows.Whole(layout, expectedRows);
        int segmentFirstLine = layout.HeaderLine;
        while (true)
        {
            if (rows.Read(sep, ref nextSepLine, segmentFirstLine, cancellationToken) is { } error)
            {
                return DataFileResult.Failure<RawTable>(error);
            }

            if (segments.AtEnd)
            {
                break;
            }

            segmentFirstLine += segments.LineFeedsInSegment;
            nextSepLine = 1;
            segments.NextSegment();
            sep.Dispose();
            sep = Open(segments, layout.Delimiter, layout.Culture);
        }

        return rows.Build();
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

    internal static SepReader Open(TextReader text, char delimiter, CultureInfo culture) =>
        Sep.New(delimiter).Reader(o => o with
        {
            HasHeader = false,
            CultureInfo = culture,
            DisableColCountCheck = true,
            Unescape = true,
        }).From(text);

    private static DataFileResult<RawTable> Fail(string source, int line, string problem) =>
        DataFileResult.Failure<RawTable>(new DataFileError(source, Math.Max(1, line), problem));
}
