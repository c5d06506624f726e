using System.Globalization;
using System.Text;
using System.Text.Json;
using Electrochem.Fitting;

namespace Electrochem.Kinetics;

/// <summary>Writes kinetics analysis results as text or JSON (no reflection, so trimming-safe).</summary>
internal static class KineticsResultWriter
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    internal static string ToTable(TafelResult result)
    {
        var text = new StringBuilder();
        text.Append(Invariant, $"Tafel analysis ({result.Geometry}), n = {result.ElectronCount}, T = {G(result.TemperatureKelvin)} K").AppendLine();
        text.Append(Invariant, $"Automatic regions start at |V| ≥ {G(result.RegionStartThreshold)} V; {result.ExcludedPointCount} point(s) excluded (V = 0, i = 0 or wrong sign)").AppendLine();
        foreach (TafelBranchFit? branch in new[] { result.Anodic, result.Cathodic })
        {
            if (branch is null)
            {
                continue;
            }

            text.AppendLine();
            text.Append(Invariant, $"{branch.Branch} branch: region |V| = [{G(branch.Region.MinimumMagnitude)}, {G(branch.Region.MaximumMagnitude)}] V, {branch.Voltage.Length} points, ")
                .Append(branch.RegionSelectedAutomatically ? $"selected automatically (best adjusted R² = {G(branch.AdjustedRSquared)} of {branch.CandidateWindowCount} candidate windows)" : "given by hand")
                .AppendLine();
            Row(text, branch.TafelSlope);
            Row(text, branch.TransferCoefficient);
            Row(text, branch.ExchangeCurrentDensity);
            text.Append(branch.LineFit.ToTable());
        }

        text.AppendLine();
        Row(text, result.CombinedExchangeCurrentDensity with { Name = "Combined ExchangeCurrentDensity" });
        text.Append("  by ").Append(result.CombinationMethod).AppendLine();
        if (double.IsFinite(result.LineIntersectionVoltage))
        {
            text.Append(Invariant, $"Tafel lines cross at V = {G(result.LineIntersectionVoltage)} V").AppendLine();
        }

        AppendWarnings(text, result.Warnings.Select(w => (w.Kind.ToString(), w.Message)));
        return text.ToString();
    }

    internal static string ToJson(TafelResult result, bool indented)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = indented }))
        {
            json.WriteStartObject();
            json.WriteString("analysis", "Tafel");
            json.WriteString("geometry", result.Geometry.ToString());
            json.WriteNumber("electronCount", result.ElectronCount);
            FitResultWriter.Number(json, "temperatureKelvin", result.TemperatureKelvin);
            FitResultWriter.Number(json, "regionStartThresholdVolts", result.RegionStartThreshold);
            json.WriteNumber("excludedPointCount", result.ExcludedPointCount);
            Branch(json, "anodic", result.Anodic);
            Branch(json, "cathodic", result.Cathodic);
            Estimate(json, "combinedExchangeCurrentDensity", result.CombinedExchangeCurrentDensity);
            json.WriteString("combinationMethod", result.CombinationMethod);
            FitResultWriter.Number(json, "lineIntersectionVoltage", result.LineIntersectionVoltage);
            Warnings(json, result.Warnings.Select(w => (w.Kind.ToString(), w.Message)));
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>One estimate as a row: name, value, SE, interval, unit.</summary>
    internal static void Row(StringBuilder text, ParameterEstimate p) =>
        text.Append(Invariant, $"{p.Name,-34} {G(p.Value),14} ± {G(p.StandardError),-12} CI [{G(p.ConfidenceLower)}, {G(p.ConfidenceUpper)}] {p.Unit}").AppendLine();

    internal static void AppendWarnings(StringBuilder text, IEnumerable<(string Kind, string Message)> warnings)
    {
        var list = warnings.ToList();
        text.Append(Invariant, $"Warnings: {(list.Count == 0 ? "none" : list.Count.ToString(Invariant))}").AppendLine();
        foreach ((string kind, string message) in list)
        {
            text.Append("  [").Append(kind).Append("] ").Append(message).AppendLine();
        }
    }

    internal static void Warnings(Utf8JsonWriter json, IEnumerable<(string Kind, string Message)> warnings)
    {
        json.WriteStartArray("warnings");
        foreach ((string kind, string message) in warnings)
        {
            json.WriteStartObject();
            json.WriteString("kind", kind);
            json.WriteString("message", message);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    internal static void Estimate(Utf8JsonWriter json, string name, ParameterEstimate p)
    {
        json.WriteStartObject(name);
        json.WriteString("name", p.Name);
        json.WriteString("unit", p.Unit);
        FitResultWriter.Number(json, "value", p.Value);
        FitResultWriter.Number(json, "standardError", p.StandardError);
        FitResultWriter.Number(json, "confidenceLower", p.ConfidenceLower);
        FitResultWriter.Number(json, "confidenceUpper", p.ConfidenceUpper);
        json.WriteEndObject();
    }

    internal static void Array(Utf8JsonWriter json, string name, IEnumerable<double> values)
    {
        json.WriteStartArray(name);
        foreach (double v in values)
        {
            if (double.IsFinite(v))
            {
                json.WriteNumberValue(v);
            }
            else
            {
                json.WriteNullValue();
            }
        }

        json.WriteEndArray();
    }

    internal static string G(double value) => value.ToString("G6", Invariant);

    private static void Branch(Utf8JsonWriter json, string name, TafelBranchFit? branch)
    {
        if (branch is null)
        {
            json.WriteNull(name);
            return;
        }

        json.WriteStartObject(name);
        json.WriteBoolean("regionSelectedAutomatically", branch.RegionSelectedAutomatically);
        FitResultWriter.Number(json, "regionMinimumMagnitudeVolts", branch.Region.MinimumMagnitude);
        FitResultWriter.Number(json, "regionMaximumMagnitudeVolts", branch.Region.MaximumMagnitude);
        json.WriteNumber("candidateWindowCount", branch.CandidateWindowCount);
        Estimate(json, "tafelSlope", branch.TafelSlope);
        Estimate(json, "transferCoefficient", branch.TransferCoefficient);
        Estimate(json, "exchangeCurrentDensity", branch.ExchangeCurrentDensity);
        Array(json, "voltage", branch.Voltage);
        Array(json, "log10Current", branch.Log10Current);
        json.WriteStartObject("lineFit");
        FitResultWriter.WriteTo(json, branch.LineFit, includeResiduals: true);
        json.WriteEndObject();
        json.WriteEndObject();
    }
}
