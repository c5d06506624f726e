using Electrochem.IO.Tables;

namespace Electrochem.IO.Tests.Tables;

public sealed class DelimitedTableTests
{
    internal static DelimitedTable Read(string text, DelimitedTableOptions? options = null)
    {
        using var reader = new StringReader(text);
        return DelimitedTable.Read(reader, "t.csv", options);
    }

    [Fact]
    public void Reads_a_comma_delimited_table_with_every_column_and_row()
    {
        DelimitedTable table = Read("T (K),sigma (S/cm),u_sigma (S/cm),note\n300,1.5e-4,3e-6,1\n310,2.5E-4,5e-6,2\n");
        Assert.Equal(',', table.Delimiter);
        Assert.Equal('.', table.DecimalSeparator);
        Assert.Equal(4, table.Columns.Length);
        Assert.Equal(["T (K)", "sigma (S/cm)", "u_sigma (S/cm)", "note"], table.Columns.Select(c => c.Header.Text));
        Assert.Equal([300.0, 310.0], table.GetColumn("T").Values);
        Assert.Equal([1.5e-4, 2.5e-4], table.GetColumn("sigma (S/cm)").Values);
        Assert.Equal([1.0, 2.0], table.GetColumn("note").Values);
        Assert.Equal(2, table.RowCount);
        Assert.Equal([2, 3], table.RowLineNumbers);
        Assert.Equal(1, table.HeaderLineNumber);
    }

    [Fact]
    public void Detects_semicolons_and_decimal_commas()
    {
        DelimitedTable table = Read("T/°C;σ / mS cm-1\n30;0,36\n40;0,5\n");
        Assert.Equal(';', table.Delimiter);
        Assert.Equal(',', table.DecimalSeparator);
        Assert.Equal([0.36, 0.5], table.GetColumn("σ").Values);
        Assert.Equal("mS cm-1", table.Columns[1].Header.Unit);
    }

    [Fact]
    public void Detects_tabs_and_decimal_commas()
    {
        DelimitedTable table = Read("T (K)\tsigma (S/cm)\n300\t1,5e-4\n310,5\t2e-4\n");
        Assert.Equal('\t', table.Delimiter);
        Assert.Equal(',', table.DecimalSeparator);
        Assert.Equal([300.0, 310.5], table.Columns[0].Values);
    }

    [Fact]
    public void A_single_column_accepts_decimal_commas()
    {
        DelimitedTable table = Read("sigma (S/cm)\n1,5e-4\n2,5e-4\n");
        Assert.Equal([1.5e-4, 2.5e-4], table.Columns[0].Values);
        Assert.Equal(',', table.DecimalSeparator);
    }

    [Fact]
    public void Semicolon_files_may_use_decimal_points()
    {
        DelimitedTable table = Read("a;b\n1.5;2\n3;4.25\n");
        Assert.Equal('.', table.DecimalSeparator);
        Assert.Equal([1.5, 3.0], table.Columns[0].Values);
    }

    [Fact]
    public void Skips_comments_and_blank_lines_everywhere_and_counts_their_lines()
    {
        DelimitedTable table = Read("# exported 2024\n\n  # operator: x\nT (K),s (S/cm)\n\n300,1\n# pause\n310,2\n   \n");
        Assert.Equal(4, table.HeaderLineNumber);
        Assert.Equal([6, 8], table.RowLineNumbers);
    }

    [Fact]
    public void Handles_crlf_cr_and_a_byte_order_mark()
    {
        Assert.Equal([1.0, 2.0], Read("a,b\r\n1,3\r\n2,4\r\n").Columns[0].Values);
        Assert.Equal([1.0, 2.0], Read("a,b\r1,3\r2,4").Columns[0].Values);
        byte[] bom = [0xEF, 0xBB, 0xBF, .. "T (°C),sigma\n1,2\n"u8];
        using TempFile file = TempFile.WithBytes(bom);
        DelimitedTable table = DelimitedTable.Read(file.Path);
        Assert.Equal("T (°C)", table.Columns[0].Header.Text);
        Assert.Equal("°C", table.Columns[0].Header.Unit);
    }

    [Fact]
    public void Reads_quoted_fields_with_the_delimiter_inside()
    {
        DelimitedTable table = Read("\"T, set point (K)\",\"he said \"\"σ\"\"\"\n\"300\",1\n");
        Assert.Equal("T, set point", table.Columns[0].Header.Name);
        Assert.Equal("he said \"σ\"", table.Columns[1].Header.Text);
        Assert.Equal([300.0], table.Columns[0].Values);
    }

    [Fact]
    public void Explicit_options_override_detection()
    {
        DelimitedTable table = Read("a;b,c\n1;2,5\n", new DelimitedTableOptions { Delimiter = ';', DecimalSeparator = ',' });
        Assert.Equal(2, table.Columns.Length);
        Assert.Equal("b,c", table.Columns[1].Header.Text);
        Assert.Equal([2.5], table.Columns[1].Values);
    }

    [Fact]
    public void Reads_from_a_file_and_names_it_in_errors()
    {
        using TempFile file = TempFile.WithText("a,b\n1,2\n3\n");
        DataFileResult<DelimitedTable> result = DelimitedTable.TryRead(file.Path);
        Assert.False(result.IsSuccess);
        Assert.Equal(file.Path, result.Error.FilePath);
        Assert.Equal(3, result.Error.LineNumber);
        Assert.StartsWith(file.Path + ":3: ", result.Error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_is_an_io_error_not_a_data_error()
    {
        Assert.Throws<FileNotFoundException>(() => DelimitedTable.TryRead(Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".csv")));
    }

    [Fact]
    public void GetColumn_reports_missing_and_ambiguous_names()
    {
        DelimitedTable table = Read("T (K),T (°C)\n1,2\n");
        Assert.Equal([2.0], table.GetColumn("T (°C)").Values);
        Assert.Contains("2 columns named 'T'", Assert.Throws<KeyNotFoundException>(() => table.GetColumn("T")).Message, StringComparison.Ordinal);
        Assert.Contains("no column named 'x'", Assert.Throws<KeyNotFoundException>(() => table.GetColumn("x")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_options_are_argument_errors()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Read("a\n1\n", new DelimitedTableOptions { MaximumLineLength = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => Read("a\n1\n", new DelimitedTableOptions { MaximumFileBytes = -1 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => Read("a\n1\n", new DelimitedTableOptions { Delimiter = '|' }));
        Assert.Throws<ArgumentOutOfRangeException>(() => Read("a\n1\n", new DelimitedTableOptions { Delimiter = ',', DecimalSeparator = ',' }));
    }
}
