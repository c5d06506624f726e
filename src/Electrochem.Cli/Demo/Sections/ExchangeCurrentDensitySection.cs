using System.Collections.Immutable;
using System.Globalization;
using Electrochem.Cli.Formatting;
using Electrochem.Cli.Kinetics;
using Electrochem.Constants;
using Electrochem.Fitting;
using Electrochem.IO.Kinetics;
using Electrochem.Kinetics;

using Electrochem.Plotting.Kinetics;

namespace Electrochem.Cli.Demo.Sections;

/// <summary>
/// Exchange current density of Li in both electrolytes from Li‖Li polarisation sweeps: Tafel analysis of the
/// symmetric cell (the paper's method) and, beside it, the sinh fit of the whole curve — the same pipeline as
/// <c>electrochem kinetics tafel|bv FILE --geometry cell --temperature 301.15</c>.
/// </summary>
internal sealed class ExchangeCurrentDensitySection : IDemoSection
{
    /// <inheritdoc/>
    public string Title => "Exchange current density, Li‖Li symmetric cells at 28 °C: Tafel analysis (TafelAnalysis.AnalyzeSymmetricCell) and sinh fit (SymmetricCell.Fit); 95% CI";

    /// <inheritdoc/>
    public ImmutableArray<DemoRow> Run(DemoData data) =>
    [
        .. Rows(ReferenceStudy.BasePta, data.BasePtaSweep, ReferenceStudy.BasePtaExchangeCurrentDensity),
        .. Rows(ReferenceStudy.IspnPta, data.IspnPtaSweep, ReferenceStudy.IspnPtaExchangeCurrentDensity),
    ];

    /// <inheritdoc/>
    public ImmutableArray<DemoFigure> Figures(DemoData data) =>
    [
        .. new[] { (ReferenceStudy.BasePta, data.BasePtaSweep), (ReferenceStudy.IspnPta, data.IspnPtaSweep) }.Select(m =>
        {
            var request = new KineticsRequest(m.Item2.SourceName, PolarizationGeometry.SymmetricCell, UnitConversions.CelsiusToKelvin(DemoDataGenerator.CellTemperatureCelsius), true, 1, null, null, null, false);
            PolarizationCurve curve = PolarizationCurve.From(m.Item2, null, null);
            TafelResult tafel = TafelReport.Analyze(curve, request, null, null);
            return new DemoFigure($"{m.Item1} Li‖Li sweep on Tafel axes: the linear regions chosen, their lines and i₀ at η = 0.", KineticsFigures.Tafel(tafel, curve.Voltage.AsSpan(), curve.Current.AsSpan(), curve.Unit.Symbol));
        }),
    ];

    private static IEnumerable<DemoRow> Rows(string material, PolarizationCurveTable sweep, PaperValue paper)
    {
        CultureInfo invariant = CultureInfo.InvariantCulture;
        var request = new KineticsRequest(sweep.SourceName, PolarizationGeometry.SymmetricCell, UnitConversions.CelsiusToKelvin(DemoDataGenerator.CellTemperatureCelsius), true, 1, null, null, null, false);
        PolarizationCurve curve = PolarizationCurve.From(sweep, null, null);
        string unit = curve.Unit.Symbol;
        TafelResult tafel = TafelReport.Analyze(curve, request, null, null);
        ParameterEstimate combined = tafel.CombinedExchangeCurrentDensity;
        string regions = string.Join("; ", new[] { tafel.Anodic, tafel.Cathodic }.OfType<TafelBranchFit>().Select(b =>
            string.Create(invariant, $"{b.Branch.ToString().ToLowerInvariant()} |η_cell| {Numbers.Significant(b.Region.MinimumMagnitude, 3)}–{Numbers.Significant(b.Region.MaximumMagnitude, 3)} V, b = {b.TafelSlope.Value * 1000:0} mV/dec")));
        string warnings = tafel.Warnings.IsEmpty ? "none" : string.Join(", ", tafel.Warnings.Select(w => w.Kind.ToString()));
        yield return new DemoRow(
            "i₀ (Tafel, both branches)",
            material,
            Numbers.Estimate(combined, TafelOptions.Default.ConfidenceLevel, unit),
            paper.Text,
            $"geometry assumed: symmetric cell (η_cell across two Li electrodes); {regions}; warnings: {warnings}");

        TafelBranchFit? anodic = tafel.Anodic;
        if (anodic is not null)
        {
            TafelResult misread = TafelAnalysis.AnalyzeElectrode(curve.Voltage.AsSpan(), curve.Current.AsSpan(), request.ElectronCount, request.TemperatureKelvin);
            string misreadAlpha = misread.Anodic is { } m ? Numbers.Significant(m.TransferCoefficient.Value, 2) : "n/a";
            yield return new DemoRow(
                "α (anodic Tafel slope)",
                material,
                Numbers.Estimate(anodic.TransferCoefficient, TafelOptions.Default.ConfidenceLevel, string.Empty).Replace(" ,", ",", StringComparison.Ordinal),
                "not reported",
                $"harmonic mean of α_a, α_c (data made with 0.5); misread as one electrode the same curve gives α = {misreadAlpha}: the factor-2 trap");
        }

        double heldAlpha = SymmetricCellFitOptions.Default.TransferCoefficient;
        ButlerVolmerReport sinh = ButlerVolmerReport.Create(curve, request, fitLimitingCurrents: false, heldTransferCoefficient: heldAlpha, CurrentWeighting.Relative);
        yield return new DemoRow(
            "i₀ (sinh fit, whole curve)",
            material,
            Numbers.Estimate(sinh.ExchangeCurrentDensity, sinh.Fit.ConfidenceLevel, unit),
            paper.Text,
            string.Create(invariant, $"i = 2·i₀·sinh(α·F·η_cell/(2RT)) with α held at {heldAlpha} (a cell fixes only the harmonic mean of α_a, α_c); {sweep.Count} points, unweighted; status {sinh.Fit.Status}"));
    }
}
