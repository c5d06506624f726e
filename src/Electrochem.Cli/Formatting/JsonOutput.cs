using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Electrochem.Fitting;

namespace Electrochem.Cli.Formatting;

/// <summary>Builds the CLI's JSON documents with <see cref="Utf8JsonWriter"/>: indented, non-ASCII kept readable, NaN and ±∞ as null.</summary>
internal static class JsonOutput
{
    /// <summary>Writes one JSON document and returns it as text ending in a line break.</summary>
    internal static string Document(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            write(json);
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>A named number, or null when not finite (JSON has no NaN or infinity).</summary>
    internal static void Number(Utf8JsonWriter json, string name, double value)
    {
        if (double.IsFinite(value))
        {
            json.WriteNumber(name, value);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    /// <summary>A named optional number, or null when absent or not finite.</summary>
    /// <summary>Writes a named array of numbers, NaN and infinities as null.</summary>
    internal static void NumberArray(Utf8JsonWriter json, string name, IEnumerable<double> values)
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

    internal static void NumberOrNull(Utf8JsonWriter json, string name, double? value) => Number(json, name, value ?? double.NaN);

    /// <summary>A named array of strings (warnings, notes, concerns).</summary>
    internal static void StringArray(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (string value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }

    /// <summary>A named string, or null.</summary>
    internal static void StringOrNull(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }

    /// <summary>An estimate as an object: value, standardError, confidenceLower, confidenceUpper, unit.</summary>
    internal static void Estimate(Utf8JsonWriter json, string name, ParameterEstimate estimate, string unit)
    {
        json.WriteStartObject(name);
        Number(json, "value", estimate.Value);
        Number(json, "standardError", estimate.StandardError);
        Number(json, "confidenceLower", estimate.ConfidenceLower);
        Number(json, "confidenceUpper", estimate.ConfidenceUpper);
        json.WriteString("unit", unit);
        json.WriteEndObject();
    }

    /// <summary>The core's own JSON of a fit, embedded verbatim as the value of <paramref name="name"/>.</summary>
    internal static void Fit(Utf8JsonWriter json, string name, FitResult fit)
    {
        json.WritePropertyName(name);
        json.WriteRawValue(fit.ToJson(includeResiduals: true, indented: false));
    }
}
