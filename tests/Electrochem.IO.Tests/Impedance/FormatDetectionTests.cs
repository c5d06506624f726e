using Electrochem.IO.Impedance;

namespace Electrochem.IO.Tests.Impedance;

/// <summary>The format comes from the content: the same bytes under a misleading name are read the same way.</summary>
public sealed class FormatDetectionTests
{
    [Theory]
    [InlineData("exampleData.csv", ImpedanceFileFormat.HeaderlessCsv)]
    [InlineData("exampleDataGamry.DTA", ImpedanceFileFormat.Gamry)]
    [InlineData("exampleDataGamryABORT.DTA", ImpedanceFileFormat.Gamry)]
    [InlineData("exampleDataAutolab.txt", ImpedanceFileFormat.ZPlotWindows)]
    [InlineData("exampleDataParstat.txt", ImpedanceFileFormat.Parstat)]
    [InlineData("exampleDataZPlot.z", ImpedanceFileFormat.ZPlot)]
    [InlineData("exampleDataZPlot_noComments.z", ImpedanceFileFormat.ZPlotWindows)]
    [InlineData("exampleDataVersaStudio.par", ImpedanceFileFormat.VersaStudio)]
    [InlineData("exampleDataPowersuite.txt", ImpedanceFileFormat.PowerSuite)]
    [InlineData("exampleDataBioLogic.mpt", ImpedanceFileFormat.BioLogic)]
    [InlineData("exampleDataBioLogic_MissingFreq.mpt", ImpedanceFileFormat.BioLogic)]
    [InlineData("exampleDataCHInstruments.txt", ImpedanceFileFormat.CHInstruments)]
    [InlineData("exampleDataBioLogic_export.txt", ImpedanceFileFormat.DelimitedTable)]
    public void Detects_every_example_under_a_misleading_name(string name, ImpedanceFileFormat expected)
    {
        Assert.Equal(expected, ImpedanceFile.DetectFormat(TestFiles.ImpedancePy(name)));
        byte[] bytes = File.ReadAllBytes(TestFiles.ImpedancePy(name));
        using TempFile renamed = TempFile.WithBytes(bytes, "spectrum.dat");
        Assert.Equal(expected, ImpedanceFile.DetectFormat(renamed.Path));
        if (expected != ImpedanceFileFormat.BioLogic || !name.Contains("Missing", StringComparison.Ordinal))
        {
            ImpedanceData original = TestFiles.Read(name);
            ImpedanceData copy = ImpedanceFile.Read(renamed.Path);
            Assert.Equal(expected, copy.Format);
            Assert.Equal(original.Spectrum.Frequency.ToArray(), copy.Spectrum.Frequency.ToArray());
            Assert.Equal(original.Spectrum.Imaginary.ToArray(), copy.Spectrum.Imaginary.ToArray());
        }
    }

    [Fact]
    public void Unknown_content_has_no_format()
    {
        using TempFile file = TempFile.WithText("just some notes\nabout a cell\n", "notes.mpt");
        Assert.Null(ImpedanceFile.DetectFormat(file.Path));
        Assert.Equal(ImpedanceFileFormat.BioLogicBinary, ImpedanceFile.DetectFormat(TestFiles.ImpedancePy("exampleDataBioLogic.mpr")));
    }

    [Fact]
    public void Every_format_reads_directly_when_named()
    {
        ImpedanceData data = ImpedanceFile.Read(TestFiles.ImpedancePy("exampleDataZPlot_noComments.z"), ImpedanceFileFormat.ZPlotWindows);
        Assert.Equal(31, data.Spectrum.Count);
        Assert.All(Enum.GetValues<ImpedanceFileFormat>(), f => Assert.False(string.IsNullOrWhiteSpace(ImpedanceFile.DescribeFormat(f))));
        Assert.Equal("Gamry .DTA (ZCURVE table)", TestFiles.Read("exampleDataGamry.DTA").FormatName);
    }

    [Fact]
    public void Latin1_and_utf8_files_decode_their_units()
    {
        ImpedanceData latin1 = TestFiles.Read("exampleDataBioLogic.mpt");
        Assert.Contains(latin1.OtherColumns, c => c.Header.Text == "Cs/µF");
        ImpedanceData utf8 = TestFiles.Read("exampleDataVersaStudio.par");
        Assert.Contains("エクスペリメント", utf8.Settings.Single(s => s.Name == "Action0/Comment").Value, StringComparison.Ordinal);
    }
}
