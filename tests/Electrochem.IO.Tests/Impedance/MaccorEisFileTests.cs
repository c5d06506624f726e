using Electrochem.IO.Impedance;

namespace Electrochem.IO.Tests.Impedance;

/// <summary>beep's Maccor AC-impedance export (Apache-2.0; tests/Electrochem.IO.Tests/Data/cycling/beep/SOURCE.md).</summary>
public sealed class MaccorEisFileTests
{
    private static readonly string File = Path.Combine(AppContext.BaseDirectory, "Data", "cycling", "beep", "maccor_test_file_4267-66-6519.EDA0001.041");

    [Fact]
    public void Reads_the_sweep_with_its_open_circuit_voltage()
    {
        Assert.Equal(ImpedanceFileFormat.MaccorEis, ImpedanceFile.DetectFormat(File));
        ImpedanceData data = ImpedanceFile.Read(File);
        Assert.Equal(60, data.Spectrum.Count);
        Assert.Equal(999_999.0, data.Spectrum.Frequency[0]);                 // 1 MHz downward
        Assert.Equal(0.773446, data.Spectrum.Real[0]);
        Assert.Equal(-0.849201, data.Spectrum.Imaginary[0]);                  // physical sign: capacitive Z″ < 0
        Assert.Equal(1.25892, data.Spectrum.Frequency[^1]);

        // |Z| written by Maccor agrees with Z′ and Z″ (a check that the columns line up).
        double modulus = data.OtherColumns.Single(c => c.Header.Text == "Z-Mag").Values[0];
        Assert.True(Math.Abs(modulus - Math.Sqrt((0.773446 * 0.773446) + (0.849201 * 0.849201))) < 1e-6, "Maccor writes six decimals");
        Assert.Equal("3.909893", data.DcPotential!.Value);                   // beep: OCV 3.909893 V
        Assert.Contains(data.Warnings, w => w.Contains("'irg'", StringComparison.Ordinal));
    }
}
