using Electrochem.IO.Tables;

namespace Electrochem.IO.Tests.Tables;

public sealed class MalformedFileTests
{
    private static DataFileError Error(string text, DelimitedTableOptions? options = null)
    {
        using var reader = new StringReader(text);
        DataFileResult<DelimitedTable> result = DelimitedTable.TryRead(reader, "bad.csv", options);
        Assert.False(result.IsSuccess);
        Assert.Equal("bad.csv", result.Error.FilePath);
        return result.Error;
    }

    private static void AssertError(string text, int line, string fragment, DelimitedTableOptions? options = null)
    {
        DataFileError error = Error(text, options);
        Assert.Equal(line, error.LineNumber);
        Assert.Contains(fragment, error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_file() => AssertError(string.Empty, 1, "the file is empty");

    [Fact]
    public void Only_comments_and_blank_lines() => AssertError("# a\n\n# b\n", 3, "only comments and blank lines");

    [Fact]
    public void Header_only() => AssertError("# x\nT (K),sigma (S/cm)\n\n", 2, "no data rows");

    [Fact]
    public void Truncated_last_line() => AssertError("a,b,c\n1,2,3\n4,5", 3, "is the file truncated?");

    [Fact]
    public void Wrong_field_count_in_the_middle()
    {
        DataFileError error = Error("a,b\n1,2\n3,4,5\n6,7\n");
        Assert.Equal(3, error.LineNumber);
        Assert.Contains("the row has 3 fields but the header on line 1 has 2 columns", error.Problem, StringComparison.Ordinal);
        Assert.DoesNotContain("truncated", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Trailing_delimiter_is_an_empty_field_not_ignored() => AssertError("a,b\n1,2,\n", 2, "3 fields");

    [Fact]
    public void Text_in_a_number_column() => AssertError("T (K),sigma\n300,1e-4\n310,n/a\n", 3, "column 2 ('sigma') is 'n/a', which is not a number");

    [Theory]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("-Infinity")]
    [InlineData("1e400")]
    public void Non_finite_numbers(string field) => AssertError($"a,b\n1,2\n3,{field}\n", 3, "every value must be a finite number");

    [Fact]
    public void The_infinity_sign_is_not_a_number() => AssertError("a,b\n1,∞\n", 2, "'∞', which is not a number");

    [Fact]
    public void Empty_field() => AssertError("a,b\n1,\n", 2, "column 2 ('b') is empty");

    [Fact]
    public void Mixed_decimal_separators() => AssertError("a;b\n1,5;2\n3.5;4\n", 3, "line 2 uses ','");

    [Fact]
    public void Thousands_separators_are_refused() => AssertError("a;b\n1.234,5;2\n", 2, "both '.' and ','");

    [Fact]
    public void A_missing_header_is_reported_on_the_first_data_line() => AssertError("\n300,1e-4\n310,2e-4\n", 2, "not column names");

    [Fact]
    public void Duplicate_column_names() => AssertError("a,b,a\n1,2,3\n", 1, "columns 1 and 3 are both named 'a'");

    [Fact]
    public void Unnamed_column() => AssertError("a,,c\n1,2,3\n", 1, "column 2 of the header row has no name");

    [Fact]
    public void Unclosed_quote() => AssertError("a,b\n\"1,2\n", 2, "not closed");

    [Fact]
    public void Binary_content() => AssertError("a,b\n1,2\n3\0,4\n", 3, "NUL character");

    [Fact]
    public void Line_longer_than_the_limit()
    {
        string text = "a,b\n1,2\n" + "3," + new string('4', 100) + "\n5,6\n";
        AssertError(text, 3, "longer than 50 characters", new DelimitedTableOptions { MaximumLineLength = 50 });
        Assert.Equal(3, Read(text, new DelimitedTableOptions { MaximumLineLength = 102 }).RowCount);
    }

    [Fact]
    public void A_huge_line_is_refused_without_reading_it_whole()
    {
        var reader = new CountingReader("a,b\n" + new string('1', 10_000_000));
        DataFileResult<DelimitedTable> result = DelimitedTable.TryRead(reader, "big.csv", new DelimitedTableOptions { MaximumLineLength = 1000 });
        Assert.Equal(2, result.Error!.LineNumber);
        Assert.True(reader.CharactersRead < 100_000, $"read {reader.CharactersRead} characters");
    }

    [Fact]
    public void Text_larger_than_the_limit_stops_on_the_line_that_crosses_it()
    {
        string text = "a,b\n" + string.Concat(Enumerable.Repeat("1,2\n", 100));
        AssertError(text, 11, "larger than 42 bytes", new DelimitedTableOptions { MaximumFileBytes = 42 });
    }

    [Fact]
    public void A_file_larger_than_the_limit_is_refused_before_reading()
    {
        using TempFile file = TempFile.WithText("a,b\n" + string.Concat(Enumerable.Repeat("1,2\n", 100)));
        DataFileResult<DelimitedTable> result = DelimitedTable.TryRead(file.Path, new DelimitedTableOptions { MaximumFileBytes = 100 });
        Assert.Equal(1, result.Error!.LineNumber);
        Assert.Contains("the file is 404 bytes, larger than the limit of 100 bytes", result.Error.Problem, StringComparison.Ordinal);
        Assert.Equal(100, DelimitedTable.Read(file.Path, new DelimitedTableOptions { MaximumFileBytes = 404 }).RowCount);
    }

    [Fact]
    public void Read_throws_a_DataFileException_with_the_three_parts()
    {
        using var reader = new StringReader("a,b\n1,x\n");
        DataFileException e = Assert.Throws<DataFileException>(() => DelimitedTable.Read(reader, "bad.csv"));
        Assert.Equal("bad.csv", e.FilePath);
        Assert.Equal(2, e.LineNumber);
        Assert.StartsWith("column 2 ('b') is 'x'", e.Problem, StringComparison.Ordinal);
        Assert.Equal("bad.csv:2: " + e.Problem, e.Message);
        Assert.Equal(e.Error, new DataFileError("bad.csv", 2, e.Problem));
        Assert.IsAssignableFrom<FormatException>(e);
    }

    [Fact]
    public void Value_of_a_failed_result_throws_and_TryGetValue_returns_false()
    {
        using var reader = new StringReader(string.Empty);
        DataFileResult<DelimitedTable> result = DelimitedTable.TryRead(reader, "e.csv");
        Assert.False(result.TryGetValue(out DelimitedTable? value));
        Assert.Null(value);
        Assert.Throws<DataFileException>(() => result.Value);
        Assert.Equal("Failure: e.csv:1: " + result.Error!.Problem, result.ToString());
    }

    private static DelimitedTable Read(string text, DelimitedTableOptions options)
    {
        using var reader = new StringReader(text);
        return DelimitedTable.Read(reader, "ok.csv", options);
    }

    /// <summary>A reader that counts how many characters were taken from it.</summary>
    private sealed class CountingReader(string text) : TextReader
    {
        private int _position;

        public long CharactersRead => _position;

        public override int Read(char[] buffer, int index, int count)
        {
            int n = Math.Min(count, text.Length - _position);
            text.CopyTo(_position, buffer, index, n);
            _position += n;
            return n;
        }
    }
}
