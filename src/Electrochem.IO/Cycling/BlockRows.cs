using System.Globalization;
using Electrochem.IO.Tables;
using nietras.SeparatedValues;

namespace Electrochem.IO.Cycling;

/// <summary>What every row of a delimited block is checked against, and named by in messages.</summary>
/// <param name="Source">The file name for messages.</param>
/// <param name="HeaderLine">1-based line of the header.</param>
/// <param name="Delimiter">The field delimiter.</param>
/// <param name="Culture">Number parsing with the file's decimal separator.</param>
/// <param name="Plans">One plan per header column.</param>
internal sealed record BlockLayout(string Source, int HeaderLine, char Delimiter, CultureInfo Culture, ColumnPlan[] Plans);

/// <summary>
/// The rows of a delimited block while they are read — the whole block, or one line-aligned part of it read on its
/// own thread: every field accounted for, blank rows counted, a short last row kept aside as a cut-off line, and the
/// line each row came from.
/// </summary>
internal sealed class BlockRows : IDisposable
{
    private const int CancellationStride = 1 << 14;

    private readonly BlockLayout _layout;
    private readonly ChunkedBuilder<int> _lines = new();
    private bool _consecutive = true;

    private BlockRows(BlockLayout layout, int firstLine, BlockColumn[] columns)
    {
        _layout = layout;
        FirstLine = firstLine;
        Columns = columns;
    }

    /// <summary>The columns, in header order.</summary>
    internal BlockColumn[] Columns { get; }

    /// <summary>The line the first row is on when no line before it is blank.</summary>
    internal int FirstLine { get; }

    internal int Rows { get; private set; }

    internal int BlankRows { get; private set; }

    /// <summary>The last row when it had too few fields (a file cut off while written), with its line.</summary>
    internal (int Line, int Fields)? ShortRow { get; private set; }

    /// <summary>True when every row so far is on the line after the one before (no blank lines between).</summary>
    internal bool IsConsecutive => _consecutive;

    /// <summary>True when some column outgrew its caller's block.</summary>
    internal bool Spilled => Columns.Any(c => c.Spilled);

    /// <summary>Rows of a whole block; numeric columns start with one block of <paramref name="expectedRows"/>.</summary>
    internal static BlockRows Whole(BlockLayout layout, int expectedRows) =>
        new(layout, layout.HeaderLine + 1, [.. layout.Plans.Select(p => new BlockColumn(p, expectedRows))]);

    /// <summary>Rows of one part, whose numbers go into <c>targets[c]</c> from <paramref name="offset"/> for up to <paramref name="length"/> rows.</summary>
    internal static BlockRows Part(BlockLayout layout, int firstLine, double[]?[] targets, int offset, int length) =>
        new(layout, firstLine, [.. layout.Plans.Select((p, c) => new BlockColumn(p, targets[c], offset, length))]);

    /// <summary>
    /// Reads every row of one Sep reader. <paramref name="nextSepLine"/> is Sep's line number (from 1 at the reader's
    /// start) of the next row, and <paramref name="segmentFirstLine"/> the file line of Sep's line 1. A row's first
    /// line is where the previous row ended (<c>LineNumberToExcl</c>): Sep 0.18 reports <c>LineNumberFrom</c> one too
    /// high for a reader's first row. Returns the first problem, or null.
    /// </summary>
    internal DataFileError? Read(SepReader sep, ref int nextSepLine, int segmentFirstLine, CancellationToken cancellationToken)
    {
        ColumnPlan[] plans = _layout.Plans;
        int expected = plans.Length;
        foreach (SepReader.Row row in sep)
        {
            int line = segmentFirstLine + nextSepLine - 1;
            nextSepLine = row.LineNumberToExcl;
            if ((Rows & (CancellationStride - 1)) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            if (ShortRow is { } cut)
            {
                return Error(cut.Line, FieldCountProblem(cut.Fields));
            }

            if (IsBlank(row))
            {
                BlankRows++;
                continue;
            }

            if (row.ColCount != expected && !(row.ColCount > expected && AllBlank(row, expected)))
            {
                // Too few fields on the last line is a file cut off while it was written or copied: reported by the
                // caller. Anywhere else a wrong count is an error.
                if (row.ColCount < expected)
                {
                    ShortRow = (line, row.ColCount);
                    continue;
                }

                return Error(line, FieldCountProblem(row.ColCount));
            }

            for (int c = 0; c < expected; c++)
            {
                if (Columns[c].Add(row[c], _layout.Culture) is { } fieldProblem)
                {
                    return Error(line, $"column {c + 1} ('{plans[c].Header}') {fieldProblem}");
                }
            }

            if (_consecutive && line != FirstLine + Rows)
            {
                _consecutive = false;
                for (int r = 0; r < Rows; r++)
                {
                    _lines.Add(FirstLine + r);
                }
            }

            if (!_consecutive)
            {
                _lines.Add(line);
            }

            Rows++;
        }

        return null;
    }

    /// <summary>A short row at the end of a part that is not the file's end is an ordinary wrong field count.</summary>
    internal DataFileError? ShortRowInsideFile() => ShortRow is { } cut ? Error(cut.Line, FieldCountProblem(cut.Fields)) : null;

    /// <summary>The line of every row, in order.</summary>
    internal int[] RowLines()
    {
        if (!_consecutive)
        {
            return _lines.ToArrayAndClear();
        }

        int[] lines = GC.AllocateUninitializedArray<int>(Rows);
        for (int i = 0; i < lines.Length; i++)
        {
            lines[i] = FirstLine + i;
        }

        return lines;
    }

    /// <summary>The block read in one piece.</summary>
    internal DataFileResult<RawTable> Build()
    {
        if (Rows == 0)
        {
            return DataFileResult.Failure<RawTable>(Error(_layout.HeaderLine, "the header has no data rows after it; expected at least one row of values"));
        }

        var warnings = new List<string>();
        AddRowWarnings(warnings, ShortRow, _layout.Plans.Length, BlankRows);
        var columns = new List<RawColumn>(Columns.Length);
        foreach (BlockColumn column in Columns)
        {
            columns.Add(column.Build(warnings));
        }

        return DataFileResult.Success(new RawTable(columns, RowLines(), warnings));
    }

    /// <summary>The warnings about rows not read: a cut-off last line, blank lines.</summary>
    internal static void AddRowWarnings(List<string> warnings, (int Line, int Fields)? shortRow, int expected, int blankRows)
    {
        if (shortRow is { } last)
        {
            warnings.Add($"line {last.Line}, the last line, has {last.Fields} of the {expected} fields: the file was cut off (truncated while it was written or copied), so that row is not read");
        }

        if (blankRows > 0)
        {
            warnings.Add($"{blankRows} blank line{(blankRows == 1 ? " was" : "s were")} (or lines of empty fields) skipped in the data");
        }
    }

    public void Dispose()
    {
        _lines.Dispose();
        foreach (BlockColumn column in Columns)
        {
            column.Dispose();
        }
    }

    private DataFileError Error(int line, string problem) => new(_layout.Source, Math.Max(1, line), problem);

    private string FieldCountProblem(int fields) =>
        $"the row has {fields} field{(fields == 1 ? string.Empty : "s")} but the header on line {_layout.HeaderLine} has {_layout.Plans.Length} columns, delimited by '{DelimitedBlockReader.Describe(_layout.Delimiter)}'; is the file truncated or were fields added?";

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
}
