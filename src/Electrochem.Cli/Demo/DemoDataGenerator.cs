using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Electrochem.Constants;

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
/// <para>Each file has its own stream, seeded with <see cref="Seed"/> plus the file's index (0, 1, 2). Platform
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

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Every example file, in a fixed order.</summary>
    internal static ImmutableArray<DemoDataFile> Generate() =>
    [
        Series(BasePtaSeriesFile, ReferenceStudy.BasePta, ReferenceStudy.BasePtaConductivity, ReferenceStudy.BasePtaActivationEnergy, kelvinColumn: false, new SplitMix64(Seed)),
        Series(IspnPtaSeriesFile, ReferenceStudy.IspnPta, ReferenceStudy.IspnPtaConductivity, ReferenceStudy.IspnPtaActivationEnergy, kelvinColumn: true, new SplitMix64(Seed + 1)),
        Cells(new SplitMix64(Seed + 2)),
    ];

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
