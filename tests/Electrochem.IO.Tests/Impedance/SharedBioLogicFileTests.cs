using System.Numerics;
using System.Text;
using System.Text.RegularExpressions;
using Electrochem.IO.Impedance;

namespace Electrochem.IO.Tests.Impedance;

/// <summary>
/// Real EC-Lab impedance exports from dgbowl/yadg (GPL-3.0-or-later), read in place from ../shared next to the
/// repository and never copied into it. When the folder is absent these tests skip, saying why.
/// </summary>
[Trait("Category", "SharedData")]
public sealed partial class SharedBioLogicFileTests
{

    private static string SharedFile(string name) => SharedYadgFiles.Path(name);


    private static ImpedanceData Read(string name)
    {
        DataFileResult<ImpedanceData> result = ImpedanceFile.TryRead(SharedFile(name));
        Assert.True(result.IsSuccess, result.ToString());
        Assert.Equal(ImpedanceFileFormat.BioLogic, result.Value.Format);
        return result.Value;
    }

    [Theory]
    [InlineData("peis.issue_149.mpt", 84, 74, 1.9999814E+005, 12.753284, -0.96167845, 9.9968163E+001, 82.633186, -17.386202, "10.0")]
    [InlineData("geis.issue_149.mpt", 84, 77, 1.9999814E+005, 10.078821, 2.1745603, 9.9968163E+001, 83.413330, -17.565895, "30.000")]
    [InlineData("peis.mpt", 32, 71, 1.9999814E+005, 10.512296, -0.73047662, 1.0000616, 18.024315, -2.6962531, "10.0")]
    [InlineData("zir.mpt", 1, 51, 1.0019531E+004, 1.0407059E+005, -9.3853563E+004, 1.0019531E+004, 1.0407059E+005, -9.3853563E+004, "20.0")]
    public void EC_Lab_impedance_exports(string name, int count, int firstLine, double firstHertz, double firstReal, double firstImaginary, double lastHertz, double lastReal, double lastImaginary, string amplitude)
    {
        ImpedanceData data = Read(name);
        TestFiles.AssertEnds(data, count, firstHertz, new Complex(firstReal, firstImaginary), lastHertz, new Complex(lastReal, lastImaginary), exact: true);
        Assert.Equal(firstLine, data.LineNumbers[0]);
        Assert.Equal(amplitude, data.AcAmplitude?.Value);
        Assert.Empty(data.DroppedPoints);
    }

    [Fact]
    public void Four_loops_of_21_frequencies_are_kept_in_file_order()
    {
        ImpedanceData data = Read("peis.issue_149.mpt");
        Assert.Equal("SP-300 (SN 1854)", data.Instrument);
        Assert.Equal("01/10/2024 11:02:29.886", data.MeasurementDate);
        double[] f = data.Spectrum.Frequency.ToArray();
        Assert.Equal(f[..21], f[21..42]);
        Assert.Equal(21, f.Distinct().Count());
    }

    [Theory]
    [InlineData("peis.issue_149.mpt")]
    [InlineData("geis.issue_149.mpt")]
    public void Four_loops_read_as_four_sweeps_numbered_by_the_cycle_column(string name)
    {
        ImpedanceData data = Read(name);
        Assert.Equal(4, data.Sweeps.Length);
        Assert.Equal([1, 2, 3, 4], data.Sweeps.Select(s => s.Index));
        Assert.Equal([1.0, 2.0, 3.0, 4.0], data.Sweeps.Select(s => s.Cycle!.Value));
        Assert.All(data.Sweeps, s => Assert.Equal(21, s.Spectrum.Count));
        Assert.All(data.Sweeps, s => Assert.Equal(data.Spectrum.Frequency[..21].ToArray(), s.Spectrum.Frequency.ToArray()));
        Assert.Equal(data.LineNumbers[21], data.Sweeps[1].LineNumbers[0]);
        Assert.Equal(data.Spectrum.Real[63], data.Sweeps[3].Spectrum.Real[0]);
        Assert.True(data.Sweeps[1].StartTime > data.Sweeps[0].StartTime);
        Assert.NotNull(data.Sweeps[0].DcPotential);
        Assert.NotNull(data.Sweeps[0].DcCurrent);
        Assert.Contains(data.Warnings, w => w.Contains("4 sweeps (4 × 21 points)", StringComparison.Ordinal));
    }

    [Fact]
    public void Modulo_Bat_sequence_reads_as_sixteen_sweeps_split_at_frequency_restarts()
    {
        ImpedanceData data = Read("mb.issue_149.mpt");
        Assert.Equal(16, data.Sweeps.Length);
        Assert.All(data.Sweeps, s => Assert.Equal(13, s.Spectrum.Count));
        Assert.All(data.Sweeps, s => Assert.Equal(1.0002226E+004, s.Spectrum.Frequency[0], 1e-3));

        // 'cycle number' is 0 and Ns = 2 throughout the EIS steps ('z cycle' wraps mid-sweep and is not used), so the
        // split comes from the frequency restarts; the DC conditions are the means of 'Ewe/V' (V) and 'I/mA' (mA → A).
        Assert.Equal(0.0, data.Sweeps[0].Cycle);
        Assert.Equal(116.9148555077409, data.Sweeps[0].StartTime!.Value, 1e-9);
        Assert.InRange(data.Sweeps[0].DcPotential!.Value, 3.448, 3.449);
        Assert.InRange(data.Sweeps[0].DcCurrent!.Value, 0.9e-4, 1.2e-4);
        Assert.Equal(Enumerable.Range(1, 16), data.Sweeps.Select(s => s.Index));
        Assert.True(data.Sweeps.Zip(data.Sweeps.Skip(1)).All(p => p.Second.StartTime > p.First.StartTime));
    }

    [Fact]
    public void Modulo_Bat_with_decimal_commas_keeps_the_EIS_points_and_lists_the_DC_records()
    {
        ImpedanceData data = Read("mb.issue_149.mpt");
        Assert.Equal(208, data.Spectrum.Count);
        Assert.Equal(356, data.DroppedPoints.Length);
        Assert.Equal(115, data.DroppedPoints[0].LineNumber);
        Assert.All(data.DroppedPoints, p => Assert.Equal(ImpedanceDataBuilderReason, p.Reason));
        Assert.Equal(136, data.LineNumbers[0]);
        Assert.Equal(676, data.LineNumbers[^1]);
        TestFiles.AssertEnds(data, 208, 1.0002226E+004, new Complex(19.658588, -10.001298), 9.9968163E+001, new Complex(77.798927, -16.457909), exact: true);
        Assert.Equal(564, data.Spectrum.Count + data.DroppedPoints.Length);
        Assert.Equal(78, data.OtherColumns.Length);
    }

    [Fact]
    public void A_PEIS_export_rewritten_with_decimal_commas_in_memory_reads_identically()
    {
        // The PEIS exports use decimal points; the same text with every decimal point of the data rows turned into a
        // comma (as a German-locale EC-Lab writes it) must give the same spectrum. Nothing is written to disk.
        string path = SharedFile("peis.issue_149.mpt");
        string[] lines = File.ReadAllLines(path, Encoding.Latin1);
        int header = int.Parse(HeaderCount().Match(lines[1]).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        for (int i = header; i < lines.Length; i++)
        {
            lines[i] = lines[i].Replace('.', ',');
        }

        using var reader = new StringReader(string.Join("\r\n", lines));
        DataFileResult<ImpedanceData> comma = ImpedanceFile.TryRead(reader, "peis.de.mpt");
        Assert.True(comma.IsSuccess, comma.ToString());
        ImpedanceData point = Read("peis.issue_149.mpt");
        Assert.Equal(point.Spectrum.Frequency.ToArray(), comma.Value.Spectrum.Frequency.ToArray());
        Assert.Equal(point.Spectrum.Real.ToArray(), comma.Value.Spectrum.Real.ToArray());
        Assert.Equal(point.Spectrum.Imaginary.ToArray(), comma.Value.Spectrum.Imaginary.ToArray());
    }

    [Theory]
    [InlineData("mb.issue_95.mpt", 93)]
    [InlineData("mb.issue_95.de.mpt", 94)]
    [InlineData("gcpl.issue_149.mpt", 81)]
    public void Exports_without_impedance_columns_say_so_on_the_header_line(string name, int headerLine)
    {
        DataFileResult<ImpedanceData> result = ImpedanceFile.TryRead(SharedFile(name));
        Assert.False(result.IsSuccess);
        Assert.Equal(headerLine, result.Error.LineNumber);
        Assert.StartsWith("no frequency column", result.Error.Problem, StringComparison.Ordinal);
    }

    private const string ImpedanceDataBuilderReason = "frequency is 0: a DC record (not an impedance measurement), as written by multi-technique runs";

    [GeneratedRegex(@":\s*(\d+)")]
    private static partial Regex HeaderCount();
}
