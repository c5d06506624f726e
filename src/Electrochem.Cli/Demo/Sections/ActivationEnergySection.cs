using System.Collections.Immutable;
using System.Globalization;
using Electrochem.Cli.Formatting;
using Electrochem.Constants;
using Electrochem.Fitting;
using Electrochem.IO.Transport;
using Electrochem.Plotting.Transport;
using Electrochem.Transport;

namespace Electrochem.Cli.Demo.Sections;

/// <summary>
/// Activation energy of both electrolytes from Arrhenius fits of σ(T) over 30–70 °C (σ form, as the paper's
/// "Arrhenius plot of σ(T)"), with the σT form, the rise of σ across the range, and σ(28 °C) read off the fit.
/// </summary>
internal sealed class ActivationEnergySection : IDemoSection
{
    /// <inheritdoc/>
    public string Title => "Activation energy, 30–70 °C: weighted Arrhenius fit of ln σ against 1/T (Arrhenius.Fit, σ form; 95% CI)";

    /// <inheritdoc/>
    public ImmutableArray<DemoRow> Run(DemoData data) =>
    [
        .. Rows(ReferenceStudy.BasePta, data.BasePtaSeries, ReferenceStudy.BasePtaActivationEnergy, ReferenceStudy.BasePtaConductivity, "0.24 eV means σ rises ~3× across 30–70 °C"),
        .. Rows(ReferenceStudy.IspnPta, data.IspnPtaSeries, ReferenceStudy.IspnPtaActivationEnergy, ReferenceStudy.IspnPtaConductivity, "0.09 eV over 30–70 °C means σ rises only ~1.5×"),
    ];

    /// <inheritdoc/>
    public ImmutableArray<DemoFigure> Figures(DemoData data)
    {
        var materials = new List<(string Label, double[] TemperatureKelvin, double[] Conductivity, FitResult<Arrhenius> Fit)>();
        foreach ((string material, ConductivityTable series) in new[] { (ReferenceStudy.BasePta, data.BasePtaSeries), (ReferenceStudy.IspnPta, data.IspnPtaSeries) })
        {
            materials.Add((material, [.. series.TemperatureKelvin], [.. series.Conductivity],
                Arrhenius.Fit(series.TemperatureKelvin.AsSpan(), series.Conductivity.AsSpan(), ArrheniusForm.Conductivity, series.ConductivityStandardUncertainty.AsSpan())));
        }

        return [new DemoFigure("σ(T) of both electrolytes with their Arrhenius fits and 95 % confidence bands; the additive lowers E_a from 0.24 to 0.09 eV.", ArrheniusFigures.Arrhenius(materials, "S/cm"))];
    }

    private static IEnumerable<DemoRow> Rows(string material, ConductivityTable series, PaperValue paperEa, PaperValue paperSigma, string consistencyNote)
    {
        CultureInfo invariant = CultureInfo.InvariantCulture;
        FitResult<Arrhenius> fit = Arrhenius.Fit(series.TemperatureKelvin.AsSpan(), series.Conductivity.AsSpan(), ArrheniusForm.Conductivity, series.ConductivityStandardUncertainty.AsSpan());
        FitResult<Arrhenius> fitT = Arrhenius.Fit(series.TemperatureKelvin.AsSpan(), series.Conductivity.AsSpan(), ArrheniusForm.ConductivityTimesTemperature, series.ConductivityStandardUncertainty.AsSpan());
        ParameterEstimate ev = fit.ActivationEnergyElectronVolts();
        ParameterEstimate evT = fitT.ActivationEnergyElectronVolts();
        double meanT = series.TemperatureKelvin.Average();
        yield return new DemoRow(
            "Ea (σ form)",
            material,
            Numbers.Estimate(ev, fit.ConfidenceLevel, "eV"),
            paperEa.Text,
            string.Create(invariant, $"σT form: {Numbers.WithUncertainty(evT.Value, evT.StandardError)} eV, {evT.Value - ev.Value:+0.0000} eV ≈ k_B·T̄ = {PhysicalConstants.BoltzmannConstantInElectronVoltsPerKelvin * meanT:0.0000} eV"));

        ParameterEstimate kj = fit.ActivationEnergyKilojoulesPerMole();
        yield return new DemoRow(
            "Ea (σ form)",
            material,
            Numbers.Estimate(kj, fit.ConfidenceLevel, "kJ/mol"),
            string.Create(invariant, $"{UnitConversions.ElectronVoltsToKilojoulesPerMole(paperEa.Value):0.00} kJ/mol"),
            $"paper's {paperEa.Text} × F/1000");

        int coldest = IndexOf(series.TemperatureKelvin, series.TemperatureKelvin.Min());
        int hottest = IndexOf(series.TemperatureKelvin, series.TemperatureKelvin.Max());
        double span = ((1 / series.TemperatureKelvin[coldest]) - (1 / series.TemperatureKelvin[hottest])) / PhysicalConstants.BoltzmannConstantInElectronVoltsPerKelvin;
        double measured = series.Conductivity[hottest] / series.Conductivity[coldest];
        double paperRatio = Math.Exp(paperEa.Value * span);
        yield return new DemoRow(
            RatioLabel(series, coldest, hottest),
            material,
            string.Create(invariant, $"{Math.Exp(ev.Value * span):0.00}, 95% CI [{Math.Exp(ev.ConfidenceLower * span):0.00}, {Math.Exp(ev.ConfidenceUpper * span):0.00}] (exp(Ea·Δ(1/k_B·T)) of the fit)"),
            string.Create(invariant, $"{paperRatio:0.00} (implied by {paperEa.Text})"),
            string.Create(invariant, $"PAPER.md consistency note: {consistencyNote}; raw end points give {measured:0.00}"));

        double reference = UnitConversions.CelsiusToKelvin(ReferenceStudy.ConductivityTemperatureCelsius);
        Prediction predicted = fit.Predict(reference);
        yield return new DemoRow(
            "σ(28 °C) from the fit",
            material,
            $"{Numbers.WithUncertainty(predicted.Value, predicted.StandardError)} S/cm, 95% CI {Numbers.IntervalLike(predicted.Value, predicted.StandardError, predicted.ConfidenceLower, predicted.ConfidenceUpper)}",
            paperSigma.Text,
            string.Create(invariant, $"mean response of the fit (confidence interval of the curve), extrapolated {series.TemperatureKelvin.Min() - reference:0.##} K below the fitted range"));
    }

    private static string RatioLabel(ConductivityTable series, int coldest, int hottest)
    {
        double low = UnitConversions.KelvinToCelsius(series.TemperatureKelvin[coldest]);
        double high = UnitConversions.KelvinToCelsius(series.TemperatureKelvin[hottest]);
        return string.Create(CultureInfo.InvariantCulture, $"σ({high:0.#} °C)/σ({low:0.#} °C)");
    }

    private static int IndexOf(ImmutableArray<double> values, double value) => values.IndexOf(value);
}
