using System.Collections.Immutable;
using System.Globalization;
using Electrochem.Cycling;
using Electrochem.Diffusion;

using Electrochem.Plotting.Cycling;

namespace Electrochem.Cli.Demo.Sections;

/// <summary>
/// GITT on NCM622 cathodes (the study's Fig. of log D_Li⁺ against state of charge after 50 cycles): the paper gives
/// no numbers, only that D is higher and the polarisation lower with ISPN. Here both titrations are simulated with
/// the forward solver (<see cref="TitrationSimulator"/>) from stated parameters — spheres of r = 7 µm, c_max =
/// 48,230 mol/m³, ε = 0.5 in a 40 µm electrode of 1.54 cm² (3.98 mAh per unit of x), U(x) = 4.35 − 0.9(x − 0.3) −
/// 0.3(x − 0.3)² V, D(x) rising tenfold from x = 0.95 to 0.55, three times higher and with a lower series resistance
/// (12 vs 30 Ω) for ISPN-PTA; 40 charge pulses of 1.19 mA × 120 s (Δx = 0.01), each followed by a 3 h rest — then
/// analysed back by <see cref="GittAnalysis"/> exactly as a measured file would be, so the rows show what the method
/// recovers.
/// </summary>
internal sealed class GittSection : IDemoSection
{
    /// <summary>Particle radius (m).</summary>
    internal const double Radius = 7e-6;

    /// <summary>Charge pulses of 1.19 mA × 120 s, each followed by a 3 h rest.</summary>
    internal const int Pulses = 40;

    /// <summary>The stoichiometry at the start.</summary>
    internal const double InitialStoichiometry = 0.95;

    /// <summary>The charge (A·h) that moves x by 1; the same for both cathodes.</summary>
    internal static readonly double AmpereHoursPerUnitStoichiometry = Electrode(ReferenceStudy.BasePta).AmpereHoursPerUnitStoichiometry;

    /// <summary>The capacity from x = 1 to 0.3 (A·h), for the state of charge.</summary>
    internal static double CapacityAmpereHours => 0.7 * AmpereHoursPerUnitStoichiometry;

    /// <inheritdoc/>
    public string Title => "GITT, NCM622: D_Li⁺ by Weppner–Huggins on simulated titrations (TitrationSimulator → GittAnalysis; L = r/3)";

    /// <summary>The simulated D(x) (m²/s) of each electrolyte's cathode: 1e-15·10^(2.5·(0.95 − x)), ×3 with ISPN.</summary>
    internal static double TrueDiffusivity(string material, double x) => (material == ReferenceStudy.IspnPta ? 3 : 1) * 1e-15 * Math.Pow(10, 2.5 * (0.95 - x));

    /// <inheritdoc/>
    public ImmutableArray<DemoRow> Run(DemoData data)
    {
        // The two simulations are independent: one per core.
        Task<GittTitration> ispn = Task.Run(() => Titrate(ReferenceStudy.IspnPta));
        GittTitration basePta = Titrate(ReferenceStudy.BasePta);
        GittTitration ispnPta = ispn.GetAwaiter().GetResult();
        return
        [
            Row(ReferenceStudy.BasePta, basePta),
            Row(ReferenceStudy.IspnPta, ispnPta),
            new DemoRow(
                "D(ISPN)/D(Base), median of the corrected D",
                "both",
                (Median(ispnPta.Pulses.Select(p => p.BiasCorrectedDiffusionCoefficient!.Value.Value)) / Median(basePta.Pulses.Select(p => p.BiasCorrectedDiffusionCoefficient!.Value.Value))).ToString("F2", CultureInfo.InvariantCulture),
                "higher with ISPN (plotted, no number)",
                "3.00 simulated; median ohmic step " + string.Create(CultureInfo.InvariantCulture, $"{Median(basePta.Pulses.Select(p => p.OhmicStepVolts!.Value)) * 1000:F1} vs {Median(ispnPta.Pulses.Select(p => p.OhmicStepVolts!.Value)) * 1000:F1} mV")),
        ];
    }

    /// <inheritdoc/>
    public ImmutableArray<DemoFigure> Figures(DemoData data)
    {
        Task<GittTitration> ispn = Task.Run(() => Titrate(ReferenceStudy.IspnPta));
        GittTitration basePta = Titrate(ReferenceStudy.BasePta);
        return
        [
            new DemoFigure($"{ReferenceStudy.BasePta}: D of every GITT pulse (Weppner–Huggins) against the state of charge.", GittFigures.Diffusivity(basePta)),
            new DemoFigure($"{ReferenceStudy.IspnPta}: D of every GITT pulse against the state of charge (simulated three times higher).", GittFigures.Diffusivity(ispn.GetAwaiter().GetResult())),
        ];
    }

    /// <summary>The simulated cathode of one electrolyte's cell.</summary>
    internal static InsertionElectrode Electrode(string material) => new(
        DiffusionGeometry.Spherical,
        Radius,
        InsertionElectrode.ParticleSurfaceArea(Radius, 0.5, 40e-6, 1.54e-4),
        48_230,
        InitialStoichiometry,
        Diffusivity.FromFunction(x => TrueDiffusivity(material, x), material == ReferenceStudy.IspnPta ? "3e-15·10^(2.5(0.95−x))" : "1e-15·10^(2.5(0.95−x))"),
        OpenCircuitCurve.FromFunction(x => 4.35 - (0.9 * (x - 0.3)) - (0.3 * (x - 0.3) * (x - 0.3)), 0.3, 1.0, "4.35 − 0.9(x − 0.3) − 0.3(x − 0.3)² V"),
        ChargingDirection.Extraction)
    { SeriesResistanceOhms = material == ReferenceStudy.IspnPta ? 12 : 30 };

    /// <summary>Simulates one electrolyte's titration and analyses it back.</summary>
    internal static GittTitration Titrate(string material)
    {
        InsertionElectrode electrode = Electrode(material);
        double amperes = 0.01 * electrode.AmpereHoursPerUnitStoichiometry * 3600 / 120;
        TitrationSimulation run = TitrationSimulator.Simulate(electrode, TitrationProgram.Gitt(amperes, 120, 3 * 3600, Pulses), new DiffusionSolverOptions { Cells = 40, MaximumTimeStepSeconds = 10, SampleIntervalSeconds = 10 });
        return GittAnalysis.Analyse(run.Recording, new GittOptions
        {
            DiffusionLengthMetres = WeppnerHuggins.LengthFromSphereRadius(Radius),
            Geometry = DiffusionGeometry.Spherical,
            CapacityAmpereHours = CapacityAmpereHours,
            InitialStateOfCharge = (1 - InitialStoichiometry) / 0.7,
        });
    }

    private static DemoRow Row(string material, GittTitration t)
    {
        double[] ratio = [.. t.Pulses.Select(p => p.DiffusionCoefficient!.Value.Value / TrueDiffusivity(material, Stoichiometry(p)))];
        double[] corrected = [.. t.Pulses.Select(p => p.BiasCorrectedDiffusionCoefficient!.Value.Value / TrueDiffusivity(material, Stoichiometry(p)))];
        double[] logD = [.. t.Pulses.Select(p => Math.Log10(p.BiasCorrectedDiffusionCoefficient!.Value.Value * 1e4))];
        return new DemoRow(
            string.Create(CultureInfo.InvariantCulture, $"log₁₀ D_Li⁺ (cm²/s), SOC {t.Pulses[0].StateOfCharge:F2} → {t.Pulses[^1].StateOfCharge:F2}"),
            material,
            string.Create(CultureInfo.InvariantCulture, $"{logD[0]:F2} → {logD[^1]:F2} over {t.Pulses.Length} pulses"),
            "plotted against SOC",
            string.Create(CultureInfo.InvariantCulture, $"bias-corrected; D/D_true {corrected.Min():F2}–{corrected.Max():F2} (uncorrected Weppner–Huggins {ratio.Min():F2}–{ratio.Max():F2}, τD/L² up to {t.Pulses.Max(p => p.TimeRatio ?? 0):F2})"));
    }

    /// <summary>The mean stoichiometry in the middle of a pulse: x₀ less the charge passed to its middle over the charge per unit x.</summary>
    private static double Stoichiometry(GittPulse p) =>
        InitialStoichiometry - ((p.CumulativeChargeAmpereHours - (p.ChargeAmpereHours / 2)) / AmpereHoursPerUnitStoichiometry);

    private static double Median(IEnumerable<double> values)
    {
        double[] sorted = [.. values.Order()];
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
