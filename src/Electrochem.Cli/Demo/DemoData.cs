using System.Collections.Immutable;
using System.Reflection;
using System.Text;
using Electrochem.Cli.Demo.Sections;
using Electrochem.Cycling;
using Electrochem.Fitting;
using Electrochem.Impedance;
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

    private readonly Lazy<FitResult<CircuitModel>> _basePtaLiLiFit = new(() => FitLiLi(BasePtaLiLiSpectrum));
    private readonly Lazy<FitResult<CircuitModel>> _ispnPtaLiLiFit = new(() => FitLiLi(IspnPtaLiLiSpectrum));

    /// <summary>
    /// The Li‖Li circuit fitted to one of the two Li‖Li spectra with the global option (the interfacial-resistance
    /// section's random starts and seed), computed once on first use and shared by every section that shows it.
    /// </summary>
    /// <param name="spectrum"><see cref="BasePtaLiLiSpectrum"/> or <see cref="IspnPtaLiLiSpectrum"/>.</param>
    /// <exception cref="ArgumentException">Another spectrum.</exception>
    internal FitResult<CircuitModel> LiLiFit(ImpedanceData spectrum) =>
        ReferenceEquals(spectrum, BasePtaLiLiSpectrum) ? _basePtaLiLiFit.Value
        : ReferenceEquals(spectrum, IspnPtaLiLiSpectrum) ? _ispnPtaLiLiFit.Value
        : throw new ArgumentException("Only the demo's two Li‖Li spectra have a shared fit.", nameof(spectrum));

    private static FitResult<CircuitModel> FitLiLi(ImpedanceData spectrum) =>
        CircuitModel.Fit(
            Circuit.Parse(DemoDataGenerator.LiLiCircuit),
            spectrum.Spectrum,
            CircuitFitOptions.Default with { GlobalStarts = InterfacialResistanceSection.GlobalStarts, Seed = InterfacialResistanceSection.GlobalSeed });

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

    /// <summary>
    /// Parses a set of example files (bundled or freshly generated), the files side by side on the thread pool (the
    /// recordings first, the largest of the work); a file's failure is rethrown as itself.
    /// </summary>
    internal static DemoData Parse(ImmutableArray<DemoDataFile> files)
    {
        DemoDataFile File(string name) => files.Single(f => f.Name == name);

        Task<CyclerRecording> Cycling(string name)
        {
            DemoDataFile file = File(name);
            return Task.Run(() =>
            {
                using var stream = new MemoryStream(file.ToBytes());
                return CyclerFile.TryRead(stream, "demo/" + name).Value;
            });
        }

        Task<DelimitedTable> Table(string name)
        {
            DemoDataFile file = File(name);
            return Task.Run(() =>
            {
                using var reader = new StringReader(file.Content);
                return DelimitedTable.Read(reader, "demo/" + name);
            });
        }

        Task<ImpedanceData> Spectrum(string name)
        {
            DemoDataFile file = File(name);
            return Task.Run(() =>
            {
                using var reader = new StringReader(file.Content);
                return ImpedanceFile.TryRead(reader, "demo/" + name).Value;
            });
        }

        static T Get<T>(Task<T> task) => task.GetAwaiter().GetResult();

        Task<CyclerRecording> lfp2C = Cycling(CyclingDemoData.Lfp2CFile);
        Task<CyclerRecording> ispnCycling = Cycling(VoltammetryDemoData.IspnCyclingFile);
        Task<CyclerRecording> lfp10C = Cycling(CyclingDemoData.Lfp10CFile);
        Task<CyclerRecording> baseCycling = Cycling(VoltammetryDemoData.BaseCyclingFile);
        Task<CyclerRecording> ncm5C = Cycling(CyclingDemoData.Ncm5CFile);
        Task<CyclerRecording> baseLsv = Cycling(VoltammetryDemoData.BaseLsvFile);
        Task<CyclerRecording> ispnLsv = Cycling(VoltammetryDemoData.IspnLsvFile);
        Task<CyclerRecording> baseCcd = Cycling(VoltammetryDemoData.BaseCcdFile);
        Task<CyclerRecording> ispnCcd = Cycling(VoltammetryDemoData.IspnCcdFile);
        Task<CyclerRecording> lfpRate = Cycling(CyclingDemoData.LfpRateFile);
        Task<CyclerRecording> ncmRate = Cycling(CyclingDemoData.NcmRateFile);
        Task<DelimitedTable> baseSeries = Table(DemoDataGenerator.BasePtaSeriesFile);
        Task<DelimitedTable> ispnSeries = Table(DemoDataGenerator.IspnPtaSeriesFile);
        Task<DelimitedTable> cells = Table(DemoDataGenerator.CellsFile);
        Task<DelimitedTable> baseSweep = Table(DemoDataGenerator.BasePtaSweepFile);
        Task<DelimitedTable> ispnSweep = Table(DemoDataGenerator.IspnPtaSweepFile);
        Task<DelimitedTable> resistances = Table(DemoDataGenerator.ResistancesFile);
        Task<DelimitedTable> baseChrono = Table(DemoDataGenerator.BasePtaChronoamperometryFile);
        Task<DelimitedTable> ispnChrono = Table(DemoDataGenerator.IspnPtaChronoamperometryFile);
        Task<ImpedanceData> baseLiLi = Spectrum(DemoDataGenerator.BasePtaLiLiSpectrumFile);
        Task<ImpedanceData> ispnLiLi = Spectrum(DemoDataGenerator.IspnPtaLiLiSpectrumFile);
        Task<ImpedanceData> baseBlocking = Spectrum(DemoDataGenerator.BasePtaBlockingSpectrumFile);
        Task<ImpedanceData> ispnBlocking = Spectrum(DemoDataGenerator.IspnPtaBlockingSpectrumFile);

        return new DemoData(
            ConductivityTable.FromTable(Get(baseSeries)),
            ConductivityTable.FromTable(Get(ispnSeries)),
            Get(cells),
            PolarizationCurveTable.FromTable(Get(baseSweep)),
            PolarizationCurveTable.FromTable(Get(ispnSweep)),
            Get(resistances),
            ChronoamperometryTable.FromTable(Get(baseChrono)),
            ChronoamperometryTable.FromTable(Get(ispnChrono)),
            Get(baseLiLi),
            Get(ispnLiLi),
            Get(baseBlocking),
            Get(ispnBlocking),
            Get(lfp2C),
            Get(lfp10C),
            Get(ncm5C),
            Get(lfpRate),
            Get(ncmRate),
            Get(baseLsv),
            Get(ispnLsv),
            Get(baseCycling),
            Get(ispnCycling),
            Get(baseCcd),
            Get(ispnCcd));
    }
}
