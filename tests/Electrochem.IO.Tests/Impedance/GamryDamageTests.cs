using Electrochem.IO.Impedance;

namespace Electrochem.IO.Tests.Impedance;

/// <summary>Damaged Gamry files: a Try method returns the problem with its line, and a table never ends silently.</summary>
public sealed class GamryDamageTests
{
    private static readonly string[] Lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Data", "impedancepy", "exampleDataGamry.DTA"));

    private static DataFileResult<ImpedanceData> Read(string[] lines)
    {
        using var reader = new StringReader(string.Join("\n", lines) + "\n");
        return ImpedanceFile.TryRead(reader, "damaged.DTA");
    }

    private static int Zcurve => Array.FindIndex(Lines, l => l.StartsWith("ZCURVE\tTABLE", StringComparison.Ordinal)) + 1; // 1-based

    [Fact]
    public void A_setting_that_opens_an_unclosed_quote_is_skipped_with_a_warning()
    {
        string[] lines = [.. Lines];
        lines[5] = "\"" + lines[5];
        DataFileResult<ImpedanceData> result = Read(lines);
        Assert.True(result.IsSuccess, result.IsSuccess ? string.Empty : result.Error.ToString());
        Assert.Contains(result.Value.Warnings, w => w.Contains("line 6 could not be read as a setting", StringComparison.Ordinal));
        Assert.Equal(Read(Lines).Value.Spectrum.Count, result.Value.Spectrum.Count);
    }

    [Theory]
    [InlineData("lost tab")]
    [InlineData("stray hash")]
    [InlineData("unclosed quote")]
    public void A_damaged_data_row_is_an_error_on_its_line_not_the_silent_end_of_the_table(string damage)
    {
        string[] lines = [.. Lines];
        int row = Zcurve + 2 + 36; // the 37th data row (0-based line index)
        lines[row] = damage switch
        {
            "lost tab" => lines[row].TrimStart('\t'),
            "stray hash" => "#" + lines[row],
            _ => "\t\"" + lines[row].TrimStart('\t'),
        };
        DataFileResult<ImpedanceData> result = Read(lines);
        Assert.False(result.IsSuccess);
        Assert.Equal(row + 1, result.Error.LineNumber);
    }
}

/// <summary>A spectrum whose Z″ column is all positive is read, with a warning that it is probably −Z″.</summary>
public sealed class SignWarningTests
{
    [Fact]
    public void Every_positive_Z_imaginary_is_a_warning_not_silence()
    {
        string text = "f (Hz),Z' (Ohm),Z'' (Ohm)\n" + string.Concat(Enumerable.Range(0, 10).Select(k => FormattableString.Invariant($"{Math.Pow(10, 5 - (0.5 * k))},{10 + k},{1 + k}\n")));
        DataFileResult<ImpedanceData> result = ImpedanceFile.TryRead(new StringReader(text), "positive.csv");
        Assert.True(result.IsSuccess);
        Assert.Contains(result.Value.Warnings, w => w.Contains("every Z″ is positive", StringComparison.Ordinal));
    }
}
