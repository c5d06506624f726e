using System.Collections.Immutable;
using System.Reflection;
using System.Text;
using Electrochem.Cycling;
using Electrochem.IO.Cycling;
using Electrochem.IO.Impedance;
using Electrochem.IO.Kinetics;
using Electrochem.IO.Tables;
using Electrochem.IO.Transport;

namespace Electrochem.Cli.Demo;

/// <summary>
/// The demo's example data, parsed: the two σ(T) series, the SS‖SS cells at 28 °C, the Li‖Li polarisation sweeps,
/// the Li‖Li chronoamperometry traces with their resistances, the Li‖Li impedance spectra after 200 h of cycling,
/// the SS‖SS impedance spectra at 28 °C and the full-cell cycling records.
/// </summary>
/// <param name="BasePtaSeries">Base-PTA σ(T), 30–70 °C.</param>
/// <param name="IspnPtaSeries">ISPN-PTA σ(T), 30–70 °C.</param>
/// <param name="Cells">SS‖SS cells at 28 °C: loading, thickness, area, R_b and their uncertainties.</param>
/// <param name="BasePtaSweep">Base-PTA Li‖Li polarisation sweep (η_cell, mA/cm²).</param>
/// <param name="IspnPtaSweep">ISPN-PTA Li‖Li polarisation sweep.</param>
/// <param name="PolarisationResistances">ΔV and whole-cell R_b, R_i before and at steady state, one row per loading (0, 1 wt%).</param>
/// <param name="BasePtaTrace">Base-PTA chronoamperometry at ΔV = 10 mV.</param>
/// <param name="IspnPtaTrace">ISPN-PTA chronoamperometry at ΔV = 10 mV.</param>
/// <param name="BasePtaLiLiSpectrum">Base-PTA Li‖Li impedance spectrum after 200 h of cycling.</param>
/// <param name="IspnPtaLiLiSpectrum">ISPN-PTA Li‖Li impedance spectrum after 200 h of cycling.</param>
/// <param name="BasePtaBlockingSpectrum">Base-PTA SS‖SS impedance spectrum at 28 °C.</param>
/// <param name="IspnPtaBlockingSpectrum">ISPN-PTA SS‖SS impedance spectrum at 28 °C.</param>
/// <param name="Lfp2C">ISPN-PTA LFP‖Li cycling at 2 C (1300 cycles).</param>
/// <param name="Lfp10C">ISPN-PTA LFP‖Li cycling at 10 C with 1 C check-ups.</param>
/// <param name="Ncm5C">ISPN-PTA NCM622‖Li: 1 C activation, then 5 C.</param>
/// <param name="LfpRate">ISPN-PTA LFP‖Li rate test.</param>
/// <param name="NcmRate">ISPN-PTA NCM622‖Li rate test.</param>
/// <param name="BasePtaLsv">Base-PTA SS‖Li linear sweep.</param>
/// <param name="IspnPtaLsv">ISPN-PTA SS‖Li linear sweep.</param>
/// <param name="BasePtaLiLiCycling">Base-PTA Li‖Li galvanostatic cycling.</param>
/// <param name="IspnPtaLiLiCycling">ISPN-PTA Li‖Li galvanostatic cycling.</param>
/// <param name="BasePtaCcd">Base-PTA Li‖Li critical-current-density test.</param>
/// <param name="IspnPtaCcd">ISPN-PTA Li‖Li critical-current-density test.</param>
internal sealed record DemoData(
    ConductivityTable BasePtaSeries,
    ConductivityTable IspnPtaSeries,
    DelimitedTable Cells,
    PolarizationCurveTable BasePtaSweep,
    PolarizationCurveTable IspnPtaSweep,
    DelimitedTable PolarisationResistances,
    ChronoamperometryTable BasePtaTrace,
    ChronoamperometryTable IspnPtaTrace,
    ImpedanceData BasePtaLiLiSpectrum,
    ImpedanceData IspnPtaLiLiSpectrum,
    ImpedanceData BasePtaBlockingSpectrum,
    ImpedanceData IspnPtaBlockingSpectrum,
    CyclerRecording Lfp2C,
    CyclerRecording Lfp10C,
    CyclerRecording Ncm5C,
    CyclerRecording LfpRate,
    CyclerRecording NcmRate,
    CyclerRecording BasePtaLsv,
    CyclerRecording IspnPtaLsv,
    CyclerRecording BasePtaLiLiCycling,
    CyclerRecording IspnPtaLiLiCycling,
    CyclerRecording BasePtaCcd,
    CyclerRecording IspnPtaCcd)
{
    private const string ResourcePrefix = "Electrochem.Cli.Demo.Data.";

    /// <summary>The names of the bundled files, in generator order.</summary>
    internal static ImmutableArray<string> FileNames { get; } =
    [
        DemoDataGenerator.BasePtaSeriesFile,
        DemoDataGenerator.IspnPtaSeriesFile,
        DemoDataGenerator.CellsFile,
        DemoDataGenerator.BasePtaSweepFile,
        DemoDataGenerator.IspnPtaSweepFile,
        DemoDataGenerator.ResistancesFile,
        DemoDataGenerator.BasePtaChronoamperometryFile,
        DemoDataGenerator.IspnPtaChronoamperometryFile,
        DemoDataGenerator.BasePtaLiLiSpectrumFile,
        DemoDataGenerator.IspnPtaLiLiSpectrumFile,
        DemoDataGenerator.BasePtaBlockingSpectrumFile,
        DemoDataGenerator.IspnPtaBlockingSpectrumFile,
        CyclingDemoData.Lfp2CFile,
        CyclingDemoData.Lfp10CFile,
        CyclingDemoData.Ncm5CFile,
        CyclingDemoData.LfpRateFile,
        CyclingDemoData.NcmRateFile,
        VoltammetryDemoData.BaseLsvFile,
        VoltammetryDemoData.IspnLsvFile,
        VoltammetryDemoData.BaseCyclingFile,
        VoltammetryDemoData.IspnCyclingFile,
        VoltammetryDemoData.BaseCcdFile,
        VoltammetryDemoData.IspnCcdFile,
    ];

    /// <summary>The bytes of one bundled file, as embedded in this assembly.</summary>
    /// <exception cref="FileNotFoundException">No file of that name is embedded.</exception>
    internal static byte[] BundledBytes(string name)
    {
        using Stream stream = typeof(DemoData).Assembly.GetManifestResourceStream(ResourcePrefix + name)
            ?? throw new FileNotFoundException($"The demo data file '{name}' is not embedded in {typeof(DemoData).Assembly.GetName().Name}.", name);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>The bundled files, parsed.</summary>
    internal static DemoData LoadBundled() =>
        Parse([.. FileNames.Select(name => new DemoDataFile(name, Encoding.UTF8.GetString(BundledBytes(name))))]);

    /// <summary>Parses a set of example files (bundled or freshly generated).</summary>
    internal static DemoData Parse(ImmutableArray<DemoDataFile> files)
    {
        DelimitedTable Table(string name)
        {
            DemoDataFile file = files.Single(f => f.Name == name);
            using var reader = new StringReader(file.Content);
            return DelimitedTable.Read(reader, "demo/" + name);
        }

        ImpedanceData Spectrum(string name)
        {
            DemoDataFile file = files.Single(f => f.Name == name);
            using var reader = new StringReader(file.Content);
            return ImpedanceFile.TryRead(reader, "demo/" + name).Value;
        }

        CyclerRecording Cycling(string name)
        {
            DemoDataFile file = files.Single(f => f.Name == name);
            using var stream = new MemoryStream(file.ToBytes());
            return CyclerFile.TryRead(stream, "demo/" + name).Value;
        }

        return new DemoData(
            ConductivityTable.FromTable(Table(DemoDataGenerator.BasePtaSeriesFile)),
            ConductivityTable.FromTable(Table(DemoDataGenerator.IspnPtaSeriesFile)),
            Table(DemoDataGenerator.CellsFile),
            PolarizationCurveTable.FromTable(Table(DemoDataGenerator.BasePtaSweepFile)),
            PolarizationCurveTable.FromTable(Table(DemoDataGenerator.IspnPtaSweepFile)),
            Table(DemoDataGenerator.ResistancesFile),
            ChronoamperometryTable.FromTable(Table(DemoDataGenerator.BasePtaChronoamperometryFile)),
            ChronoamperometryTable.FromTable(Table(DemoDataGenerator.IspnPtaChronoamperometryFile)),
            Spectrum(DemoDataGenerator.BasePtaLiLiSpectrumFile),
            Spectrum(DemoDataGenerator.IspnPtaLiLiSpectrumFile),
            Spectrum(DemoDataGenerator.BasePtaBlockingSpectrumFile),
            Spectrum(DemoDataGenerator.IspnPtaBlockingSpectrumFile),
            Cycling(CyclingDemoData.Lfp2CFile),
            Cycling(CyclingDemoData.Lfp10CFile),
            Cycling(CyclingDemoData.Ncm5CFile),
            Cycling(CyclingDemoData.LfpRateFile),
            Cycling(CyclingDemoData.NcmRateFile),
            Cycling(VoltammetryDemoData.BaseLsvFile),
            Cycling(VoltammetryDemoData.IspnLsvFile),
            Cycling(VoltammetryDemoData.BaseCyclingFile),
            Cycling(VoltammetryDemoData.IspnCyclingFile),
            Cycling(VoltammetryDemoData.BaseCcdFile),
            Cycling(VoltammetryDemoData.IspnCcdFile));
    }
}
