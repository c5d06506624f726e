using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Electrochem.Cli.Demo.Sections;
using Electrochem.Constants;
using Electrochem.Impedance;
using Electrochem.IO.Impedance;
using Electrochem.IO.Tables;
using Electrochem.Transport;

namespace Electrochem.Cli.Demo;

/// <summary>
/// Generates the demo's example data from the reference study's reported values (<see cref="ReferenceStudy"/>),
/// with realistic scatter from a seeded <see cref="SplitMix64"/> stream, so the files are synthetic but
/// reproducible byte for byte. The bundled files in <c>Demo/Data</c> are this generator's output; a test checks
/// that they still are, and <c>electrochem demo --export-data DIR</c> writes them afresh.
/// </summary>
/// <remarks>
/// <para><b>σ(T) series</b> (one file per electrolyte): T = 30, 35, …, 70 °C (exact set points);
/// σ_true(T) = σ(28 °C)·exp(−(E_a/k_B)·(1/T − 1/301.15 K)) (Arrhenius, σ form, with the paper's E_a and σ(28 °C));
/// σ = σ_true·exp(0.02·z), z standard normal (2 % log-normal scatter); u_σ = 0.02·σ, written with two significant
/// digits; σ with five. Base-PTA's file gives T in °C, ISPN-PTA's in K, to exercise both headers.</para>
/// <para><b>SS‖SS cells at 28 °C</b> (one row per ISPN loading: 0 = Base-PTA, 0.5, 1 = ISPN-PTA, 2 wt%): film
/// thickness L = 100 µm·exp(0.02·z) written to 0.1 µm with u_L = 2 µm (micrometer); stainless-steel disc of
/// diameter 16 mm, u_d = 0.02 mm, so A = π·(0.8 cm)² = 2.0106 cm² with u_A = 2·A·u_d/d = 0.0050 cm²;
/// R_b = L/(σ_paper·A)·exp(0.015·z) with u_R = 1.5 % of R_b (the standard error of the high-frequency intercept).</para>
/// <para><b>Li‖Li polarisation sweeps</b> (one file per electrolyte): η_cell = −0.6…0.6 V in 2 mV steps (exact),
/// i_true = 2·i₀·sinh(α·F·η_cell/(2RT)) (<see cref="Electrochem.Kinetics.SymmetricCell"/>, α_a = α_c = ½, n = 1,
/// 28 °C) with the paper's i₀; i = i_true·exp(0.02·z) (2 % log-normal scatter), written with five significant
/// digits in mA/cm². The curves are iR-corrected by construction.</para>
/// <para><b>Li‖Li chronoamperometry</b> (one file per electrolyte): ΔV = 10 mV, the ideal Bruce–Vincent cell
/// (<see cref="IdealPolarizationCell"/>) with the paper's t₊ and the resistances in <see cref="ResistancesFile"/>,
/// I(t) = I_ss + (I₀ − I_ss)·exp(−t/τ) over 4 h sampled every 10 s, plus additive noise 0.005·I_ss·z; Base-PTA's
/// current is written in mA, ISPN-PTA's in A, to exercise both headers. The resistances file holds the values the
/// traces were made with (whole-cell R_b and R_i before polarisation and at steady state) with u = 1 %, as an
/// equivalent-circuit fit would give them; ΔV with u = 0.1 mV.</para>
/// <para><b>Li‖Li impedance spectra after 200 h of cycling</b> (one file per electrolyte): Z from
/// <see cref="LiLiCircuit"/> (bulk, SEI arc, charge-transfer arc) with <see cref="LiLiSpectra"/> — ISPN-PTA R_SEI =
/// 28.8 Ω and R_ct = 231.91 − 28.8 = 203.11 Ω as the paper reports them; Base-PTA R_SEI + R_ct = 410.92 Ω split as
/// 150 + 260.92 Ω (the paper gives only the sum) — at <see cref="SpectrumPointsPerDecade"/> points per decade from
/// 1 MHz to 0.1 Hz (71 points), Z′ and Z″ each plus <see cref="SpectrumNoise"/>·|Z|·z, written to six significant
/// digits in the <see cref="ImpedanceCsvWriter"/> layout (Z″ negative for capacitive points).</para>
/// <para><b>SS‖SS impedance spectra at 28 °C</b> (the 0 and 1 wt% cells of <see cref="CellsFile"/>): Z =
/// R_b + 1/(Q(jω)^α) (<see cref="BlockingCircuit"/>) with R_b as written in the cells file, Q = 1e-5 S·s^α, α = 0.9
/// (the blocking double layer); the bulk arc (R_b with the film's ~0.2 nF geometric capacitance) lies near 60 MHz,
/// above the measured range, so it does not appear. Same frequencies and noise as the Li‖Li spectra.</para>
/// <para>Each file has its own stream, seeded with <see cref="Seed"/> plus the file's index (0, 1, 2, …). Platform
/// libm differences in the last bit of exp/log/cos cannot change the written digits except at a rounding tie.</para>
/// </remarks>
internal static class DemoDataGenerator
{
    /// <summary>The seed (the paper's article number).</summary>
    internal const ulong Seed = 2409492;

    /// <summary>Relative (log-normal) scatter of σ in the σ(T) series, and the relative u_σ written beside it.</summary>
    internal const double ConductivityScatter = 0.02;

    /// <summary>Nominal film thickness, cm (100 µm).</summary>
    internal const double FilmThicknessCentimetres = 0.0100;

    /// <summary>Cell-to-cell relative spread of the film thickness.</summary>
    internal const double FilmThicknessSpread = 0.02;

    /// <summary>Standard uncertainty of a thickness reading, cm (2 µm).</summary>
    internal const double ThicknessUncertaintyCentimetres = 0.0002;

    /// <summary>Diameter of the stainless-steel blocking electrodes, cm (16 mm).</summary>
    internal const double DiscDiameterCentimetres = 1.6;

    /// <summary>Standard uncertainty of the disc diameter, cm (0.02 mm).</summary>
    internal const double DiscDiameterUncertaintyCentimetres = 0.002;

    /// <summary>Relative scatter of R_b and the relative u_R written beside it.</summary>
    internal const double BulkResistanceScatter = 0.015;

    /// <summary>File of the Base-PTA σ(T) series (T in °C).</summary>
    internal const string BasePtaSeriesFile = "base-pta-sigma-vs-T.csv";

    /// <summary>File of the ISPN-PTA σ(T) series (T in K).</summary>
    internal const string IspnPtaSeriesFile = "ispn-pta-sigma-vs-T.csv";

    /// <summary>File of the SS‖SS cells at 28 °C.</summary>
    internal const string CellsFile = "ss-cells-28C.csv";

    /// <summary>File of the Base-PTA Li‖Li polarisation sweep.</summary>
    internal const string BasePtaSweepFile = "base-pta-li-li-sweep.csv";

    /// <summary>File of the ISPN-PTA Li‖Li polarisation sweep.</summary>
    internal const string IspnPtaSweepFile = "ispn-pta-li-li-sweep.csv";

    /// <summary>File of the resistances and ΔV of the Li‖Li polarisations.</summary>
    internal const string ResistancesFile = "li-li-polarisation-resistances.csv";

    /// <summary>File of the Base-PTA chronoamperometry trace (current in mA).</summary>
    internal const string BasePtaChronoamperometryFile = "base-pta-chronoamperometry.csv";

    /// <summary>File of the ISPN-PTA chronoamperometry trace (current in A).</summary>
    internal const string IspnPtaChronoamperometryFile = "ispn-pta-chronoamperometry.csv";

    /// <summary>Temperature of the Li‖Li experiments, °C (the paper's room temperature; it does not state one for them).</summary>
    internal const double CellTemperatureCelsius = 28;

    /// <summary>Largest |η_cell| of the sweeps, V.</summary>
    internal const double SweepLimitVolts = 0.6;

    /// <summary>Relative (log-normal) scatter of the sweep currents.</summary>
    internal const double SweepScatter = 0.02;

    /// <summary>Transfer coefficient of each Li electrode (α_a = α_c).</summary>
    internal const double TransferCoefficient = 0.5;

    /// <summary>Applied voltage of the polarisations, V (10 mV).</summary>
    internal const double PolarisationVoltage = 0.010;

    /// <summary>Standard uncertainty of ΔV, V (0.1 mV).</summary>
    internal const double PolarisationVoltageUncertainty = 0.0001;

    /// <summary>Relative standard uncertainty written beside each resistance.</summary>
    internal const double ResistanceUncertainty = 0.01;

    /// <summary>Duration of the polarisations, s (4 h).</summary>
    internal const double PolarisationSeconds = 14400;

    /// <summary>Sampling interval of the traces, s.</summary>
    internal const double SamplingSeconds = 10;

    /// <summary>Additive noise of the traces as a fraction of I_ss.</summary>
    internal const double CurrentNoise = 0.005;

    /// <summary>File of the Base-PTA Li‖Li impedance spectrum after 200 h of cycling.</summary>
    internal const string BasePtaLiLiSpectrumFile = "base-pta-li-li-eis-200h.csv";

    /// <summary>File of the ISPN-PTA Li‖Li impedance spectrum after 200 h of cycling.</summary>
    internal const string IspnPtaLiLiSpectrumFile = "ispn-pta-li-li-eis-200h.csv";

    /// <summary>File of the Base-PTA SS‖SS impedance spectrum at 28 °C.</summary>
    internal const string BasePtaBlockingSpectrumFile = "base-pta-ss-ss-eis-28C.csv";

    /// <summary>File of the ISPN-PTA SS‖SS impedance spectrum at 28 °C.</summary>
    internal const string IspnPtaBlockingSpectrumFile = "ispn-pta-ss-ss-eis-28C.csv";

    /// <summary>The circuit of the Li‖Li spectra: bulk, SEI (R1‖CPE1) and charge transfer (R2‖CPE2).</summary>
    internal const string LiLiCircuit = "R0-p(R1,CPE1)-p(R2,CPE2)";

    /// <summary>The circuit of the SS‖SS spectra: bulk resistance and the blocking double layer.</summary>
    internal const string BlockingCircuit = "R0-CPE1";

    /// <summary>Highest frequency of the spectra, Hz.</summary>
    internal const double SpectrumMaximumFrequency = 1e6;

    /// <summary>Number of decades below <see cref="SpectrumMaximumFrequency"/> (down to 0.1 Hz).</summary>
    internal const int SpectrumDecades = 7;

    /// <summary>Points per decade of the spectra (logarithmically spaced).</summary>
    internal const int SpectrumPointsPerDecade = 10;

    /// <summary>Noise of Z′ and Z″, each, as a fraction of |Z|.</summary>
    internal const double SpectrumNoise = 0.005;

    /// <summary>CPE coefficient of the blocking double layer of the SS‖SS cells, S·s^α.</summary>
    internal const double BlockingCpeCoefficient = 1e-5;

    /// <summary>CPE exponent of the blocking double layer of the SS‖SS cells.</summary>
    internal const double BlockingCpeExponent = 0.9;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>The SEI resistance chosen for Base-PTA after 200 h, Ω (the paper gives only R_SEI + R_ct = 410.92 Ω).</summary>
    internal const double BasePtaSeiResistance = 150;

    /// <summary>
    /// The Li‖Li cells after 200 h of cycling: parameters of <see cref="LiLiCircuit"/> in circuit order (R0, R1, CPE1_0,
    /// CPE1_1, R2, CPE2_0, CPE2_1; Ω, S·s^α, 1). Bulk as in the polarisation cells (85 and 58 Ω); R_SEI the paper's
    /// 28.8 Ω (ISPN-PTA) or the chosen <see cref="BasePtaSeiResistance"/>, R_ct the rest of the paper's R_interface;
    /// SEI arcs Q = 2e-6 S·s^α, α = 0.85 (apex ≈ 2 kHz and 15 kHz); charge-transfer arcs Q = 2e-4 S·s^α, α = 0.9
    /// (apex ≈ 4–6 Hz).
    /// </summary>
    internal static ImmutableArray<(string Material, string FileName, ImmutableArray<double> Values)> LiLiSpectra { get; } =
    [
        (ReferenceStudy.BasePta, BasePtaLiLiSpectrumFile, [85, BasePtaSeiResistance, 2e-6, 0.85, Math.Round(ReferenceStudy.BasePtaInterfaceResistance.Value - BasePtaSeiResistance, 2), 2e-4, 0.9]),
        (ReferenceStudy.IspnPta, IspnPtaLiLiSpectrumFile, [58, ReferenceStudy.IspnPtaSeiResistance.Value, 2e-6, 0.85, Math.Round(ReferenceStudy.IspnPtaInterfaceResistance.Value - ReferenceStudy.IspnPtaSeiResistance.Value, 2), 2e-4, 0.9]),
    ];

    /// <summary>
    /// The Li‖Li cells of the transference experiment, as whole-cell resistances in Ω before polarisation and at
    /// steady state, and the decay's time constant: Base-PTA R_b 85 → 87 Ω (+2.4 %), R_i 380 → 410 Ω (+7.9 %),
    /// τ = 900 s; ISPN-PTA R_b 58 → 59 Ω (+1.7 %; R_b scales as 1/σ), R_i 215 → 225 Ω (+4.7 %), τ = 600 s.
    /// </summary>
    internal static ImmutableArray<(double LoadingWeightPercent, IdealPolarizationCell Cell, double TimeConstantSeconds)> PolarisationCells { get; } =
    [
        (0.0, new IdealPolarizationCell(PolarisationVoltage, 85, 87, 380, 410, ReferenceStudy.BasePtaTransferenceNumber.Value), 900),
        (1.0, new IdealPolarizationCell(PolarisationVoltage, 58, 59, 215, 225, ReferenceStudy.IspnPtaTransferenceNumber.Value), 600),
    ];

    /// <summary>Every example file, in a fixed order.</summary>
    internal static ImmutableArray<DemoDataFile> Generate()
    {
        DemoDataFile cells = Cells(new SplitMix64(Seed + 2));
        ImmutableArray<SymmetricCell> parsed = SymmetricCell.All(DelimitedTable.Read(new StringReader(cells.Content), "demo/" + CellsFile));
        return
        [
            .. FirstFiles(cells),
            LiLiSpectrum(LiLiSpectra[0], new SplitMix64(Seed + 8), seedOffset: 8),
            LiLiSpectrum(LiLiSpectra[1], new SplitMix64(Seed + 9), seedOffset: 9),
            BlockingSpectrum(BasePtaBlockingSpectrumFile, ReferenceStudy.BasePta, SymmetricCell.WithLoading(parsed, 0), new SplitMix64(Seed + 10), seedOffset: 10),
            BlockingSpectrum(IspnPtaBlockingSpectrumFile, ReferenceStudy.IspnPta, SymmetricCell.WithLoading(parsed, 1), new SplitMix64(Seed + 11), seedOffset: 11),
            .. CyclingDemoData.Generate(Seed),
            .. VoltammetryDemoData.Generate(Seed),
        ];
    }

    private static ImmutableArray<DemoDataFile> FirstFiles(DemoDataFile cells) =>
    [
        Series(BasePtaSeriesFile, ReferenceStudy.BasePta, ReferenceStudy.BasePtaConductivity, ReferenceStudy.BasePtaActivationEnergy, kelvinColumn: false, new SplitMix64(Seed)),
        Series(IspnPtaSeriesFile, ReferenceStudy.IspnPta, ReferenceStudy.IspnPtaConductivity, ReferenceStudy.IspnPtaActivationEnergy, kelvinColumn: true, new SplitMix64(Seed + 1)),
        cells,
        Sweep(BasePtaSweepFile, ReferenceStudy.BasePta, ReferenceStudy.BasePtaExchangeCurrentDensity, new SplitMix64(Seed + 3), seedOffset: 3),
        Sweep(IspnPtaSweepFile, ReferenceStudy.IspnPta, ReferenceStudy.IspnPtaExchangeCurrentDensity, new SplitMix64(Seed + 4), seedOffset: 4),
        Resistances(),
        Chronoamperometry(BasePtaChronoamperometryFile, ReferenceStudy.BasePta, PolarisationCells[0], milliamperes: true, new SplitMix64(Seed + 6), seedOffset: 6),
        Chronoamperometry(IspnPtaChronoamperometryFile, ReferenceStudy.IspnPta, PolarisationCells[1], milliamperes: false, new SplitMix64(Seed + 7), seedOffset: 7),
    ];

    private static DemoDataFile LiLiSpectrum((string Material, string FileName, ImmutableArray<double> Values) cell, SplitMix64 random, int seedOffset)
    {
        var text = new StringBuilder();
        Synthetic(text, seedOffset);
        ImmutableArray<double> v = cell.Values;
        text.Append(Invariant, $"# {cell.Material}: Li|Li symmetric cell after 200 h of cycling, Z = R0 + (R1 || CPE1) + (R2 || CPE2) ({LiLiCircuit}) with\n");
        text.Append(Invariant, $"# R0 = {v[0]} ohm (bulk), R1 = {v[1]} ohm (SEI), CPE1 = {v[2]} S·s^a, a = {v[3]}, R2 = {v[4]} ohm (charge transfer), CPE2 = {v[5]} S·s^a, a = {v[6]};\n");
        text.Append(Invariant, $"# R_SEI + R_ct = {v[1] + v[4]:0.00} ohm. {SpectrumPointsPerDecade} points/decade, 1 MHz to 0.1 Hz; noise {SpectrumNoise * 100} % of |Z| on Z' and Z'' each.\n");
        return Spectrum(cell.FileName, text, Circuit.Parse(LiLiCircuit), [.. v], random);
    }

    private static DemoDataFile BlockingSpectrum(string name, string material, SymmetricCell cell, SplitMix64 random, int seedOffset)
    {
        var text = new StringBuilder();
        Synthetic(text, seedOffset);
        double bulk = cell.BulkResistance.Value;
        text.Append(Invariant, $"# {material}: SS|SS blocking cell at 28 °C ({CellsFile}, {cell.LoadingWeightPercent:0.0} wt%: L = {cell.Thickness.Value} cm, A = {cell.Area.Value} cm2), Z = R0 + 1/(Q(jw)^a)\n");
        text.Append(Invariant, $"# ({BlockingCircuit}) with R0 = R_b = {bulk} ohm, Q = {BlockingCpeCoefficient} S·s^a, a = {BlockingCpeExponent}; {SpectrumPointsPerDecade} points/decade, 1 MHz to 0.1 Hz;\n");
        text.Append(Invariant, $"# noise {SpectrumNoise * 100} % of |Z| on Z' and Z'' each.\n");
        return Spectrum(name, text, Circuit.Parse(BlockingCircuit), [bulk, BlockingCpeCoefficient, BlockingCpeExponent], random);
    }

    private static DemoDataFile Spectrum(string name, StringBuilder text, Circuit circuit, double[] values, SplitMix64 random)
    {
        int count = (SpectrumDecades * SpectrumPointsPerDecade) + 1;
        var frequency = new double[count];
        var real = new double[count];
        var imaginary = new double[count];
        for (int k = 0; k < count; k++)
        {
            double f = SpectrumMaximumFrequency * Math.Pow(10, -(double)k / SpectrumPointsPerDecade);
            System.Numerics.Complex z = circuit.Impedance(2 * Math.PI * f, values);
            double noise = SpectrumNoise * z.Magnitude;
            frequency[k] = SixDigits(f);
            real[k] = SixDigits(z.Real + (noise * random.NextStandardNormal()));
            imaginary[k] = SixDigits(z.Imaginary + (noise * random.NextStandardNormal()));
        }

        using var writer = new StringWriter(text, Invariant);
        ImpedanceCsvWriter.Write(writer, new ImpedanceSpectrum(frequency, real, imaginary));
        return new DemoDataFile(name, text.ToString());
    }

    private static double SixDigits(double value) => double.Parse(value.ToString("G6", Invariant), Invariant);

    private static DemoDataFile Sweep(string name, string material, PaperValue exchangeCurrentDensity, SplitMix64 random, int seedOffset)
    {
        var text = new StringBuilder();
        Synthetic(text, seedOffset);
        double kelvin = UnitConversions.CelsiusToKelvin(CellTemperatureCelsius);
        text.Append(Invariant, $"# {material}: Li|Li symmetric cell at {CellTemperatureCelsius} °C, slow polarisation sweep, iR-corrected. i = 2·i0·sinh(α·F·η_cell/(2RT))\n");
        text.Append(Invariant, $"# with i0 = {exchangeCurrentDensity.Text}, α = {TransferCoefficient} per electrode, n = 1; 2 % log-normal scatter on i.\n");
        text.Append("eta_cell (V),i (mA/cm2)\n");
        var cell = new Electrochem.Kinetics.SymmetricCell(exchangeCurrentDensity.Value, TransferCoefficient, TransferCoefficient, 1, kelvin);
        int steps = (int)Math.Round(SweepLimitVolts / 0.002);
        for (int k = -steps; k <= steps; k++)
        {
            double eta = k * 0.002;
            double current = cell.Evaluate(eta) * Math.Exp(SweepScatter * random.NextStandardNormal());
            text.Append(Invariant, $"{eta.ToString("F3", Invariant)},{current.ToString("0.0000e+00", Invariant)}\n");
        }

        return new DemoDataFile(name, text.ToString());
    }

    private static DemoDataFile Resistances()
    {
        var text = new StringBuilder();
        Synthetic(text, seedOffset: 5);
        text.Append("# Li|Li cells of the Bruce–Vincent experiments (0 wt% = Base-PTA, 1 wt% = ISPN-PTA): applied voltage and the whole-cell\n");
        text.Append("# bulk (R_b) and interfacial (R_i = R_SEI + R_ct) resistances before polarisation (0) and at steady state (ss), as an\n");
        text.Append("# equivalent-circuit fit of the spectra would give them, with u = 1 % (u_dV = 0.1 mV). No scatter: these are the\n");
        text.Append("# values the chronoamperometry traces were generated with.\n");
        text.Append("loading (wt%),dV (V),u_dV (V),R_b0 (ohm),u_R_b0 (ohm),R_bss (ohm),u_R_bss (ohm),R_i0 (ohm),u_R_i0 (ohm),R_iss (ohm),u_R_iss (ohm)\n");
        foreach ((double loading, IdealPolarizationCell cell, _) in PolarisationCells)
        {
            text.Append(Invariant, $"{loading.ToString("0.0", Invariant)},{cell.AppliedVoltage.ToString("F4", Invariant)},{PolarisationVoltageUncertainty.ToString("F4", Invariant)}");
            foreach (double r in new[] { cell.BulkResistanceInitial, cell.BulkResistanceSteadyState, cell.InterfacialResistanceInitial, cell.InterfacialResistanceSteadyState })
            {
                text.Append(Invariant, $",{r.ToString("F2", Invariant)},{(ResistanceUncertainty * r).ToString("F2", Invariant)}");
            }

            text.Append('\n');
        }

        return new DemoDataFile(ResistancesFile, text.ToString());
    }

    private static DemoDataFile Chronoamperometry(string name, string material, (double LoadingWeightPercent, IdealPolarizationCell Cell, double TimeConstantSeconds) entry, bool milliamperes, SplitMix64 random, int seedOffset)
    {
        var text = new StringBuilder();
        Synthetic(text, seedOffset);
        IdealPolarizationCell cell = entry.Cell;
        text.Append(Invariant, $"# {material}: Li|Li cell polarised at ΔV = {cell.AppliedVoltage * 1000:0} mV for {PolarisationSeconds / 3600:0} h (resistances in {ResistancesFile}), t+ = {cell.TransferenceNumber}:\n");
        text.Append(Invariant, $"# I(t) = I_ss + (I0 - I_ss)·exp(-t/τ), τ = {entry.TimeConstantSeconds} s, I0 = ΔV/(R_b0 + R_i0), I_ss = ΔV/(R_bss/t+ + R_iss); noise 0.5 % of I_ss.\n");
        text.Append(milliamperes ? "t (s),I (mA)\n" : "t (s),I (A)\n");
        CurrentRelaxation relaxation = cell.Relaxation(entry.TimeConstantSeconds);
        double scale = milliamperes ? 1000 : 1;
        int samples = (int)Math.Round(PolarisationSeconds / SamplingSeconds);
        for (int k = 0; k <= samples; k++)
        {
            double t = k * SamplingSeconds;
            double current = relaxation.Evaluate(t) + (CurrentNoise * cell.SteadyStateCurrent * random.NextStandardNormal());
            text.Append(Invariant, $"{t.ToString("0", Invariant)},{(current * scale).ToString("0.00000e+00", Invariant)}\n");
        }

        return new DemoDataFile(name, text.ToString());
    }

    private static DemoDataFile Series(string name, string material, PaperValue sigma28, PaperValue activationEnergy, bool kelvinColumn, SplitMix64 random)
    {
        var text = new StringBuilder();
        Synthetic(text, seedOffset: kelvinColumn ? 1 : 0);
        text.Append(Invariant, $"# {material}: Arrhenius (σ form) with Ea = {activationEnergy.Text} and σ(28 °C) = {sigma28.Text}, 30–70 °C in 5 °C steps,\n");
        text.Append("# 2 % log-normal scatter on sigma; u_sigma = 2 % of sigma (standard uncertainty).\n");
        text.Append(kelvinColumn ? "T (K),sigma (S/cm),u_sigma (S/cm)\n" : "T (°C),sigma (S/cm),u_sigma (S/cm)\n");
        double reference = UnitConversions.CelsiusToKelvin(ReferenceStudy.ConductivityTemperatureCelsius);
        double slope = activationEnergy.Value / PhysicalConstants.BoltzmannConstantInElectronVoltsPerKelvin;
        for (int celsius = 30; celsius <= 70; celsius += 5)
        {
            double kelvin = UnitConversions.CelsiusToKelvin(celsius);
            double trueSigma = sigma28.Value * Math.Exp(-slope * ((1 / kelvin) - (1 / reference)));
            double sigma = trueSigma * Math.Exp(ConductivityScatter * random.NextStandardNormal());
            string temperature = kelvinColumn ? kelvin.ToString("F2", Invariant) : celsius.ToString(Invariant);
            text.Append(Invariant, $"{temperature},{sigma.ToString("0.0000e+00", Invariant)},{(ConductivityScatter * sigma).ToString("0.0e+00", Invariant)}\n");
        }

        return new DemoDataFile(name, text.ToString());
    }

    private static DemoDataFile Cells(SplitMix64 random)
    {
        var text = new StringBuilder();
        Synthetic(text, seedOffset: 2);
        text.Append("# SS|SS blocking cells at 28 °C, one per ISPN loading (0 wt% = Base-PTA, 1 wt% = ISPN-PTA): film thickness\n");
        text.Append("# 100 µm with 2 % cell-to-cell spread (u = 2 µm), 16 mm discs (u_d = 0.02 mm), R_b = L/(σ·A) from the paper's σ\n");
        text.Append("# with 1.5 % scatter (u_R = 1.5 %). sigma = L/(R_b·A) with L in cm, A in cm², R_b in ohm gives S/cm.\n");
        text.Append("loading (wt%),thickness (cm),u_thickness (cm),area (cm2),u_area (cm2),R_b (ohm),u_R_b (ohm)\n");
        double area = Math.Round(Math.PI * DiscDiameterCentimetres * DiscDiameterCentimetres / 4, 4);
        double areaUncertainty = Math.Round(2 * area * DiscDiameterUncertaintyCentimetres / DiscDiameterCentimetres, 4);
        (double Loading, PaperValue Sigma)[] cells = [(0.0, ReferenceStudy.BasePtaConductivity), .. ReferenceStudy.LoadingSeries];
        foreach ((double loading, PaperValue sigma) in cells)
        {
            double thickness = Math.Round(FilmThicknessCentimetres * Math.Exp(FilmThicknessSpread * random.NextStandardNormal()), 5);
            double resistance = thickness / (sigma.Value * area) * Math.Exp(BulkResistanceScatter * random.NextStandardNormal());
            text.Append(Invariant, $"{loading.ToString("0.0##", Invariant)},{thickness.ToString("F5", Invariant)},{ThicknessUncertaintyCentimetres.ToString("F4", Invariant)},");
            text.Append(Invariant, $"{area.ToString("F4", Invariant)},{areaUncertainty.ToString("F4", Invariant)},{resistance.ToString("F3", Invariant)},{(BulkResistanceScatter * resistance).ToString("F3", Invariant)}\n");
        }

        return new DemoDataFile(CellsFile, text.ToString());
    }

    private static void Synthetic(StringBuilder text, int seedOffset)
    {
        text.Append("# SYNTHETIC example data, not measurements. Generated by src/Electrochem.Cli/Demo/DemoDataGenerator.cs\n");
        text.Append(Invariant, $"# (SplitMix64 seed {Seed} + {seedOffset}) from values reported in {ReferenceStudy.Citation}.\n");
    }
}
