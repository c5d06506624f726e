using Electrochem.IO.Impedance;

namespace Electrochem.IO.Tests.Impedance;

/// <summary>pyDRTtools' spectra (MIT, copied in Data/pydrttools): pandas CSVs with an index column, and headerless text files (issue #9).</summary>
public sealed class PyDrtToolsFileTests
{
    private static string Data(string name) => Path.Combine(AppContext.BaseDirectory, "Data", "pydrttools", name);

    [Theory]
    [InlineData("1ZARC.csv")]
    [InlineData("2XZARCequal.csv")]
    [InlineData("2ZARC0.csv")]
    [InlineData("2ZARC1.csv")]
    [InlineData("2ZARC2.csv")]
    [InlineData("2ZARC3.csv")]
    [InlineData("2ZARC4.csv")]
    [InlineData("2ZARC5.csv")]
    public void Pandas_spectra_read_with_their_index_column_kept(string name)
    {
        ImpedanceData data = ImpedanceFile.Read(Data(name));
        Assert.Equal(81, data.Spectrum.Count);
        Assert.Equal(1e6, data.Spectrum.Frequency.ToArray().Max(), 1e-6);
        Assert.Contains(data.OtherColumns, c => c.Header.Text == "index");
    }

    [Theory]
    [InlineData("LIB_data.txt")]
    [InlineData("LIB_data_2.txt")]
    [InlineData("negami_data.txt")]
    [InlineData("zarc_data.txt")]
    [InlineData("data_1.csv")]
    public void The_GUIs_headerless_spectra_read(string name)
    {
        ImpedanceData data = ImpedanceFile.Read(Data(name));
        Assert.True(data.Spectrum.Count > 10);
        Assert.Equal(ImpedanceFileFormat.HeaderlessCsv, data.Format);
    }
}
