using Electrochem.IO.Impedance;
using Electrochem.IO.Tests.Cycling;

namespace Electrochem.IO.Tests.Impedance;

/// <summary>
/// EC-Lab binary impedance files read through <see cref="ImpedanceFile"/>: impedance.py's <c>exampleDataBioLogic.mpr</c>
/// (bundled, MIT) against its text export and <c>.mpt</c>, and yadg's PEIS, GEIS, ZIR and Modulo Bat files (GPL, read in
/// place from ../shared) against their <c>.mpt</c>: the same spectrum, the same sweeps.
/// </summary>
public sealed class BioLogicBinaryImpedanceTests
{
    [Fact]
    public void The_binary_file_gives_the_spectrum_of_its_exports()
    {
        ImpedanceData mpr = ImpedanceFile.Read(TestFiles.ImpedancePy("exampleDataBioLogic.mpr"));
        ImpedanceData mpt = TestFiles.Read("exampleDataBioLogic.mpt");
        ImpedanceData export = TestFiles.Read("exampleDataBioLogic_export.txt");
        Assert.Equal(ImpedanceFileFormat.BioLogicBinary, mpr.Format);
        Assert.Equal("BioLogic EC-Lab binary (.mpr)", mpr.FormatName);
        Assert.Equal(43, mpr.Spectrum.Count);
        foreach (ImpedanceData other in (ImpedanceData[])[mpt, export])
        {
            SharedBioLogicBinaryTests.AssertClose(other.Spectrum.Frequency, mpr.Spectrum.Frequency, "f");
            SharedBioLogicBinaryTests.AssertClose(other.Spectrum.Real, mpr.Spectrum.Real, "Z′");
            SharedBioLogicBinaryTests.AssertClose(other.Spectrum.Imaginary, mpr.Spectrum.Imaginary, "Z″");
        }

        Assert.Equal("02/04/2018 10:02:46.000", mpr.MeasurementDate);  // the .mpt: "02/04/2018 10:02:46" (later exports write ".000")
        Assert.Equal("SN 10791079", mpr.Instrument);                // the .mpt: "SP-150 (SN 10791079)"
        Assert.Equal("Potentio Electrochemical Impedance Spectroscopy", mpr.Settings.Single(s => s.Name == "Technique").Value);
        Assert.Equal("-Im(Z)/Ohm", mpr.ImaginaryColumn);
        Assert.Equal([1, 2, 3], mpr.LineNumbers.Take(3));             // points, not lines
        Assert.Equal(11, mpr.OtherColumns.Length);                 // the export adds Re(Y), Im(Y), … computed from these
        foreach (Electrochem.IO.Tables.TableColumn column in mpr.OtherColumns)
        {
            SharedBioLogicBinaryTests.AssertClose(mpt.FindColumn(column.Header.Text)!.Values.AsSpan(), column.Values.AsSpan(), column.Header.Text);
        }
    }

    [Theory]
    [Trait("Category", "SharedData")]
    [InlineData("peis.issue_149", 4)]
    [InlineData("geis.issue_149", 4)]
    [InlineData("peis", 1)]
    [InlineData("zir", 1)]
    [InlineData("mb.issue_149", -1)]
    public void Shared_binary_files_give_the_spectra_and_sweeps_of_their_exports(string name, int sweeps)
    {
        ImpedanceData mpr = ImpedanceFile.Read(SharedYadgFiles.Path(name + ".mpr"));
        ImpedanceData mpt = ImpedanceFile.Read(SharedYadgFiles.Path(name + ".mpt"));
        Assert.Equal(ImpedanceFileFormat.BioLogicBinary, mpr.Format);
        Assert.Equal(mpt.Spectrum.Count, mpr.Spectrum.Count);
        SharedBioLogicBinaryTests.AssertClose(mpt.Spectrum.Frequency, mpr.Spectrum.Frequency, name + " f");
        SharedBioLogicBinaryTests.AssertClose(mpt.Spectrum.Real, mpr.Spectrum.Real, name + " Z′");
        SharedBioLogicBinaryTests.AssertClose(mpt.Spectrum.Imaginary, mpr.Spectrum.Imaginary, name + " Z″");
        Assert.Equal(mpt.Sweeps.Length, mpr.Sweeps.Length);
        if (sweeps > 0)
        {
            Assert.Equal(sweeps, mpr.Sweeps.Length);
        }

        Assert.Equal(mpt.Sweeps.Select(s => s.Spectrum.Count), mpr.Sweeps.Select(s => s.Spectrum.Count));
        if (sweeps > 0)
        {
            Assert.Equal(mpt.Sweeps.Select(s => s.Cycle), mpr.Sweeps.Select(s => s.Cycle)); // a Modulo Bat export adds a 'cycle number' its binary lacks (it splits on Ns)
        }

        Assert.Equal(mpt.DroppedPoints.Length, mpr.DroppedPoints.Length);
        Assert.Equal(mpt.MeasurementDate, mpr.MeasurementDate);
        foreach (Electrochem.IO.Tables.TableColumn column in mpr.OtherColumns)
        {
            if (mpt.FindColumn(column.Header.Text) is { } expected && !name.Contains("eis.issue_149", StringComparison.Ordinal))
            {
                SharedBioLogicBinaryTests.AssertClose(expected.Values.AsSpan(), column.Values.AsSpan(), name + " " + column.Header.Text);
            }
        }
    }
}
