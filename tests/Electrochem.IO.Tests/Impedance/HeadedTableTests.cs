using Electrochem.IO.Impedance;
using FsCheck;
using FsCheck.Xunit;
using Electrochem.Impedance;

namespace Electrochem.IO.Tests.Impedance;

/// <summary>Delimited tables with a header: columns found by name and unit, conversions recorded, and a write–read round trip.</summary>
public sealed class HeadedTableTests
{
    private static ImpedanceData Read(string text)
    {
        using var reader = new StringReader(text);
        DataFileResult<ImpedanceData> result = ImpedanceFile.TryRead(reader, "t.csv");
        Assert.True(result.IsSuccess, result.ToString());
        return result.Value;
    }

    [Fact]
    public void Finds_columns_by_name_in_any_order_and_keeps_the_others()
    {
        ImpedanceData data = Read("T (K),Z' (Ohm),freq (Hz),Z'' (Ohm)\n298,10,1000,-5\n298,12,100,-8\n");
        Assert.Equal(ImpedanceFileFormat.DelimitedTable, data.Format);
        Assert.Equal([1000.0, 100.0], data.Spectrum.Frequency.ToArray());
        Assert.Equal([-5.0, -8.0], data.Spectrum.Imaginary.ToArray());
        Assert.Equal("T (K)", Assert.Single(data.OtherColumns).Header.Text);
        Assert.Empty(data.Conversions);
        Assert.Equal([2, 3], data.LineNumbers);
    }

    [Fact]
    public void Minus_Im_Z_is_negated_and_units_are_converted()
    {
        ImpedanceData data = Read("f (kHz);Re(Z) (mOhm);-Im(Z) (mOhm)\n1,5;2000;3000\n");
        Assert.Equal(1500.0, data.Spectrum.Frequency[0]);
        Assert.Equal(2.0, data.Spectrum.Real[0]);
        Assert.Equal(-3.0, data.Spectrum.Imaginary[0]);
        Assert.Equal(4, data.Conversions.Length);
    }

    [Fact]
    public void Angular_frequency_becomes_hertz()
    {
        ImpedanceData data = Read("omega (rad/s),Zre (ohm),Zim (ohm)\n6.283185307179586,1,-1\n");
        Assert.Equal(1.0, data.Spectrum.Frequency[0], 12);
    }

    [Fact]
    public void Missing_units_are_assumed_and_said()
    {
        ImpedanceData data = Read("freq,Zreal,Zimag\n10,1,-1\n");
        Assert.Equal(3, data.Conversions.Length);
        Assert.Contains(data.Conversions, c => c.Contains("Hz assumed", StringComparison.Ordinal));
    }

    [Fact]
    public void Dc_records_are_dropped_with_their_lines()
    {
        ImpedanceData data = Read("f (Hz),Zre,Zim\n0,1,1\n10,1,-1\n0,2,2\n");
        Assert.Equal(1, data.Spectrum.Count);
        Assert.Equal([2, 4], data.DroppedPoints.Select(p => p.LineNumber));
    }

    [Theory]
    [InlineData("f (Hz),Zre,Zim,Z'\n1,1,1,1\n", "two columns look like Z′ (real part): 'Zre' and 'Z''")]
    [InlineData("f (Hz),Zre (Ohm cm2),Zim\n1,1,1\n", "not an impedance unit this reader converts")]
    [InlineData("f (GHz),Zre,Zim\n1,1,1\n", "not a frequency unit this reader converts")]
    [InlineData("f (Hz),Zre,phase\n1,1,1\n", "no Z″ (imaginary part) column")]
    public void Column_problems_name_the_header_line(string text, string fragment)
    {
        using var reader = new StringReader("# exported\n" + text);
        DataFileResult<ImpedanceData> result = ImpedanceFile.TryRead(reader, "t.csv", ImpedanceFileFormat.DelimitedTable);
        Assert.False(result.IsSuccess);
        Assert.Equal(2, result.Error.LineNumber);
        Assert.Contains(fragment, result.Error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Headerless_csv_skips_the_commented_header_of_impedance_py_saveCSV()
    {
        ImpedanceData data = Read("# freq,Re(Z),Im(Z)\n1.000000000000000000e+03,2.0e+00,-3.0e+00\n");
        Assert.Equal(ImpedanceFileFormat.HeaderlessCsv, data.Format);
        Assert.Equal(1000.0, data.Spectrum.Frequency[0]);
        Assert.Equal(2, data.LineNumbers[0]);
    }

    [Property(MaxTest = 300)]
    public bool A_spectrum_written_as_csv_reads_back_identically(NonEmptyArray<NormalFloat> numbers, byte format)
    {
        double[] values = [.. numbers.Get.Select(n => n.Get)];
        int count = Math.Max(1, values.Length / 3);
        double[] frequency = [.. Enumerable.Range(0, count).Select(i => Math.Abs(values[(3 * i) % values.Length]) is > 0 and var f ? f : 1.0)];
        double[] real = [.. Enumerable.Range(0, count).Select(i => values[((3 * i) + 1) % values.Length])];
        double[] imaginary = [.. Enumerable.Range(0, count).Select(i => values[((3 * i) + 2) % values.Length])];
        (char delimiter, char decimalSeparator) = (format % 4) switch
        {
            0 => (',', '.'),
            1 => (';', ','),
            2 => ('\t', ','),
            _ => ('\t', '.'),
        };
        var spectrum = new ImpedanceSpectrum(frequency, real, imaginary);
        using var writer = new StringWriter();
        ImpedanceCsvWriter.Write(writer, spectrum, delimiter, decimalSeparator);
        using var reader = new StringReader(writer.ToString());
        ImpedanceData back = ImpedanceFile.TryRead(reader, "round-trip.csv").Value;
        return back.Format == ImpedanceFileFormat.DelimitedTable
            && back.Spectrum.Frequency.SequenceEqual(spectrum.Frequency)
            && back.Spectrum.Real.SequenceEqual(spectrum.Real)
            && back.Spectrum.Imaginary.SequenceEqual(spectrum.Imaginary)
            && back.Conversions.IsEmpty
            && back.DroppedPoints.IsEmpty;
    }
}
