using System.Globalization;
using System.Text;
using Electrochem.Cycling;
using Electrochem.IO.Cycling;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Electrochem.IO.Tests.Cycling;

/// <summary>
/// Files longer than Sep's 2³¹-character limit are read in segments that end at line breaks; here the segments are a
/// few dozen characters long, so every boundary case (a boundary at a blank line, inside a quoted field, at the end of
/// the file) is met, and the result must equal reading the text in one piece.
/// </summary>
public sealed class SegmentedReadingTests
{
    [Property(MaxTest = 300)]
    public Property Segmented_reading_equals_reading_in_one_piece(int seed, PositiveInt segment)
    {
        var random = new Random(seed);
        var text = new StringBuilder("time_s,current_A,voltage_V,note\n");
        int rows = 1 + random.Next(60);
        for (int i = 0; i < rows; i++)
        {
            if (random.Next(8) == 0)
            {
                text.Append('\n');
            }

            string note = random.Next(5) switch { 0 => "\"a, \"\"quoted\"\"\nnote\"", 1 => string.Empty, _ => "n" + i.ToString(CultureInfo.InvariantCulture) };
            text.Append(CultureInfo.InvariantCulture, $"{i},{random.NextDouble():R},{3 + random.NextDouble():R},{note}\n");
        }

        int length = 8 + (segment.Get % 120);
        RawTable whole = Read(text.ToString(), DelimitedBlockReader.SegmentLength);
        RawTable pieces = Read(text.ToString(), length);
        bool same = whole.RowLines.AsSpan().SequenceEqual(pieces.RowLines)
            && whole.Columns.Zip(pieces.Columns).All(p => p.First.IsText
                ? p.First.Codes!.AsSpan().SequenceEqual(p.Second.Codes) && p.First.Categories.SequenceEqual(p.Second.Categories)
                : p.First.Numbers!.Value.Span.SequenceEqual(p.Second.Numbers!.Value.Span));
        return same.ToProperty().Label($"segment length {length}");
    }

    [Fact]
    public void Errors_in_later_segments_name_the_file_line()
    {
        string text = "time_s,current_A,voltage_V\n" + string.Concat(Enumerable.Range(0, 50).Select(i => $"{i},1,3\n")) + "50,1,x\n";
        DataFileResult<RawTable> result = DelimitedBlockReader.Read(new StringReader(text), "f.csv", 1, ',', '.', Plan, CancellationToken.None, segmentLength: 17);
        Assert.Equal(52, result.Error!.LineNumber);
    }

    private static RawTable Read(string text, int segmentLength)
    {
        DataFileResult<RawTable> result = DelimitedBlockReader.Read(new StringReader(text), "f.csv", 1, ',', '.', Plan, CancellationToken.None, expectedRows: segmentLength % 7, segmentLength: segmentLength);
        Assert.True(result.IsSuccess, result.ToString());
        return result.Value;
    }

    private static (ColumnPlan[]?, string?) Plan(IReadOnlyList<string> headers) =>
        CyclerColumnPlanner.Plan(headers, null, [], useSynonyms: true, []);
}
