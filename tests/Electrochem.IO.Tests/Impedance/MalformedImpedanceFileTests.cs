using Electrochem.IO.Impedance;
using Electrochem.IO.Tables;

namespace Electrochem.IO.Tests.Impedance;

/// <summary>Malformed impedance files: each a <see cref="DataFileError"/> naming the file, the line and the problem, never a crash.</summary>
public sealed class MalformedImpedanceFileTests
{
    private static DataFileError Error(string text, string name = "bad.txt", DelimitedTableOptions? options = null)
    {
        using var reader = new StringReader(text);
        DataFileResult<ImpedanceData> result = ImpedanceFile.TryRead(reader, name, options);
        Assert.False(result.IsSuccess, "expected an error");
        Assert.Equal(name, result.Error.FilePath);
        return result.Error;
    }

    private static void AssertError(string text, int line, string fragment, DelimitedTableOptions? options = null)
    {
        DataFileError error = Error(text, options: options);
        Assert.Equal(line, error.LineNumber);
        Assert.Contains(fragment, error.Problem, StringComparison.Ordinal);
    }

    private static string Sample(string name) => File.ReadAllText(TestFiles.ImpedancePy(name), System.Text.Encoding.Latin1);

    [Fact]
    public void Empty_file() => AssertError(string.Empty, 1, "the file is empty");

    [Fact]
    public void Blank_lines_only() => AssertError("\n  \n\n", 3, "only blank lines");

    [Fact]
    public void Unknown_content() => AssertError("hello\nworld\n", 1, "not an impedance file format this reader knows");

    [Fact]
    public void An_unknown_header_row_gets_the_table_readers_precise_reason() =>
        AssertError("Frequency,Zr,Zx\n100,1,2\n10,2,3\n", 1, "read as a table with a header row: no Z″ (imaginary part) column; expected headers such as 'f (Hz)'");

    [Fact]
    public void Truncated_Gamry_file_mid_row()
    {
        string text = Sample("exampleDataGamry.DTA");
        string truncated = text[..text.IndexOf("\t0.0317152", StringComparison.Ordinal)];
        AssertError(truncated, 517, "is the file truncated?");
    }

    [Fact]
    public void Truncated_Gamry_file_before_the_table_header() =>
        AssertError("EXPLAIN\nTAG\tEISPOT\nZCURVE\tTABLE\n", 3, "ends before its header and units rows");

    [Fact]
    public void Gamry_file_without_ZCURVE() => AssertError("EXPLAIN\nTAG\tCV\nVLIMIT1\tQUANT\t1\tE1\n", 1, "no ZCURVE table");

    [Fact]
    public void Truncated_VersaStudio_segment()
    {
        string text = Sample("exampleDataVersaStudio.par");
        string truncated = text[..text.IndexOf("</Segment1>", StringComparison.Ordinal)];
        Assert.Contains("is the file truncated?", Error(truncated).Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Garbled_number_in_a_BioLogic_file()
    {
        string text = Sample("exampleDataBioLogic.mpt").Replace("6.3611004E+001", "6.36#1004E+001", StringComparison.Ordinal);
        AssertError(text, 63, "column 2 ('Re(Z)/Ohm') is '6.36#1004E+001', which is not a number");
    }

    [Fact]
    public void Garbled_number_in_a_csv() => AssertError("1,2,3\n4,x5,6\n", 2, "column 2 ('column 2 (Z′)') is 'x5', which is not a number");

    [Fact]
    public void Mixed_decimal_separators() => AssertError("f;Z';Z''\n1,5;2;3\n2.5;2;3\n", 3, "a file must use one decimal separator");

    [Fact]
    public void Header_only_BioLogic()
    {
        string text = Sample("exampleDataBioLogic.mpt");
        string[] lines = text.Split('\n');
        AssertError(string.Join('\n', lines[..61]) + "\n", 61, "no data rows");
    }

    [Fact]
    public void Header_only_table() => AssertError("f (Hz),Z' (Ohm),Z'' (Ohm)\n", 1, "no data rows");

    [Fact]
    public void Wrong_column_count() => AssertError("Freq/Hz, Z'/ohm, Z\"/ohm, Z/ohm, Phase/deg\n\n1e3, 1, -2, 3, -4\n1e2, 1, -2, 3\n", 4, "the row has 4 fields but the header on line 1 has 5 columns");

    [Fact]
    public void Headerless_table_needs_three_columns() => AssertError("1,2\n3,4\n", 1, "must have exactly three columns");

    [Fact]
    public void Negative_frequency() => AssertError("1,2,3\n-4,5,6\n", 2, "expected a positive finite frequency");

    [Fact]
    public void All_rows_dc_records() => AssertError("f (Hz),Zre,Zim\n0,1,2\n0,3,4\n", 1, "no impedance points: all 2 rows have frequency 0");

    [Fact]
    public void Not_a_number_value() => AssertError("1,2,NaN\n", 1, "every value must be a finite number");

    [Fact]
    public void Binary_mpr_file_named_as_text_is_refused_clearly()
    {
        string path = TestFiles.ImpedancePy("exampleDataBioLogic.mpr");
        DataFileResult<ImpedanceData> result = ImpedanceFile.TryRead(path, ImpedanceFileFormat.BioLogic);
        Assert.False(result.IsSuccess);
        Assert.Equal(path, result.Error.FilePath);
        Assert.Equal(1, result.Error.LineNumber);
        Assert.Contains("binary file", result.Error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Binary_garbage_without_nul_bytes_is_not_a_format()
    {
        var random = new Random(42);
        byte[] bytes = new byte[4096];
        random.NextBytes(bytes);
        for (int i = 0; i < bytes.Length; i++)
        {
            bytes[i] = bytes[i] is 0 or (byte)'\n' or (byte)'\r' ? (byte)0xFF : bytes[i];
        }

        using TempFile file = TempFile.WithBytes(bytes, "garbage.DTA");
        DataFileResult<ImpedanceData> result = ImpedanceFile.TryRead(file.Path);
        Assert.False(result.IsSuccess);
        Assert.Equal(1, result.Error.LineNumber);
    }

    [Fact]
    public void Binary_garbage_with_nul_bytes()
    {
        using TempFile file = TempFile.WithBytes([0x45, 0x58, 0x50, 0x0A, 0x00, 0x01, 0x02], "garbage.mpt");
        DataFileResult<ImpedanceData> result = ImpedanceFile.TryRead(file.Path);
        Assert.False(result.IsSuccess);
        Assert.Equal(2, result.Error.LineNumber);
        Assert.Contains("NUL character", result.Error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Huge_line_stops_at_the_limit()
    {
        var options = new DelimitedTableOptions { MaximumLineLength = 1000 };
        AssertError("1,2,3\n" + new string('7', 5000) + "\n", 2, "longer than 1000 characters", options);
    }

    [Fact]
    public void Huge_file_stops_at_the_limit()
    {
        var options = new DelimitedTableOptions { MaximumFileBytes = 100 };
        string text = string.Concat(Enumerable.Repeat("1,2,3\n", 50));
        AssertError(text, 17, "larger than 100 bytes", options);
        using TempFile file = TempFile.WithText(text, "big.csv");
        DataFileResult<ImpedanceData> result = ImpedanceFile.TryRead(file.Path, options);
        Assert.Equal(1, result.Error?.LineNumber);
        Assert.Contains("it was not read", result.Error?.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void EC_Lab_file_with_a_bad_header_count() =>
        AssertError("EC-Lab ASCII FILE\nNb header lines : lots\n", 2, "Nb header lines : N");

    [Fact]
    public void EC_Lab_file_announcing_more_header_lines_than_it_has() =>
        AssertError("EC-Lab ASCII FILE\nNb header lines : 90\n\nPEIS\n", 2, "announces 90 header lines but has 4 lines");

    [Fact]
    public void Value_under_an_unnamed_column() =>
        AssertError("EXPLAIN\nZCURVE\tTABLE\n\tPt\tFreq\tZreal\tZimag\n\t#\tHz\tohm\tohm\n x\t0\t1\t2\t3\n", 5, "column 1 is 'x' but the header on line 3 has no name there");

    [Fact]
    public void Reading_as_the_wrong_format_says_what_was_expected()
    {
        using var reader = new StringReader("1,2,3\n");
        DataFileResult<ImpedanceData> result = ImpedanceFile.TryRead(reader, "x.csv", ImpedanceFileFormat.Gamry);
        Assert.Equal("x.csv:1: a Gamry .DTA file starts with the line 'EXPLAIN'", result.Error?.ToString());
    }

    [Fact]
    public void A_missing_file_is_an_io_error() =>
        Assert.Throws<FileNotFoundException>(() => ImpedanceFile.TryRead(Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".mpt")));

    [Fact]
    public void Undefined_format_is_an_argument_error()
    {
        using var reader = new StringReader("1,2,3\n");
        Assert.Throws<ArgumentOutOfRangeException>(() => ImpedanceFile.TryRead(reader, "x", (ImpedanceFileFormat)99));
    }
}
