using System.Globalization;
using System.Text;
using Electrochem.Cli.Formatting;
using Electrochem.Impedance;
using Electrochem.IO.Impedance;

namespace Electrochem.Cli.Impedance;

/// <summary>The report of <c>electrochem eis kk</c>: the Lin-KK result, as text or one JSON document.</summary>
internal static class EisKramersKronigReport
{
    /// <summary>The report as text: settings, M and μ (with the μ of every M tried), the fitted series elements, residual statistics and the per-point residuals.</summary>
    internal static string Text(SelectedSpectrum selected, LinearKramersKronigOptions options, LinearKramersKronigResult kk)
    {
        ImpedanceSpectrum spectrum = selected.Spectrum;
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Lin-KK test (Schönleber et al. 2014) of {selected.Label} ({selected.Data.FormatName}, {spectrum.Count} points, {Numbers.Significant(spectrum.MinimumFrequency, 4)}–{Numbers.Significant(spectrum.MaximumFrequency, 4)} Hz)\n");
        text.Append(CultureInfo.InvariantCulture, $"Fitted part: {kk.Part}; series capacitance: {(kk.SeriesCapacitance is null ? "not included" : "included")}; M chosen {Selection(options)}\n");
        text.Append(CultureInfo.InvariantCulture, $"M = {kk.ElementCount} RC elements, μ = {kk.Mu:0.0000}\n");
        int firstElementCount = kk.Selection == KramersKronigSelection.Fixed ? kk.ElementCount : 1;
        text.Append("μ by M: ").AppendJoin(", ", kk.MuByElementCount.Select((mu, i) => string.Create(CultureInfo.InvariantCulture, $"{firstElementCount + i}: {mu:0.000}"))).Append('\n');
        if (!kk.PseudoChiSquareByElementCount.IsEmpty)
        {
            text.Append("log₁₀ pseudo-χ² by M: ").AppendJoin(", ", kk.PseudoChiSquareByElementCount.Select((x, i) => string.Create(CultureInfo.InvariantCulture, $"{i + 1}: {Math.Log10(x):0.00}"))).Append('\n');
        }

        text.Append(CultureInfo.InvariantCulture, $"R₀ = {Numbers.Significant(kk.SeriesResistance, 6)} Ω, L = {Numbers.Significant(kk.SeriesInductance, 4)} H");
        text.Append(kk.SeriesCapacitance is { } cap ? string.Create(CultureInfo.InvariantCulture, $", C = {Numbers.Significant(cap, 4)} F\n") : "\n");
        text.Append(CultureInfo.InvariantCulture, $"Largest |residual| = {Numbers.Percent(kk.MaximumAbsoluteResidual)} of |Z|; pseudo-χ² = Σ(Δ′² + Δ″²) = {Numbers.Significant(kk.PseudoChiSquare, 4)}\n");
        text.Append(CultureInfo.InvariantCulture, $"Verdict: {(kk.Verdict.Passed ? "PASS" : "FAIL")} — {kk.Verdict.Reason}\n");
        text.Append("Residuals within the measurement noise and without a trend mean the spectrum is consistent with a linear, causal, stable system; a trend (often at low frequency) means it is not.\n\n");
        var table = new TextTable("f (Hz)", "Δ′ = (Z′ − Ẑ′)/|Z|", "Δ″ = (Z″ − Ẑ″)/|Z|");
        for (int i = 0; i < spectrum.Count; i++)
        {
            table.Add(Numbers.Significant(spectrum.Frequency[i], 6), Numbers.Significant(kk.ResidualsReal[i], 3), Numbers.Significant(kk.ResidualsImaginary[i], 3));
        }

        table.AppendTo(text);
        return text.ToString();
    }

    /// <summary>How M was chosen, in words.</summary>
    internal static string Selection(LinearKramersKronigOptions options) => options.Selection switch
    {
        KramersKronigSelection.MuCriterion => string.Create(CultureInfo.InvariantCulture, $"by the μ criterion, μ ≤ c = {options.Cutoff} (at most {options.MaximumElementCount})"),
        KramersKronigSelection.Fixed => string.Create(CultureInfo.InvariantCulture, $"by the user: M fixed at {options.MaximumElementCount}"),
        _ => string.Create(CultureInfo.InvariantCulture, $"automatically: the smallest M whose pseudo-χ² is within 10^0.1 of the lowest for M ≤ min({options.MaximumElementCount}, N/2)"),
    };

    /// <summary>The report as one JSON document.</summary>
    internal static string Json(SelectedSpectrum selected, LinearKramersKronigOptions options, LinearKramersKronigResult kk) => JsonOutput.Document(json =>
    {
        ImpedanceSpectrum spectrum = selected.Spectrum;
        json.WriteStartObject();
        json.WriteString("command", "eis kk");
        json.WriteString("file", selected.Data.SourceName);
        json.WriteNumber("spectrum", selected.Sweep.Index);
        json.WriteString("format", selected.Data.FormatName);
        json.WriteString("part", kk.Part.ToString());
        json.WriteString("selection", kk.Selection.ToString());
        json.WriteBoolean("passed", kk.Verdict.Passed);
        json.WriteString("verdict", kk.Verdict.Reason);
        JsonOutput.Number(json, "noiseEstimate", kk.Verdict.NoiseEstimate);
        JsonOutput.Number(json, "trendScore", kk.Verdict.TrendScore);
        JsonOutput.NumberArray(json, "pseudoChiSquareByElementCount", kk.PseudoChiSquareByElementCount);
        JsonOutput.NumberOrNull(json, "cutoff", options.Selection == KramersKronigSelection.MuCriterion ? options.Cutoff : null);

        json.WriteNumber("maximumElementCount", options.MaximumElementCount);
        json.WriteNumber("elementCount", kk.ElementCount);
        JsonOutput.Number(json, "mu", kk.Mu);
        JsonOutput.NumberArray(json, "muByElementCount", kk.MuByElementCount);
        JsonOutput.Number(json, "seriesResistanceOhm", kk.SeriesResistance);
        JsonOutput.Number(json, "seriesInductanceHenry", kk.SeriesInductance);
        if (kk.SeriesCapacitance is { } cap)
        {
            JsonOutput.Number(json, "seriesCapacitanceFarad", cap);
        }
        else
        {
            json.WriteNull("seriesCapacitanceFarad");
        }

        JsonOutput.NumberArray(json, "timeConstantsSecond", kk.TimeConstants);
        JsonOutput.NumberArray(json, "resistancesOhm", kk.Resistances);
        JsonOutput.Number(json, "maximumAbsoluteResidual", kk.MaximumAbsoluteResidual);
        JsonOutput.Number(json, "pseudoChiSquare", kk.PseudoChiSquare);
        json.WriteStartArray("points");
        for (int i = 0; i < spectrum.Count; i++)
        {
            json.WriteStartObject();
            JsonOutput.Number(json, "frequencyHertz", spectrum.Frequency[i]);
            JsonOutput.Number(json, "fittedRealOhm", kk.FittedReal[i]);
            JsonOutput.Number(json, "fittedImaginaryOhm", kk.FittedImaginary[i]);
            JsonOutput.Number(json, "residualReal", kk.ResidualsReal[i]);
            JsonOutput.Number(json, "residualImaginary", kk.ResidualsImaginary[i]);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    });
}
