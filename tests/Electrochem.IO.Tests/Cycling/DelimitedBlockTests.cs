using Electrochem.Cycling;
using Electrochem.IO.Cycling;

namespace Electrochem.IO.Tests.Cycling;

/// <summary>The shared data-block reader, through the generic delimited format: lines, units, errors.</summary>
public sealed class DelimitedBlockTests
{
    private static DataFileResult<CyclerRecording> Read(string text, CyclerReadOptions? options = null)
    {
        using TempFile file = TempFile.WithText(text);
        return CyclerFile.TryRead(file.Path, options);
    }

    [Fact]
    public void Errors_after_blank_lines_and_quoted_line_breaks_name_the_right_line()
    {
        DataFileResult<CyclerRecording> r = Read("time_s,current_A,voltage_V,note\n0,1,3,a\n\n1,1,3,\"two\nlines\"\n2,1,oops,c\n");
        Assert.False(r.IsSuccess);
        Assert.Equal(6, r.Error!.LineNumber);
        Assert.Contains("column 3 ('voltage_V') is 'oops', which is not a number", r.Error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Time_going_backwards_names_its_line_or_is_sorted_on_request()
    {
        const string text = "# preamble\ntime_s;current_mA;voltage_V\n0;1,5;3,1\n2;1,5;3,2\n1;1,5;3,3\n";
        DataFileResult<CyclerRecording> refused = Read(text);
        Assert.Equal(5, refused.Error!.LineNumber);
        Assert.Contains("goes backwards", refused.Error.Problem, StringComparison.Ordinal);
        CyclerRecording sorted = Read(text, CyclerReadOptions.Default with { TimeOrder = RecordingTimeOrder.Sort }).Value;
        Assert.Equal([0, 1, 2], sorted.TestTime.Values.ToArray());
        Assert.Equal([3.1, 3.3, 3.2], sorted.Voltage.Values.ToArray());
        Assert.Equal(0.0015, sorted.Current.Values[0], 15);
        Assert.Contains(sorted.Warnings, w => w.Contains("rows were moved", StringComparison.Ordinal));
    }

    [Fact]
    public void Required_cells_must_be_finite_and_fields_must_match_the_header()
    {
        Assert.Contains("current ('I (A)') is empty", Read("t (s),I (A),U (V)\n0,,3\n").Error!.Problem, StringComparison.Ordinal);
        Assert.Contains("infinite", Read("t (s),I (A),U (V)\n0,1,Infinity\n").Error!.Problem, StringComparison.Ordinal);
        DataFileResult<CyclerRecording> extra = Read("t (s),I (A),U (V)\n0,1,3\n1,1,3,4\n");
        Assert.Equal(3, extra.Error!.LineNumber);
        Assert.Contains("has 4 fields but the header on line 1 has 3 columns", extra.Error.Problem, StringComparison.Ordinal);
        DataFileResult<CyclerRecording> shortInside = Read("t (s),I (A),U (V)\n0,1,3\n1,1\n2,1,3\n");
        Assert.Equal(3, shortInside.Error!.LineNumber);

        // A last line cut short is a file truncated while it was written: the complete rows are read, and it is reported.
        CyclerRecording truncated = Read("t (s),I (A),U (V)\n0,1,3\n1,1").Value;
        Assert.Equal(1, truncated.RowCount);
        Assert.Contains(truncated.Warnings, w => w.StartsWith("line 3, the last line, has 2 of the 3 fields", StringComparison.Ordinal));
    }

    [Fact]
    public void A_known_column_with_a_unit_of_the_wrong_dimension_is_an_error_not_a_guess()
    {
        DataFileResult<CyclerRecording> r = Read("Time (s),Current (mA/cm2),Voltage (V)\n0,1,3\n");
        Assert.False(r.IsSuccess);
        Assert.Contains("no current column ('Current (mA/cm2)' is named like it, but 'mA/cm2' is not a unit of current)", r.Error!.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Other_columns_stay_numbers_until_text_appears_and_nothing_is_lost()
    {
        CyclerRecording r = Read("time_s,current_A,voltage_V,flag,dQ/dV\n0,1,3,1,0.5\n1,1,3,x,0.25\n").Value;
        RecordingTextColumn flag = Assert.Single(r.TextColumns);
        Assert.Equal("flag", flag.Name);
        Assert.Equal(["1", "x"], [flag[0]!, flag[1]!]);
        Assert.Contains(r.Warnings, w => w.Contains("holds text from data row 2 on", StringComparison.Ordinal));
        Assert.Equal([0.5, 0.25], r.GetColumn("dQ/dV").Values.ToArray());
        Assert.Equal(string.Empty, r.GetColumn("dQ/dV").Unit);
    }

    [Fact]
    public void A_binary_file_is_named_as_such()
    {
        using TempFile file = TempFile.WithBytes([0x42, 0x49, 0x4F, 0x00, 0x01, 0x02, 0x00, 0x0A, 0x41], "cell.mpr");
        DataFileResult<CyclerRecording> r = CyclerFile.TryRead(file.Path);
        Assert.Equal(1, r.Error!.LineNumber);
        Assert.Contains("binary file", r.Error.Problem, StringComparison.Ordinal);
    }
}
