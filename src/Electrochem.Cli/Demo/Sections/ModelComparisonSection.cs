using System.Collections.Immutable;
using System.Globalization;
using Electrochem.Cli.Conductivity;
using Electrochem.Cli.Formatting;
using Electrochem.Fitting;
using Electrochem.IO.Transport;
using Electrochem.Transport;

namespace Electrochem.Cli.Demo.Sections;

/// <summary>Arrhenius against VTF for both σ(T) series, by AICc (ConductivityModelComparison.Compare).</summary>
internal sealed class ModelComparisonSection : IDemoSection
{
    /// <inheritdoc/>
    public string Title => "Arrhenius or VTF? Both fitted to the same ln σ data and weights, compared by AICc (ConductivityModelComparison.Compare)";

    /// <inheritdoc/>
    public ImmutableArray<DemoRow> Run(DemoData data) =>
    [
        .. Rows(ReferenceStudy.BasePta, data.BasePtaSeries),
        .. Rows(ReferenceStudy.IspnPta, data.IspnPtaSeries),
    ];

    private static IEnumerable<DemoRow> Rows(string material, ConductivityTable series)
    {
        ConductivityModelComparison comparison = ConductivityModelComparison.Compare(series.TemperatureKelvin.AsSpan(), series.Conductivity.AsSpan(), series.ConductivityStandardUncertainty.AsSpan());
        yield return new DemoRow(
            "Preferred model",
            material,
            string.Create(CultureInfo.InvariantCulture, $"{comparison.PreferredModel}: ΔAICc = {comparison.DeltaAicc:+0.0;-0.0}, Akaike weights {comparison.ArrheniusAkaikeWeight:0.00} Arrhenius / {comparison.VtfAkaikeWeight:0.00} VTF"),
            "Arrhenius (the only model fitted)",
            ComparisonReport.Strength(comparison.DeltaAicc) + "; ΔAICc = AICc(VTF) − AICc(Arrhenius)");

        FitResult<VogelTammannFulcher> vtf = comparison.Vtf;
        ParameterEstimate t0 = vtf[VogelTammannFulcher.IdealGlassTransitionTemperatureName];
        yield return new DemoRow(
            "VTF pseudo-Ea",
            material,
            Numbers.Estimate(vtf.PseudoActivationEnergyElectronVolts(), vtf.ConfidenceLevel, "eV"),
            "not reported",
            t0.Bound == BoundState.AtLowerBound
                ? $"T₀ at its lower bound 0 K (the data are Arrhenius-like; VTF adds nothing; E_a's u is conditional on T₀ = 0); fit status {vtf.Status}"
                : $"T₀ = {Numbers.WithUncertainty(t0.Value, t0.StandardError)} K; fit status {vtf.Status}");
    }
}
