using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Electrochem.Cli.Formatting;
using Electrochem.Impedance;
using Electrochem.Impedance.Drt;

namespace Electrochem.Cli.Impedance;

/// <summary>The report of <c>electrochem eis drt</c> on one spectrum: the distribution of relaxation times, as text, JSON or a γ(τ) CSV.</summary>
internal static class EisDrtReport
{
    /// <summary>The report as text: settings, λ and how it was chosen, R_∞, L₀, R_pol, the noise, warnings, residuals and γ on the grid (with λ/10, 10λ and the band).</summary>
    internal static string Text(SelectedSpectrum selected, DrtOptions options, DrtAnalysis analysis)
    {
        DrtResult drt = analysis.Drt;
        ImpedanceSpectrum spectrum = selected.Spectrum;
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Distribution of relaxation times of {selected.Label} ({selected.Data.FormatName}, {spectrum.Count} points, {Numbers.Significant(spectrum.MinimumFrequency, 4)}–{Numbers.Significant(spectrum.MaximumFrequency, 4)} Hz)\n");
        text.Append(CultureInfo.InvariantCulture, $"Ridge regression with γ ≥ 0: {Settings(options)}; τ = 1/ω = 1/(2πf)\n");
        text.Append(CultureInfo.InvariantCulture, $"Grid: {drt.Tau.Length} points, τ = {Numbers.Significant(drt.Tau[0], 3)} … {Numbers.Significant(drt.Tau[^1], 3)} s\n");
        text.Append(CultureInfo.InvariantCulture, $"λ = {Numbers.Significant(drt.Lambda, 4)} ({Chosen(drt)})\n");
        text.Append(CultureInfo.InvariantCulture, $"R_∞ = {(drt.SeriesResistance is { } r ? Numbers.Significant(r, 6) + " Ω" : "not fitted")}, L₀ = {(drt.Inductance is { } l ? Numbers.Significant(l, 4) + " H" : "not fitted")}\n");
        text.Append(CultureInfo.InvariantCulture, $"R_pol = ∫γ d ln τ = {Numbers.Significant(drt.PolarizationResistance, 5)} Ω\n");
        text.Append(CultureInfo.InvariantCulture, $"Noise estimated from the residuals: σ̂ = {Numbers.Significant(drt.NoiseStandardDeviation, 3)} Ω per value of Z′ or Z″\n");
        ImmutableArray<double> gamma = drt.GammaOnGrid;
        int peak = gamma.IndexOf(gamma.Max());
        text.Append(CultureInfo.InvariantCulture, $"Highest γ: {Numbers.Significant(gamma[peak], 4)} Ω at τ = {Numbers.Significant(drt.Tau[peak], 3)} s (f = 1/(2πτ) = {Numbers.Significant(1 / (2 * Math.PI * drt.Tau[peak]), 3)} Hz)\n");
        double largest = Math.Max(drt.RelativeResidualsReal.Max(Math.Abs), drt.RelativeResidualsImaginary.Max(Math.Abs));
        text.Append(CultureInfo.InvariantCulture, $"Largest |residual| of the reconstructed spectrum: {Numbers.Percent(largest)} of |Z|{(drt.Converged ? string.Empty : "; the non-negative solve did NOT converge: the DRT is not reliable")}\n");
        if (drt.Band is { } band)
        {
            text.Append(CultureInfo.InvariantCulture, $"Credible band: {band.Level * 100:0.#} % from {band.Samples} posterior draws (seed {band.Seed}), λ held fixed\n");
        }

        foreach (string warning in drt.Warnings)
        {
            text.Append(CultureInfo.InvariantCulture, $"Warning: {warning}\n");
        }

        AppendPeaks(text, analysis);
        text.Append('\n');
        var table = drt.Band is null
            ? new TextTable("τ (s)", "γ (Ω)", "γ at λ/10", "γ at 10λ")
            : new TextTable("τ (s)", "γ (Ω)", "γ at λ/10", "γ at 10λ", "band low", "band high");
        double top = Math.Max(gamma.Max(), drt.GammaAtTenthLambda.Max());
        for (int m = 0; m < drt.Tau.Length; m++)
        {
            string[] cells = [Numbers.Significant(drt.Tau[m], 4), Gamma(gamma[m], top), Gamma(drt.GammaAtTenthLambda[m], top), Gamma(drt.GammaAtTenfoldLambda[m], top)];
            table.Add(drt.Band is { } b ? [.. cells, Gamma(b.Lower[m], top), Gamma(b.Upper[m], top)] : cells);
        }

        table.AppendTo(text);
        return text.ToString();
    }

    /// <summary>The peaks (position, frequency, height, area, share, whether the area is a resistance), their warnings, and the peak fit when there is one.</summary>
    private static void AppendPeaks(StringBuilder text, DrtAnalysis analysis)
    {
        DrtPeaksResult peaks = analysis.Peaks;
        text.Append(CultureInfo.InvariantCulture, $"\nPeaks (maxima above {peaks.MinimumRelativeHeight * 100:0.#} % of the highest; areas split at the valleys): {peaks.Peaks.Length}\n");
        if (peaks.Peaks.Length > 0)
        {
            var table = new TextTable("τ (s)", "f (Hz)", "γ_max (Ω)", "area (Ω)", "share", "area is a resistance");
            foreach (DrtPeak peak in peaks.Peaks)
            {
                table.Add(Numbers.Significant(peak.Tau, 3), Numbers.Significant(peak.Frequency, 3), Numbers.Significant(peak.Height, 4), Numbers.Significant(peak.Area, 4),
                    Numbers.Percent(peak.PolarizationShare), peak.AreaIsResistance ? "yes" : "NO (see warnings)");
            }

            table.AppendTo(text);
        }

        foreach (string warning in peaks.Warnings)
        {
            text.Append(CultureInfo.InvariantCulture, $"Warning: {warning}\n");
        }

        if (analysis.PeakFit is { } fit)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n{fit.Shape} peaks fitted to γ ({fit.Fit.Status}; the SEs measure how well the shapes describe γ, not the measurement noise):\n");
            var table = new TextTable("R (Ω)", "τ (s)", fit.Shape == DrtPeakShape.Zarc ? "φ" : "σ (ln τ)");
            foreach (DrtFittedPeak peak in fit.Peaks)
            {
                table.Add(Numbers.WithUncertainty(peak.Resistance.Value, peak.Resistance.StandardError), Numbers.WithUncertainty(peak.Tau.Value, peak.Tau.StandardError), Numbers.WithUncertainty(peak.ShapeParameter.Value, peak.ShapeParameter.StandardError));
            }

            table.AppendTo(text);
            text.Append(CultureInfo.InvariantCulture, $"ΣR = {Numbers.WithUncertainty(fit.TotalResistance.Value, fit.TotalResistance.StandardError)} Ω vs R_pol = {Numbers.Significant(fit.PolarizationResistance, 5)} Ω\n");
            foreach (string warning in fit.Warnings)
            {
                text.Append(CultureInfo.InvariantCulture, $"Warning: {warning}\n");
            }
        }
    }

    /// <summary>The settings in words: basis, width, penalty, part.</summary>
    internal static string Settings(DrtOptions options) =>
        string.Create(CultureInfo.InvariantCulture, $"{options.Basis} basis (FWHM = grid step / {options.FwhmCoefficient}), {(options.PenaltyOrder == 1 ? "1st" : "2nd")}-derivative penalty, {options.Part switch { DrtDataPart.Real => "Z′ only", DrtDataPart.Imaginary => "Z″ only", _ => "Z′ and Z″ together" }}");

    /// <summary>How λ was chosen, in words.</summary>
    internal static string Chosen(DrtResult drt) => drt.Criterion is { } criterion ? $"chosen by {Words(criterion)} over 1e-7 … 1" : "given";

    /// <summary>A λ criterion in words.</summary>
    internal static string Words(DrtLambdaCriterion criterion) => criterion switch
    {
        DrtLambdaCriterion.Gcv => "generalised cross-validation",
        DrtLambdaCriterion.ModifiedGcv => "modified generalised cross-validation",
        DrtLambdaCriterion.RobustGcv => "robust generalised cross-validation",
        DrtLambdaCriterion.LCurve => "the L-curve's corner",
        _ => "the discrepancy principle",
    };

    /// <summary>γ for display: values below 10⁻¹² of the largest (the Gaussians' far tails, down to 10⁻³⁰⁰) shown as 0.</summary>
    private static string Gamma(double value, double largest) => Numbers.Significant(Math.Abs(value) < 1e-12 * largest ? 0 : value, 4);

    /// <summary>The report as one JSON document.</summary>
    internal static string Json(SelectedSpectrum selected, DrtOptions options, DrtAnalysis analysis) => JsonOutput.Document(json =>
    {
        json.WriteStartObject();
        json.WriteString("command", "eis drt");
        json.WriteString("file", selected.Data.SourceName);
        json.WriteNumber("spectrum", selected.Sweep.Index);
        json.WriteString("format", selected.Data.FormatName);
        WriteOptions(json, options);
        WriteResult(json, analysis);
        json.WriteEndObject();
    });

    /// <summary>The settings as JSON properties.</summary>
    internal static void WriteOptions(Utf8JsonWriter json, DrtOptions options)
    {
        json.WriteString("tauConvention", "tau = 1/omega = 1/(2 pi f)");
        json.WriteString("basis", options.Basis.ToString());
        json.WriteNumber("penaltyOrder", options.PenaltyOrder);
        JsonOutput.Number(json, "fwhmCoefficient", options.FwhmCoefficient);
        json.WriteString("part", options.Part.ToString());
    }

    /// <summary>One DRT, its peaks and peak fit as JSON properties of the current object.</summary>
    internal static void WriteResult(Utf8JsonWriter json, DrtAnalysis analysis)
    {
        DrtResult drt = analysis.Drt;
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
        JsonOutput.NumberOrNull(json, "seriesResistanceOhm", drt.SeriesResistance);
        JsonOutput.NumberOrNull(json, "inductanceHenry", drt.Inductance);
        JsonOutput.Number(json, "polarizationResistanceOhm", drt.PolarizationResistance);
        JsonOutput.Number(json, "noiseStandardDeviationOhm", drt.NoiseStandardDeviation);
        JsonOutput.StringArray(json, "warnings", drt.Warnings);
        JsonOutput.NumberArray(json, "tauSecond", drt.Tau);
        JsonOutput.NumberArray(json, "gammaOhm", drt.GammaOnGrid);
        JsonOutput.NumberArray(json, "gammaAtTenthLambdaOhm", drt.GammaAtTenthLambda);
        JsonOutput.NumberArray(json, "gammaAtTenfoldLambdaOhm", drt.GammaAtTenfoldLambda);
        if (drt.Band is { } band)
        {
            json.WriteStartObject("credibleBand");
            JsonOutput.Number(json, "level", band.Level);
            json.WriteNumber("samples", band.Samples);
            json.WriteNumber("seed", band.Seed);
            JsonOutput.NumberArray(json, "lowerOhm", band.Lower);
            JsonOutput.NumberArray(json, "upperOhm", band.Upper);
            JsonOutput.NumberArray(json, "meanOhm", band.Mean);
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("credibleBand");
        }

        json.WriteStartArray("peaks");
        foreach (DrtPeak peak in analysis.Peaks.Peaks)
        {
            json.WriteStartObject();
            JsonOutput.Number(json, "tauSecond", peak.Tau);
            JsonOutput.Number(json, "frequencyHertz", peak.Frequency);
            JsonOutput.Number(json, "heightOhm", peak.Height);
            JsonOutput.Number(json, "areaOhm", peak.Area);
            JsonOutput.Number(json, "lowerBoundTauSecond", peak.LowerBoundTau);
            JsonOutput.Number(json, "upperBoundTauSecond", peak.UpperBoundTau);
            JsonOutput.Number(json, "polarizationShare", peak.PolarizationShare);
            JsonOutput.Number(json, "valleyRatio", peak.ValleyRatio);
            JsonOutput.Number(json, "gridEndRatio", peak.GridEndRatio);
            json.WriteBoolean("areaIsResistance", peak.AreaIsResistance);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        JsonOutput.StringArray(json, "peakWarnings", analysis.Peaks.Warnings);
        if (analysis.PeakFit is { } fit)
        {
            json.WriteStartObject("peakFit");
            json.WriteString("shape", fit.Shape.ToString());
            json.WriteStartArray("peaks");
            foreach (DrtFittedPeak peak in fit.Peaks)
            {
                json.WriteStartObject();
                JsonOutput.Number(json, "resistanceOhm", peak.Resistance.Value);
                JsonOutput.Number(json, "resistanceStandardErrorOhm", peak.Resistance.StandardError);
                JsonOutput.Number(json, "tauSecond", peak.Tau.Value);
                JsonOutput.Number(json, "tauStandardErrorSecond", peak.Tau.StandardError);
                JsonOutput.Number(json, fit.Shape == DrtPeakShape.Zarc ? "phi" : "sigmaLnTau", peak.ShapeParameter.Value);
                JsonOutput.Number(json, fit.Shape == DrtPeakShape.Zarc ? "phiStandardError" : "sigmaLnTauStandardError", peak.ShapeParameter.StandardError);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            JsonOutput.Number(json, "totalResistanceOhm", fit.TotalResistance.Value);
            JsonOutput.Number(json, "totalResistanceStandardErrorOhm", fit.TotalResistance.StandardError);
            json.WriteBoolean("converged", fit.Converged);
            JsonOutput.StringArray(json, "warnings", fit.Warnings);
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("peakFit");
        }

        JsonOutput.NumberArray(json, "weightsOhm", drt.Weights);
        JsonOutput.NumberArray(json, "residualReal", drt.RelativeResidualsReal);
        JsonOutput.NumberArray(json, "residualImaginary", drt.RelativeResidualsImaginary);
    }

    /// <summary>γ on the grid as CSV: <c>tau_s,gamma_Ohm,gamma_lambda_over_10_Ohm,gamma_lambda_times_10_Ohm</c>, then <c>band_lower_Ohm,band_upper_Ohm</c> when a band was computed.</summary>
    internal static string Csv(DrtResult drt)
    {
        var text = new StringBuilder("tau_s,gamma_Ohm,gamma_lambda_over_10_Ohm,gamma_lambda_times_10_Ohm");
        text.Append(drt.Band is null ? "\n" : ",band_lower_Ohm,band_upper_Ohm\n");
        ImmutableArray<double> gamma = drt.GammaOnGrid;
        for (int m = 0; m < drt.Tau.Length; m++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{drt.Tau[m]:R},{gamma[m]:R},{drt.GammaAtTenthLambda[m]:R},{drt.GammaAtTenfoldLambda[m]:R}");
            text.Append(drt.Band is { } band ? string.Create(CultureInfo.InvariantCulture, $",{band.Lower[m]:R},{band.Upper[m]:R}\n") : "\n");
        }

        return text.ToString();
    }
}
