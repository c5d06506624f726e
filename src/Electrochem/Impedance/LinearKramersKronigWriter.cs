using System.Globalization;
using System.Text;
using System.Text.Json;
using Electrochem.Fitting;

namespace Electrochem.Impedance;

/// <summary>Writes a <see cref="LinearKramersKronigResult"/> as a text table or JSON (no reflection).</summary>
internal static class LinearKramersKronigWriter
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    internal static string ToTable(LinearKramersKronigResult kk, ReadOnlySpan<double> frequencyHertz)
    {
        if (!frequencyHertz.IsEmpty)
        {
            Preconditions.CheckSameLength(kk.ResidualsReal.Length, frequencyHertz.Length, "the residuals", nameof(frequencyHertz));
        }

        var text = new StringBuilder();
        text.Append(Invariant, $"Lin-KK ({kk.Part} part): M = {kk.ElementCount} RC elements, μ = {kk.Mu:0.0000}").AppendLine();
        int first = kk.Selection == KramersKronigSelection.Fixed ? kk.ElementCount : 1;
        text.Append("μ by M: ").AppendJoin(", ", kk.MuByElementCount.Select((mu, i) => string.Create(Invariant, $"{first + i}: {mu:0.000}"))).AppendLine();
        text.Append(Invariant, $"R₀ = {G(kk.SeriesResistance)} Ω, L = {G(kk.SeriesInductance)} H, C = {(kk.SeriesCapacitance is { } c ? G(c) + " F" : "not included")}").AppendLine();
        text.Append(Invariant, $"largest |Δ| = {G(kk.MaximumAbsoluteResidual)} of |Z|, pseudo-χ² = {G(kk.PseudoChiSquare)}").AppendLine();
        text.Append(Invariant, $"Verdict: {(kk.Verdict.Passed ? "pass" : "fail")} — {kk.Verdict.Reason}").AppendLine();
        if (!frequencyHertz.IsEmpty)
        {
            text.Append(Invariant, $"{"f (Hz)",14} {"Δ′",14} {"Δ″",14}").AppendLine();
            for (int i = 0; i < frequencyHertz.Length; i++)
            {
                text.Append(Invariant, $"{G(frequencyHertz[i]),14} {G(kk.ResidualsReal[i]),14} {G(kk.ResidualsImaginary[i]),14}").AppendLine();
            }
        }

        return text.ToString();
    }

    internal static string ToJson(LinearKramersKronigResult kk, bool indented)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = indented }))
        {
            json.WriteStartObject();
            json.WriteString("part", kk.Part.ToString());
            json.WriteString("selection", kk.Selection.ToString());
            json.WriteBoolean("passed", kk.Verdict.Passed);
            json.WriteString("verdict", kk.Verdict.Reason);
            FitResultWriter.Number(json, "noiseEstimate", kk.Verdict.NoiseEstimate);
            FitResultWriter.Number(json, "trendScore", kk.Verdict.TrendScore);
            json.WriteNumber("elementCount", kk.ElementCount);
            FitResultWriter.Number(json, "mu", kk.Mu);
            Numbers(json, "muByElementCount", kk.MuByElementCount.AsSpan());
            Numbers(json, "pseudoChiSquareByElementCount", kk.PseudoChiSquareByElementCount.AsSpan());
            FitResultWriter.Number(json, "seriesResistanceOhm", kk.SeriesResistance);
            FitResultWriter.Number(json, "seriesInductanceHenry", kk.SeriesInductance);
            FitResultWriter.Number(json, "seriesCapacitanceFarad", kk.SeriesCapacitance ?? double.NaN);
            Numbers(json, "timeConstantsSecond", kk.TimeConstants.AsSpan());
            Numbers(json, "resistancesOhm", kk.Resistances.AsSpan());
            FitResultWriter.Number(json, "maximumAbsoluteResidual", kk.MaximumAbsoluteResidual);
            FitResultWriter.Number(json, "pseudoChiSquare", kk.PseudoChiSquare);
            Numbers(json, "fittedRealOhm", kk.FittedReal.AsSpan());
            Numbers(json, "fittedImaginaryOhm", kk.FittedImaginary.AsSpan());
            Numbers(json, "residualsReal", kk.ResidualsReal.AsSpan());
            Numbers(json, "residualsImaginary", kk.ResidualsImaginary.AsSpan());
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void Numbers(Utf8JsonWriter json, string name, ReadOnlySpan<double> values)
    {
        json.WriteStartArray(name);
        foreach (double value in values)
        {
            if (double.IsFinite(value))
            {
                json.WriteNumberValue(value);
            }
            else
            {
                json.WriteNullValue();
            }
        }

        json.WriteEndArray();
    }

    private static string G(double value) => value.ToString("G6", Invariant);
}
