using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Electrochem.Cli.Formatting;
using Electrochem.Fitting;
using Electrochem.Kinetics;

namespace Electrochem.Cli.Kinetics;

/// <summary>
/// A fit of the whole polarisation curve (<c>electrochem kinetics bv</c>): Butler–Volmer for one electrode
/// (<see cref="ButlerVolmer.Fit"/>, optionally with limiting currents), or the symmetric-cell form
/// (<see cref="SymmetricCell.Fit"/>, i = 2·i₀·sinh(α·n·F·η_cell/(2RT)) for equal α) for a cell.
/// </summary>
/// <param name="Model">The model's name and equation.</param>
/// <param name="Fit">The fit.</param>
/// <param name="ExchangeCurrentDensity">i₀ with its exact (asymmetric) interval, in the curve's unit.</param>
/// <param name="Quantities">α (or α_a and α_c), and the limiting currents when fitted, each with its label and unit.</param>
/// <param name="Weights">How the residuals were weighted, in words.</param>
internal sealed record ButlerVolmerReport(string Model, FitResult Fit, ParameterEstimate ExchangeCurrentDensity, ImmutableArray<(string Label, ParameterEstimate Estimate, string Unit)> Quantities, string Weights)
{
    /// <summary>The weights in words: the file's uncertainty column, relative noise, or equal.</summary>
    private static string DescribeWeights(PolarizationCurve curve, CurrentWeighting weighting) =>
        curve.Table.UncertaintyHeader is { } column ? $"1/u² from the column '{column.Text}'"
        : weighting == CurrentWeighting.Relative ? "relative noise: 1/(î² + (10⁻³·max|i|)²), iteratively reweighted (--weight relative)"
        : "equal (--weight unit)";

    /// <summary>Fits the curve for the request's geometry.</summary>
    /// <param name="curve">The curve.</param>
    /// <param name="request">Geometry, n, T.</param>
    /// <param name="fitLimitingCurrents">Fit i_lim,a and i_lim,c (one electrode only).</param>
    /// <param name="heldTransferCoefficient">For a cell: α held at this value; null to fit it. Ignored for one electrode.</param>
    /// <param name="weighting">The noise model when the file has no uncertainty column.</param>
    internal static ButlerVolmerReport Create(PolarizationCurve curve, KineticsRequest request, bool fitLimitingCurrents, double? heldTransferCoefficient, CurrentWeighting weighting)
    {
        double[] overpotential = curve.Overpotential();
        ReadOnlySpan<double> current = curve.Current.AsSpan();
        ReadOnlySpan<double> uncertainty = curve.Uncertainty.AsSpan();
        string unit = curve.Unit.Symbol;
        if (request.Geometry == PolarizationGeometry.SymmetricCell)
        {
            SymmetricCellFitOptions options = heldTransferCoefficient is { } alpha
                ? SymmetricCellFitOptions.Default with { FitTransferCoefficient = false, TransferCoefficient = alpha, Weighting = weighting }
                : SymmetricCellFitOptions.Default with { FitTransferCoefficient = true, Weighting = weighting };
            FitResult<SymmetricCell> cell = SymmetricCell.Fit(overpotential, current, request.ElectronCount, request.TemperatureKelvin, uncertainty, options);
            string held = heldTransferCoefficient is null ? "α fitted" : string.Create(CultureInfo.InvariantCulture, $"α held at {heldTransferCoefficient}");
            return new ButlerVolmerReport(
                $"symmetric cell, i = 2·i₀·sinh(α·n·F·η_cell/(2RT)) (α_a = α_c = α; {held})",
                cell,
                cell.ExchangeCurrentDensity() with { Unit = unit },
                [("α (common to both electrodes)", cell[SymmetricCell.TransferCoefficientName], string.Empty)],
                DescribeWeights(curve, weighting));
        }

        FitResult<ButlerVolmer> fit = ButlerVolmer.Fit(overpotential, current, request.ElectronCount, request.TemperatureKelvin, uncertainty, ButlerVolmerFitOptions.Default with { FitLimitingCurrents = fitLimitingCurrents, Weighting = weighting });
        var quantities = ImmutableArray.CreateBuilder<(string, ParameterEstimate, string)>();
        quantities.Add(("α_a", fit[ButlerVolmer.AnodicTransferCoefficientName], string.Empty));
        quantities.Add(("α_c", fit[ButlerVolmer.CathodicTransferCoefficientName], string.Empty));
        if (fitLimitingCurrents)
        {
            quantities.Add(("i_lim,a (anodic limiting)", fit.AnodicLimitingCurrentDensity(), unit));
            quantities.Add(("|i_lim,c| (cathodic limiting)", fit.CathodicLimitingCurrentDensity(), unit));
        }

        return new ButlerVolmerReport(
            fitLimitingCurrents
                ? "one electrode, Butler–Volmer with limiting currents, i = i₀·(e^a − e^−c)/(1 + i₀·e^a/i_lim,a + i₀·e^−c/i_lim,c), a = α_a·f·η, c = α_c·f·η"
                : "one electrode, Butler–Volmer, i = i₀·[exp(α_a·n·F·η/RT) − exp(−α_c·n·F·η/RT)]",
            fit,
            fit.ExchangeCurrentDensity() with { Unit = unit },
            quantities.ToImmutable(),
            DescribeWeights(curve, weighting));
    }

    /// <summary>The report as text.</summary>
    internal string Text(PolarizationCurve curve, KineticsRequest request)
    {
        var text = new StringBuilder();
        text.Append($"Fit of the whole curve: {Model}\n");
        curve.AppendText(text, request);
        text.Append($"  weights: {Weights}\n");
        text.Append('\n').Append(Fit.ToTable().ReplaceLineEndings("\n")).Append('\n');
        var table = new TextTable("Quantity", "Value ± SE", Numbers.Percent(Fit.ConfidenceLevel) + " CI", "Unit");
        void Row(string name, ParameterEstimate p, string unit) =>
            table.Add(name, Numbers.WithUncertainty(p.Value, p.StandardError), Numbers.IntervalLike(p.Value, p.StandardError, p.ConfidenceLower, p.ConfidenceUpper), unit);
        Row("i₀ (exchange current density)", ExchangeCurrentDensity, curve.Unit.Symbol);
        foreach ((string label, ParameterEstimate estimate, string unit) in Quantities)
        {
            if (estimate.IsFixed)
            {
                table.Add(label, $"{Numbers.Significant(estimate.Value)} (held)", string.Empty, unit);
            }
            else
            {
                Row(label, estimate, unit);
            }
        }

        table.AppendTo(text);
        text.Append("(i₀'s interval is the exact image of the ln i₀ interval, so it is asymmetric; its SE is from the delta method.)\n");
        if (!Fit.Converged)
        {
            text.Append($"Note: status {Fit.Status}: {Fit.StatusReason}\n");
        }

        return text.ToString();
    }

    /// <summary>The report as one JSON document.</summary>
    internal string Json(PolarizationCurve curve, KineticsRequest request) => JsonOutput.Document(json =>
    {
        json.WriteStartObject();
        json.WriteString("command", "kinetics bv");
        json.WriteString("model", Model);
        curve.WriteJson(json, request);
        json.WriteString("weights", Weights);
        JsonOutput.Estimate(json, "exchangeCurrentDensity", ExchangeCurrentDensity, curve.Unit.Symbol);
        json.WriteStartArray("quantities");
        foreach ((string label, ParameterEstimate estimate, string unit) in Quantities)
        {
            json.WriteStartObject();
            json.WriteString("name", estimate.Name);
            json.WriteString("label", label);
            json.WriteBoolean("held", estimate.IsFixed);
            JsonOutput.Number(json, "value", estimate.Value);
            JsonOutput.Number(json, "standardError", estimate.StandardError);
            JsonOutput.Number(json, "confidenceLower", estimate.ConfidenceLower);
            JsonOutput.Number(json, "confidenceUpper", estimate.ConfidenceUpper);
            json.WriteString("unit", unit);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        JsonOutput.Fit(json, "fit", Fit);
        json.WriteEndObject();
    });
}
