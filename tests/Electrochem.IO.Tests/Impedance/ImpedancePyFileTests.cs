using System.Numerics;
using Electrochem.IO.Impedance;

namespace Electrochem.IO.Tests.Impedance;

/// <summary>
/// Every impedance.py example file, read with the values impedance.py's impedance/tests/test_preprocessing.py asserts
/// (f_gamry, Z_gamry, f_ZPlot, …): point counts and the first and last points, exactly where impedance.py compares with
/// == and to np.allclose's tolerance where it uses allclose.
/// </summary>
public sealed class ImpedancePyFileTests
{
    [Fact]
    public void Headerless_csv_exampleData()
    {
        ImpedanceData data = TestFiles.Read("exampleData.csv");
        Assert.Equal(ImpedanceFileFormat.HeaderlessCsv, data.Format);
        TestFiles.AssertEnds(data, 66, 0.0031623, new Complex(0.0494998977640506, -0.020438698544418925), 10000.0, new Complex(0.015771482660485933, 0.010157474564938236), exact: true);
        Assert.Empty(data.DroppedPoints);
        Assert.Single(data.Conversions);
    }

    [Fact]
    public void Gamry()
    {
        ImpedanceData data = TestFiles.Read("exampleDataGamry.DTA");
        Assert.Equal(ImpedanceFileFormat.Gamry, data.Format);
        TestFiles.AssertEnds(data, 72, 2.000156e+05, new Complex(825.8584, -1367.239), 1.588980e-02, new Complex(17007.49, -6635.557), exact: true);
        Assert.Equal(0.0399276, data.Spectrum.Frequency[67]);
        Assert.Equal(-4931.03, data.Spectrum.Imaginary[67]);
        Assert.Equal("Freq (Hz)", data.FrequencyColumn);
        Assert.Equal("Zreal (ohm)", data.RealColumn);
        Assert.Equal("Zimag (ohm)", data.ImaginaryColumn);
        Assert.Empty(data.Conversions);
        Assert.Equal("REF3000-34128", data.Instrument);
        Assert.Equal("4/23/2018 16:43:15", data.MeasurementDate);
        Assert.Equal("1.00000E+001", data.AcAmplitude?.Value);
        Assert.Contains("AC Voltage (mV rms)", data.AcAmplitude?.Name, StringComparison.Ordinal);
        Assert.Equal("-5.00000E-002 (vs. Eoc)", data.DcPotential?.Value);
        Assert.Equal(449, data.LineNumbers[0]);
        Assert.Equal(520, data.LineNumbers[^1]);
        Assert.Equal(-5.89286E-006, data.FindColumn("Idc")!.Values[0]);
        Assert.Equal(["Pt", "Time", "Zsig", "Zmod", "Zphz", "Idc", "Vdc", "IERange"], data.OtherColumns.Select(c => c.Header.Name));
        Assert.Empty(data.Warnings);
        Assert.Empty(data.DroppedPoints);
    }

    [Fact]
    public void Gamry_aborted_run_reads_the_points_before_the_abort_and_says_so()
    {
        ImpedanceData data = TestFiles.Read("exampleDataGamryABORT.DTA");
        ImpedanceData complete = TestFiles.Read("exampleDataGamry.DTA");
        Assert.Equal(ImpedanceFileFormat.Gamry, data.Format);
        // impedance.py asserts f_abort == f_gamry and Z_abort == Z_gamry.
        Assert.Equal(complete.Spectrum.Frequency.ToArray(), data.Spectrum.Frequency.ToArray());
        Assert.Equal(complete.Spectrum.Real.ToArray(), data.Spectrum.Real.ToArray());
        Assert.Equal(complete.Spectrum.Imaginary.ToArray(), data.Spectrum.Imaginary.ToArray());
        Assert.Equal(171, data.LineNumbers[^1]);
        string warning = Assert.Single(data.Warnings);
        Assert.Contains("aborted (EXPERIMENTABORTED on line 172)", warning, StringComparison.Ordinal);
        Assert.Equal("3/18/2020 16:54:44", data.MeasurementDate);
        Assert.Equal("0.00000E+000 (vs. Eref)", data.DcPotential?.Value);
    }

    [Fact]
    public void Autolab_example_is_ZPlot_for_Windows_text()
    {
        ImpedanceData data = TestFiles.Read("exampleDataAutolab.txt");
        Assert.Equal(ImpedanceFileFormat.ZPlotWindows, data.Format);
        TestFiles.AssertEnds(data, 41, 1.0000e+04, new Complex(0.01378586, 0.00719195), 1.0000e-01, new Complex(0.03456978, -0.00390293), exact: false);
        Assert.Equal(0.013785863964281, data.Spectrum.Real[0]);
        Assert.Equal("Freq (Hz)", data.FrequencyColumn);
        Assert.Equal("Z'(a)", data.RealColumn);
        Assert.Equal("Z''(b)", data.ImaginaryColumn);
        Assert.Equal("Z60W Data File: Version 1.1", data.Settings[0].Value);
    }

    [Fact]
    public void Parstat_drops_the_dc_records_and_lists_them()
    {
        ImpedanceData data = TestFiles.Read("exampleDataParstat.txt");
        Assert.Equal(ImpedanceFileFormat.Parstat, data.Format);
        TestFiles.AssertEnds(data, 31, 10000.0, new Complex(-0.00049816, 1.75143480e-02), 10.0, new Complex(0.02709465, -3.99791080e-03), exact: false);
        Assert.Equal(7943.28222656, data.Spectrum.Frequency[1], 1e-6);
        Assert.Equal(781, data.DroppedPoints.Length);
        Assert.Equal(2, data.DroppedPoints[0].LineNumber);
        Assert.All(data.DroppedPoints, p => Assert.Contains("frequency is 0", p.Reason, StringComparison.Ordinal));
        Assert.Equal(data.Spectrum.Count, data.FindColumn("Potential")!.Count);
    }

    [Fact]
    public void ZPlot_with_comments()
    {
        ImpedanceData data = TestFiles.Read("exampleDataZPlot.z");
        Assert.Equal(ImpedanceFileFormat.ZPlot, data.Format);
        TestFiles.AssertEnds(data, 21, 3.000000e+05, new Complex(147.77, -11.335), 3.000000e+03, new Complex(613.68, -137.13), exact: true);
        Assert.Equal(9.486833e+04, data.Spectrum.Frequency[5]);
        Assert.Equal("10-12-2018 11:04:34", data.MeasurementDate);
        Assert.Equal("10", data.AcAmplitude?.Value);
        Assert.Equal("Potential-AC", data.AcAmplitude?.Name);
        Assert.Equal("0", data.DcPotential?.Value);
        Assert.Contains("announces 56 data points (line 121) but the file has 21", Assert.Single(data.Warnings), StringComparison.Ordinal);
        Assert.Equal(124, data.LineNumbers[0]);
    }

    [Fact]
    public void ZPlot_without_comments_is_ZPlot_for_Windows_text()
    {
        ImpedanceData data = TestFiles.Read("exampleDataZPlot_noComments.z");
        Assert.Equal(ImpedanceFileFormat.ZPlotWindows, data.Format);
        TestFiles.AssertEnds(data, 31, 300000.0, new Complex(642.62, -85.821), 300.0, new Complex(1305.3, -195.01), exact: true);
        Assert.Equal(1192.0, data.Spectrum.Real[24]);
        Assert.Equal("12-17-2019 16:24:35", data.MeasurementDate);
    }

    [Fact]
    public void VersaStudio()
    {
        ImpedanceData data = TestFiles.Read("exampleDataVersaStudio.par");
        Assert.Equal(ImpedanceFileFormat.VersaStudio, data.Format);
        TestFiles.AssertEnds(data, 61, 100000.0, new Complex(55.31571, 4.575431), 0.02154435, new Complex(1516.313, -122.8279), exact: true);
        Assert.Equal("Frequency(Hz)", data.FrequencyColumn);
        Assert.Equal("Z Real", data.RealColumn);
        Assert.Equal("Z Imag", data.ImaginaryColumn);
        Assert.Equal("VersaSTAT4 -400", data.Instrument);
        Assert.Equal("Thursday, July 19, 2018 9:40:30 AM", data.MeasurementDate);
        Assert.Equal("20", data.AcAmplitude?.Value);
        Assert.Equal("Action1/Potential (V),Value", data.DcPotential?.Name);
        Assert.Equal(21, data.OtherColumns.Length);
        Assert.Equal(0.02, data.FindColumn("AC Amplitude")!.Values[^1]);
    }

    [Fact]
    public void PowerSuite()
    {
        ImpedanceData data = TestFiles.Read("exampleDataPowersuite.txt");
        Assert.Equal(ImpedanceFileFormat.PowerSuite, data.Format);
        TestFiles.AssertEnds(data, 30, 0.1, new Complex(423929.46, -49014.063), 2000000.0, new Complex(-470.54113, -1397.7358), exact: true);
        Assert.Equal(1120134.9, data.Spectrum.Frequency[28]);
    }

    [Fact]
    public void BioLogic_negates_the_minus_Im_Z_column()
    {
        ImpedanceData data = TestFiles.Read("exampleDataBioLogic.mpt");
        Assert.Equal(ImpedanceFileFormat.BioLogic, data.Format);
        TestFiles.AssertEnds(data, 43, 1.00032010e+03, new Complex(65.470886, -0.38998979), 1.68955400e-02, new Complex(110.97003, -2.3458567), exact: true);
        Assert.Equal("-Im(Z)/Ohm", data.ImaginaryColumn);
        Assert.Contains(data.Conversions, c => c.Contains("negated", StringComparison.Ordinal));
        Assert.Equal("SP-150 (SN 10791079)", data.Instrument);
        Assert.Equal("02/04/2018 10:02:46", data.MeasurementDate);
        Assert.Equal("20.0", data.AcAmplitude?.Value);
        Assert.Equal("Va (mV)", data.AcAmplitude?.Name);
        Assert.Equal("0.0000", data.DcPotential?.Value);
        Assert.Equal("Potentio Electrochemical Impedance Spectroscopy", data.Settings.Single(s => s.Name == "Technique").Value);
        Assert.Equal(62, data.LineNumbers[0]);
        Assert.Equal(15, data.OtherColumns.Length);
    }

    [Fact]
    public void BioLogic_text_export_with_a_trailing_tab_gives_the_same_spectrum()
    {
        ImpedanceData export = TestFiles.Read("exampleDataBioLogic_export.txt");
        ImpedanceData mpt = TestFiles.Read("exampleDataBioLogic.mpt");
        Assert.Equal(ImpedanceFileFormat.DelimitedTable, export.Format);
        Assert.Equal(mpt.Spectrum.Frequency.ToArray(), export.Spectrum.Frequency.ToArray());
        Assert.Equal(mpt.Spectrum.Real.ToArray(), export.Spectrum.Real.ToArray());
        Assert.Equal(mpt.Spectrum.Imaginary.ToArray(), export.Spectrum.Imaginary.ToArray());
    }

    [Fact]
    public void BioLogic_without_a_frequency_column_is_a_clear_error()
    {
        string path = TestFiles.ImpedancePy("exampleDataBioLogic_MissingFreq.mpt");
        DataFileResult<ImpedanceData> result = ImpedanceFile.TryRead(path);
        Assert.False(result.IsSuccess);
        Assert.Equal(path, result.Error.FilePath);
        Assert.Equal(61, result.Error.LineNumber);
        Assert.StartsWith("no frequency column; expected the EC-Lab columns \"freq/Hz\"", result.Error.Problem, StringComparison.Ordinal);
        Assert.Contains("'Re(Z)/Ohm', '-Im(Z)/Ohm'", result.Error.Problem, StringComparison.Ordinal);
        DataFileException thrown = Assert.Throws<DataFileException>(() => ImpedanceFile.Read(path));
        Assert.Equal(result.Error, thrown.Error);
    }

    [Fact]
    public void CH_Instruments()
    {
        ImpedanceData data = TestFiles.Read("exampleDataCHInstruments.txt");
        Assert.Equal(ImpedanceFileFormat.CHInstruments, data.Format);
        TestFiles.AssertEnds(data, 73, 9.961e+4, new Complex(9.891e+1, -2.748e+0), 1.000e-1, new Complex(5.685e+3, -1.586e+4), exact: true);
        Assert.Equal("CHI660E", data.Instrument);
        Assert.Equal("Feb. 20, 2020   15:55:08".Replace("   ", " ", StringComparison.Ordinal), data.MeasurementDate);
        Assert.Equal("0.025", data.AcAmplitude?.Value);
        Assert.Equal("0", data.DcPotential?.Value);
        Assert.Equal(["Z", "Phase"], data.OtherColumns.Select(c => c.Header.Name));
    }

    [Theory]
    [InlineData("Circuit1_EIS_1.z", 48, 5.000000E+04, 29.036, 0.63662, 75.803, -0.16244)]
    [InlineData("Circuit1_EIS_2.z", 48, 5.000000E+04, 29.001, 0.59920, 75.820, -0.17374)]
    [InlineData("Circuit2_EIS_1.z", 56, 3.000000E+05, 147.77, -11.335, 654.19, 0.64271)]
    [InlineData("Circuit2_EIS_2.z", 56, 3.000000E+05, 147.68, -11.662, 652.44, -2.1180)]
    [InlineData("Circuit3_EIS_1.z", 53, 1.500000E+05, 1493.7, 10.377, 6137.5, 17.890)]
    [InlineData("Circuit3_EIS_2.z", 53, 1.500000E+05, 1492.0, 11.789, 6138.2, -10.151)]
    public void ZPlot_circuit_spectra(string name, int count, double firstHertz, double firstReal, double firstImaginary, double lastReal, double lastImaginary)
    {
        // Not in impedance.py's preprocessing tests; values are the files' first and last data lines.
        ImpedanceData data = TestFiles.Read(name);
        Assert.Equal(ImpedanceFileFormat.ZPlot, data.Format);
        TestFiles.AssertEnds(data, count, firstHertz, new Complex(firstReal, firstImaginary), 1.0, new Complex(lastReal, lastImaginary), exact: true);
        Assert.Empty(data.Warnings);
    }
}
