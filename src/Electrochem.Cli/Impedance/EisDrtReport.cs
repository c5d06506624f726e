using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Electrochem.Cli.Formatting;
using Electrochem.Impedance;
using Electrochem.Impedance.Drt;

namespace Electrochem.Cli.Impedance;

/// <summary>The report of <c>electrochem eis drt</c>: the distribution of relaxation times, as text, JSON or a γ(τ) CSV.</summary>
internal static class EisDrtReport
{
    /// <summary>The report as text: settings, λ and how it was chosen, R_∞, L₀, R_pol, the largest peak, residuals and γ on the grid.</summary>
    internal static string Text(SelectedSpectrum selected, DrtOptions options, DrtResult drt)
    {
        ImpedanceSpectrum spectrum = selected.Spectrum;
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Distribution of relaxation times of {selected.Label} ({selected.Data.FormatName}, {spectrum.Count} points, {Numbers.Significant(spectrum.MinimumFrequency, 4)}–{Numbers.Significant(spectrum.MaximumFrequency, 4)} Hz)\n");
        text.Append(CultureInfo.InvariantCulture, $"Ridge regression with γ ≥ 0: Gaussian basis (FWHM = grid step / {options.FwhmCoefficient}), {(options.PenaltyOrder == 1 ? "1st" : "2nd")}-derivative penalty, Z′ and Z″ together; τ = 1/ω = 1/(2πf)\n");
        text.Append(CultureInfo.InvariantCulture, $"Grid: {drt.Tau.Length} points, τ = {Numbers.Significant(drt.Tau[0], 3)} … {Numbers.Significant(drt.Tau[^1], 3)} s\n");
        text.Append(CultureInfo.InvariantCulture, $"λ = {Numbers.Significant(drt.Lambda, 4)} ({(drt.Criterion is null ? "given" : "chosen by generalised cross-validation over 1e-7 … 1")})");
        if (drt.Criterion is not null && drt.CriterionCurve.Length > 0 && (drt.Lambda <= drt.CriterionCurve[0].Lambda * 1.0001 || drt.Lambda >= drt.CriterionCurve[^1].Lambda / 1.0001))
        {
            text.Append(drt.Lambda <= drt.CriterionCurve[0].Lambda * 1.0001
                ? " — at the lower end of the search: the data are nearly noiseless, or the score has no minimum inside; check the DRT at a few larger λ"
                : " — at the upper end of the search: the score has no minimum inside; the DRT is probably over-smoothed");
        }

        text.Append('\n');
        text.Append(CultureInfo.InvariantCulture, $"R_∞ = {(drt.SeriesResistance is { } r ? Numbers.Significant(r, 6) + " Ω" : "not fitted")}, L₀ = {(drt.Inductance is { } l ? Numbers.Significant(l, 4) + " H" : "not fitted")}\n");
        text.Append(CultureInfo.InvariantCulture, $"R_pol = ∫γ d ln τ = {Numbers.Significant(drt.PolarizationResistance, 5)} Ω\n");
        ImmutableArray<double> gamma = drt.GammaOnGrid;
        int peak = gamma.IndexOf(gamma.Max());
        text.Append(CultureInfo.InvariantCulture, $"Highest γ: {Numbers.Significant(gamma[peak], 4)} Ω at τ = {Numbers.Significant(drt.Tau[peak], 3)} s (f = 1/(2πτ) = {Numbers.Significant(1 / (2 * Math.PI * drt.Tau[peak]), 3)} Hz)\n");
        double largest = Math.Max(drt.RelativeResidualsReal.Max(Math.Abs), drt.RelativeResidualsImaginary.Max(Math.Abs));
        text.Append(CultureInfo.InvariantCulture, $"Largest |residual| of the reconstructed spectrum: {Numbers.Percent(largest)} of |Z|{(drt.Converged ? string.Empty : "; the non-negative solve did NOT converge: the DRT is not reliable")}\n\n");
        var table = new TextTable("τ (s)", "γ (Ω)");
        for (int m = 0; m < drt.Tau.Length; m++)
        {
            table.Add(Numbers.Significant(drt.Tau[m], 4), Numbers.Significant(gamma[m], 4));
        }

        table.AppendTo(text);
        return text.ToString();
    }

    /// <summary>The report as one JSON document.</summary>
    internal static string Json(SelectedSpectrum selected, DrtOptions options, DrtResult drt) => JsonOutput.Document(json =>
    {
        json.WriteStartObject();
        json.WriteString("command", "eis drt");
        json.WriteString("file", selected.Data.SourceName);
        json.WriteNumber("spectrum", selected.Sweep.Index);
        json.WriteString("format", selected.Data.FormatName);
        json.WriteString("tauConvention", "tau = 1/omega = 1/(2 pi f)");
        json.WriteNumber("penaltyOrder", options.PenaltyOrder);
        JsonOutput.Number(json, "fwhmCoefficient", options.FwhmCoefficient);
        JsonOutput.Number(json, "shapeFactor", drt.ShapeFactor);
        JsonOutput.Number(json, "lambda", drt.Lambda);
        json.WriteString("lambdaCriterion", drt.Criterion?.ToString() ?? "given");
        json.WriteStartArray("criterionCurve");
        foreach (DrtCriterionPoint point in drt.CriterionCurve)
        {
            json.WriteStartObject();
            JsonOutput.Number(json, "lambda", point.Lambda);
            JsonOutput.Number(json, "score", point.Score);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteBoolean("converged", drt.Converged);
        if (drt.SeriesResistance is { } seriesResistance)
        {
            JsonOutput.Number(json, "seriesResistanceOhm", seriesResistance);
        }
        else
        {
            json.WriteNull("seriesResistanceOhm");
        }

        if (drt.Inductance is { } inductance)
        {
            JsonOutput.Number(json, "inductanceHenry", inductance);
        }
        else
        {
            json.WriteNull("inductanceHenry");
        }
        JsonOutput.Number(json, "polarizationResistanceOhm", drt.PolarizationResistance);
        JsonOutput.NumberArray(json, "tauSecond", drt.Tau);
        JsonOutput.NumberArray(json, "gammaOhm", drt.GammaOnGrid);
        JsonOutput.NumberArray(json, "weightsOhm", drt.Weights);
        JsonOutput.NumberArray(json, "residualReal", drt.RelativeResidualsReal);
        JsonOutput.NumberArray(json, "residualImaginary", drt.RelativeResidualsImaginary);
        json.WriteEndObject();
    });

    /// <summary>γ on the grid as CSV: <c>tau_s,gamma_Ohm</c>.</summary>
    internal static string Csv(DrtResult drt)
    {
        var text = new StringBuilder("tau_s,gamma_Ohm\n");
        ImmutableArray<double> gamma = drt.GammaOnGrid;
        for (int m = 0; m < drt.Tau.Length; m++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{drt.Tau[m]:R},{gamma[m]:R}\n");
        }

        return text.ToString();
    }
}
