using System.Collections.Immutable;
using System.Globalization;
using Electrochem.Cli.Formatting;
using Electrochem.Fitting;
using Electrochem.Impedance;
using Electrochem.IO.Impedance;
using Electrochem.Plotting.Impedance;

namespace Electrochem.Cli.Demo.Sections;

/// <summary>
/// R_SEI, R_ct and R_interface of the Li‖Li cells after 200 h of cycling: each spectrum is checked with Lin-KK, then
/// fitted with <c>R0-p(R1,CPE1)-p(R2,CPE2)</c> from the automatic start (with the seeded global option) and read with
/// <see cref="SymmetricCellResistances.FromFit"/> — the same fit as <c>electrochem eis fit FILE --circuit "…"
/// --global 30 --seed 1</c>.
/// </summary>
internal sealed class InterfacialResistanceSection : IDemoSection
{
    /// <summary>Random starts of the global option, beside the automatic start.</summary>
    internal const int GlobalStarts = 30;

    /// <summary>Seed of the global option.</summary>
    internal const ulong GlobalSeed = 1;

    /// <inheritdoc/>
    public string Title => $"Interfacial resistance, Li‖Li cells after 200 h of cycling: Lin-KK check, then {DemoDataGenerator.LiLiCircuit} from the automatic start (CircuitModel.Fit, modulus weighting, {GlobalStarts} seeded random starts), SymmetricCellResistances.FromFit; 95% CI";

    /// <inheritdoc/>
    public ImmutableArray<DemoRow> Run(DemoData data) =>
    [
        .. Rows(ReferenceStudy.BasePta, data.BasePtaLiLiSpectrum, data.LiLiFit(data.BasePtaLiLiSpectrum), null, ReferenceStudy.BasePtaInterfaceResistance),
        .. Rows(ReferenceStudy.IspnPta, data.IspnPtaLiLiSpectrum, data.LiLiFit(data.IspnPtaLiLiSpectrum), ReferenceStudy.IspnPtaSeiResistance, ReferenceStudy.IspnPtaInterfaceResistance),
    ];

    /// <inheritdoc/>
    public ImmutableArray<DemoFigure> Figures(DemoData data) =>
    [
        Figure(ReferenceStudy.BasePta, data.BasePtaLiLiSpectrum, data),
        Figure(ReferenceStudy.IspnPta, data.IspnPtaLiLiSpectrum, data),
    ];

    private static DemoFigure Figure(string material, ImpedanceData spectrum, DemoData data) =>
        new($"{material} Li‖Li after 200 h: the spectrum and the fitted {DemoDataGenerator.LiLiCircuit} (SEI arc at high frequency, charge transfer at low).", ImpedanceFigures.Nyquist(spectrum.Spectrum, data.LiLiFit(spectrum)));

    private static IEnumerable<DemoRow> Rows(string material, ImpedanceData data, FitResult<CircuitModel> fit, PaperValue? sei, PaperValue interfaceResistance)
    {
        CultureInfo invariant = CultureInfo.InvariantCulture;
        yield return KramersKronigCheck.Row(material, data, seriesCapacitance: false);

        Circuit circuit = Circuit.Parse(DemoDataGenerator.LiLiCircuit);
        FitResult<CircuitModel> local = CircuitModel.Fit(circuit, data.Spectrum);
        SymmetricCellResistances r = SymmetricCellResistances.FromFit(fit);
        double level = fit.ConfidenceLevel;
        string start = local.Statistics.ChiSquare <= fit.Statistics.ChiSquare * (1 + 1e-6)
            ? "the automatic start alone reaches this minimum"
            : string.Create(invariant, $"the automatic start alone stops at χ² {Numbers.Significant(local.Statistics.ChiSquare, 3)} (vs {Numbers.Significant(fit.Statistics.ChiSquare, 3)}; {Stuck(local)}): its estimate took a noise bump for the SEI arc, and a random start found the minimum");
        string warnings = fit.IdentifiabilityWarnings().IsEmpty ? "no identifiability warnings" : "identifiability warnings: " + string.Join(", ", fit.IdentifiabilityWarnings().Select(w => w.Parameter));

        yield return new DemoRow("R_bulk (R0)", material, Numbers.Estimate(r.Bulk, level, "Ω"), "not reported", $"{fit.Status}; {start}; {warnings}");
        yield return new DemoRow(
            "R_SEI (R1) after 200 h",
            material,
            Numbers.Estimate(r.SolidElectrolyteInterphase, level, "Ω"),
            sei?.Text ?? "not reported",
            sei is null ? string.Create(invariant, $"the paper gives only the sum; generated with {DemoDataGenerator.BasePtaSeiResistance} Ω (chosen split)") : "higher-frequency arc");
        string impliedCt = sei is null ? "not reported" : string.Create(invariant, $"not reported ({interfaceResistance.Value} − {sei.Value} = {interfaceResistance.Value - sei.Value:0.00} Ω implied)");
        yield return new DemoRow("R_ct (R2) after 200 h", material, Numbers.Estimate(r.ChargeTransfer, level, "Ω"), impliedCt, "lower-frequency arc");

        double quadrature = Math.Sqrt((r.SolidElectrolyteInterphase.StandardError * r.SolidElectrolyteInterphase.StandardError) + (r.ChargeTransfer.StandardError * r.ChargeTransfer.StandardError));
        double rho = fit.Correlation["R1", "R2"];
        yield return new DemoRow(
            "R_interface = R_SEI + R_ct",
            material,
            Numbers.Estimate(r.Interface, level, "Ω"),
            interfaceResistance.Text,
            string.Create(invariant, $"SE from the full covariance, ρ(R_SEI, R_ct) = {rho:0.00}; treating them as independent would give ± {Numbers.Significant(quadrature, 2)} Ω"));
    }

    private static string Stuck(FitResult<CircuitModel> fit)
    {
        string[] atBounds = [.. fit.Parameters.Where(p => p.Bound != BoundState.Interior).Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Name} = {Numbers.Significant(p.Value, 3)}"))];
        return atBounds.Length == 0 ? fit.Status.ToString() : "at a bound: " + string.Join(", ", atBounds);
    }
}
