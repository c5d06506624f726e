using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Electrochem.Fitting;

/// <summary>Writes a <see cref="FitResult"/> as a text table or as JSON (no reflection, so trimming-safe).</summary>
internal static class FitResultWriter
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    internal static string ToTable(FitResult fit)
    {
        GoodnessOfFit s = fit.Statistics;
        var text = new StringBuilder();
        text.Append(Invariant, $"Status: {fit.Status} — {fit.StatusReason}").AppendLine();
        text.Append(Invariant, $"N = {s.ObservationCount}, free parameters = {s.FreeParameterCount}, ν = {s.DegreesOfFreedom}, iterations = {fit.Iterations}").AppendLine();
        text.Append(Invariant, $"SSR = {G(s.ResidualSumOfSquares)}, χ² = {G(s.ChiSquare)}, χ²/ν = {G(s.ReducedChiSquare)}, R² = {G(s.RSquared)}").AppendLine();
        text.Append(Invariant, $"AIC = {G(s.Aic)}, AICc = {G(s.Aicc)}, BIC = {G(s.Bic)}").AppendLine();
        string ciHeader = string.Create(Invariant, $"{fit.ConfidenceLevel * 100:0.##}% CI");
        text.Append(Invariant, $"{"Parameter",-32} {"Value",14} {"Std. error",12} {ciHeader,-31} Unit").AppendLine();
        foreach (ParameterEstimate p in fit.Parameters)
        {
            string interval = p.IsFixed ? "(fixed)" : $"[{G(p.ConfidenceLower)}, {G(p.ConfidenceUpper)}]";
            string note = p.Bound switch
            {
                BoundState.AtLowerBound => "  at lower bound",
                BoundState.AtUpperBound => "  at upper bound",
                _ => string.Empty,
            };
            text.Append(Invariant, $"{p.Name,-32} {G(p.Value),14} {G(p.StandardError),12} {interval,-31} {p.Unit}{note}").AppendLine();
        }

        return text.ToString();
    }

    internal static string ToJson(FitResult fit, bool includeResiduals, bool indented)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = indented }))
        {
            json.WriteStartObject();
            WriteTo(json, fit, includeResiduals);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Writes the fit's properties into an object that the caller has opened.</summary>
    internal static void WriteTo(Utf8JsonWriter json, FitResult fit, bool includeResiduals)
    {
        json.WriteString("status", fit.Status.ToString());
        json.WriteBoolean("converged", fit.Converged);
        json.WriteString("statusReason", fit.StatusReason);
        json.WriteNumber("iterations", fit.Iterations);
        Number(json, "confidenceLevel", fit.ConfidenceLevel);
        json.WriteBoolean("weightsAreAbsolute", fit.WeightsAreAbsolute);

        GoodnessOfFit s = fit.Statistics;
        json.WriteStartObject("statistics");
        json.WriteNumber("observationCount", s.ObservationCount);
        json.WriteNumber("freeParameterCount", s.FreeParameterCount);
        json.WriteNumber("degreesOfFreedom", s.DegreesOfFreedom);
        Number(json, "residualSumOfSquares", s.ResidualSumOfSquares);
        Number(json, "chiSquare", s.ChiSquare);
        Number(json, "reducedChiSquare", s.ReducedChiSquare);
        Number(json, "rSquared", s.RSquared);
        Number(json, "aic", s.Aic);
        Number(json, "aicc", s.Aicc);
        Number(json, "bic", s.Bic);
        json.WriteEndObject();

        json.WriteStartArray("parameters");
        foreach (ParameterEstimate p in fit.Parameters)
        {
            json.WriteStartObject();
            json.WriteString("name", p.Name);
            json.WriteString("unit", p.Unit);
            Number(json, "value", p.Value);
            Number(json, "standardError", p.StandardError);
            Number(json, "confidenceLower", p.ConfidenceLower);
            Number(json, "confidenceUpper", p.ConfidenceUpper);
            json.WriteBoolean("fixed", p.IsFixed);
            json.WriteString("bound", p.Bound.ToString());
            json.WriteEndObject();
        }

        json.WriteEndArray();
        Matrix(json, "covariance", fit.Covariance);
        Matrix(json, "correlation", fit.Correlation);
        if (includeResiduals)
        {
            json.WriteStartArray("residuals");
            foreach (double r in fit.Residuals)
            {
                Value(json, r);
            }

            json.WriteEndArray();
        }
    }

    private static void Matrix(Utf8JsonWriter json, string name, ParameterMatrix matrix)
    {
        json.WriteStartArray(name);
        for (int i = 0; i < matrix.Size; i++)
        {
            json.WriteStartArray();
            for (int j = 0; j < matrix.Size; j++)
            {
                Value(json, matrix[i, j]);
            }

            json.WriteEndArray();
        }

        json.WriteEndArray();
    }

    /// <summary>Writes a named number, or null when it is NaN or infinite (JSON has no such numbers).</summary>
    internal static void Number(Utf8JsonWriter json, string name, double value)
    {
        json.WritePropertyName(name);
        Value(json, value);
    }

    private static void Value(Utf8JsonWriter json, double value)
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

    private static string G(double value) => value.ToString("G6", Invariant);
}
