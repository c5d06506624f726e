using System.Collections.Immutable;
using System.Runtime.InteropServices;
using Electrochem.IO.Tables;

namespace Electrochem.IO.Impedance;

/// <summary>
/// The numeric rows under one column header of an impedance file. Columns whose header field is empty (a leading or
/// trailing delimiter) are not columns: their fields must be empty too.
/// </summary>
/// <param name="HeaderLine">1-based line of the column header (or of the first data row when there is no header).</param>
/// <param name="Headers">The named columns' headers, in file order.</param>
/// <param name="Values">The values of each named column, one per row.</param>
/// <param name="LineNumbers">The 1-based line of each row.</param>
/// <param name="EndLine">The 1-based line where the block stopped (a line the stop rule matched), or the line count + 1.</param>
internal sealed record DataBlock(int HeaderLine, ImmutableArray<ColumnHeader> Headers, ImmutableArray<ImmutableArray<double>> Values, ImmutableArray<int> LineNumbers, int EndLine)
{
    internal int RowCount => LineNumbers.Length;

    /// <summary>Reads rows from <paramref name="firstLine"/> until the stop rule matches or the input ends; blank lines (and, when asked, <c>#</c> comments) are skipped.</summary>
    /// <param name="text">The file.</param>
    /// <param name="headerLine">The header's line, for messages.</param>
    /// <param name="headers">The header of each field (null where the field is empty).</param>
    /// <param name="firstLine">1-based line of the first row.</param>
    /// <param name="delimiter">The field delimiter.</param>
    /// <param name="numbers">The file's number parser (decimal separator state).</param>
    /// <param name="isEnd">Stop before a line that matches, or null to read to the end.</param>
    /// <param name="skipComments">Skip lines starting with <c>#</c>.</param>
    internal static DataFileResult<DataBlock> Read(
        ImpedanceText text,
        int headerLine,
        IReadOnlyList<ColumnHeader?> headers,
        int firstLine,
        char delimiter,
        DecimalNumberParser numbers,
        Func<string, bool>? isEnd = null,
        bool skipComments = false)
    {
        int width = headers.Count;
        while (width > 1 && headers[width - 1] is null)
        {
            width--;
        }

        // The rows are counted first (a cheap pass that parses nothing), so each column is one exact array filled in
        // place: never a list grown by doubling, never a second copy.
        int expected = CountRows(text, firstLine, isEnd, skipComments);
        var values = new ChunkedBuilder<double>[width];
        for (int c = 0; c < width; c++)
        {
            values[c] = new ChunkedBuilder<double>(headers[c] is null ? 0 : expected);
        }

        using var lines = new ChunkedBuilder<int>(expected);
        try
        {
            var fields = new List<string>();
            int n = firstLine;
            for (; n <= text.Count; n++)
            {
                string line = text.Line(n);
                if (isEnd is not null && isEnd(line))
                {
                    break;
                }

                if (ImpedanceText.IsBlankOrComment(line, skipComments))
                {
                    continue;
                }

                if (FieldSplitter.Split(line, delimiter, fields) is { } splitProblem)
                {
                    return text.Fail<DataBlock>(n, splitProblem);
                }

                int count = fields.Count;
                while (count > width && fields[count - 1].Length == 0)
                {
                    count--;
                }

                if (count != width)
                {
                    string truncated = n == text.Count && !text.LastLineTerminated ? " (this last line has no line break: is the file truncated?)" : string.Empty;
                    return text.Fail<DataBlock>(n,
                        $"the row has {count} field{(count == 1 ? string.Empty : "s")} but the header on line {headerLine} has {width} columns, delimited by '{FieldSplitter.Describe(delimiter)}'{truncated}");
                }

                for (int c = 0; c < width; c++)
                {
                    if (headers[c] is not { } header)
                    {
                        if (fields[c].Length > 0)
                        {
                            return text.Fail<DataBlock>(n, $"column {c + 1} is '{DecimalNumberParser.Shorten(fields[c])}' but the header on line {headerLine} has no name there; expected an empty field");
                        }

                        continue;
                    }

                    if (numbers.Parse(fields[c], n, $"column {c + 1} ('{header.Text}')", out double value) is { } problem)
                    {
                        return text.Fail<DataBlock>(n, problem);
                    }

                    values[c].Add(value);
                }

                lines.Add(n);
            }

            if (lines.Count == 0)
            {
                return text.Fail<DataBlock>(headerLine, "the column header has no data rows after it; expected rows of numbers");
            }

            var named = ImmutableArray.CreateBuilder<ColumnHeader>();
            var columns = ImmutableArray.CreateBuilder<ImmutableArray<double>>();
            for (int c = 0; c < width; c++)
            {
                if (headers[c] is { } header)
                {
                    named.Add(header);
                    columns.Add(Exact(values[c]));
                }
            }

            return DataFileResult.Success(new DataBlock(headerLine, named.ToImmutable(), columns.ToImmutable(), Exact(lines), n));
        }
        finally
        {
            foreach (ChunkedBuilder<double> column in values)
            {
                column.Dispose();
            }
        }
    }

    /// <summary>The number of rows <c>Read</c> will meet: lines up to the stop rule that are not blank (or skipped comments).</summary>
    internal static int CountRows(ImpedanceText text, int firstLine, Func<string, bool>? isEnd, bool skipComments)
    {
        int rows = 0;
        for (int n = firstLine; n <= text.Count; n++)
        {
            string line = text.Line(n);
            if (isEnd is not null && isEnd(line))
            {
                break;
            }

            if (!ImpedanceText.IsBlankOrComment(line, skipComments))
            {
                rows++;
            }
        }

        return rows;
    }

    /// <summary>The values as an exact array (the counted one, filled to its end; a copy only if the count was wrong).</summary>
    private static ImmutableArray<T> Exact<T>(ChunkedBuilder<T> values)
        where T : struct => ImmutableCollectionsMarshal.AsImmutableArray(values.ToArrayAndClear());

    /// <summary>The headers of split header fields: null for an empty field, otherwise parsed into name and unit.</summary>
    internal static ColumnHeader?[] HeadersOf(IReadOnlyList<string> fields)
    {
        var headers = new ColumnHeader?[fields.Count];
        for (int i = 0; i < fields.Count; i++)
        {
            headers[i] = fields[i].Length == 0 ? null : ColumnHeader.Parse(fields[i]);
        }

        return headers;
    }

    /// <summary>Joins blocks read under the same header (VersaStudio segments), in order.</summary>
    internal static DataBlock Concatenate(IReadOnlyList<DataBlock> blocks)
    {
        if (blocks.Count == 1)
        {
            return blocks[0];
        }

        var columns = ImmutableArray.CreateBuilder<ImmutableArray<double>>();
        for (int c = 0; c < blocks[0].Headers.Length; c++)
        {
            columns.Add([.. blocks.SelectMany(b => b.Values[c])]);
        }

        return new DataBlock(blocks[0].HeaderLine, blocks[0].Headers, columns.ToImmutable(), [.. blocks.SelectMany(b => b.LineNumbers)], blocks[^1].EndLine);
    }
}
