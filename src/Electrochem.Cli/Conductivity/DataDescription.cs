using System.Text;
using System.Text.Json;
using Electrochem.Cli.Formatting;
using Electrochem.IO.Transport;

namespace Electrochem.Cli.Conductivity;

/// <summary>Says which columns of a conductivity file were used, in which units, and how the points were weighted.</summary>
internal static class DataDescription
{
    /// <summary>The unit of σ as written in the file, or a placeholder when the header gives none.</summary>
    internal static string ConductivityUnit(ConductivityTable data) => data.ConductivityUnit ?? "(σ unit not given)";

    /// <summary>Appends the description as text.</summary>
    internal static void AppendText(StringBuilder text, ConductivityTable data)
    {
        string unitIn = data.TemperatureUnitInFile == TemperatureUnit.Kelvin ? "K" : "°C";
        string unitSource = data.TemperatureUnitFromHeader ? "from the header" : "from --temperature-unit";
        double min = data.TemperatureKelvin.Min();
        double max = data.TemperatureKelvin.Max();
        text.Append($"Data: {data.SourceName}, {data.Count} rows\n");
        text.Append($"  T: column '{data.TemperatureHeader.Text}' in {unitIn} ({unitSource}), {Numbers.Significant(min, 5)}–{Numbers.Significant(max, 5)} K\n");
        text.Append($"  σ: column '{data.ConductivityHeader.Text}' in {ConductivityUnit(data)}\n");
        text.Append(data.UncertaintyHeader is { } u
            ? $"  weights: w = (σ/u)² from column '{u.Text}' (relative weights: the scatter sets the uncertainty scale)\n"
            : "  weights: none (no uncertainty column)\n");
    }

    /// <summary>Writes the description as the JSON object <c>data</c>.</summary>
    internal static void WriteJson(Utf8JsonWriter json, ConductivityTable data)
    {
        json.WriteStartObject("data");
        json.WriteString("source", data.SourceName);
        json.WriteNumber("rows", data.Count);
        json.WriteStartObject("temperature");
        json.WriteString("column", data.TemperatureHeader.Text);
        json.WriteString("unitInFile", data.TemperatureUnitInFile == TemperatureUnit.Kelvin ? "K" : "°C");
        json.WriteString("unitFrom", data.TemperatureUnitFromHeader ? "header" : "option");
        json.WriteString("unit", "K");
        JsonOutput.Number(json, "minimum", data.TemperatureKelvin.Min());
        JsonOutput.Number(json, "maximum", data.TemperatureKelvin.Max());
        json.WriteEndObject();
        json.WriteStartObject("conductivity");
        json.WriteString("column", data.ConductivityHeader.Text);
        JsonOutput.StringOrNull(json, "unit", data.ConductivityUnit);
        json.WriteEndObject();
        JsonOutput.StringOrNull(json, "uncertaintyColumn", data.UncertaintyHeader?.Text);
        json.WriteBoolean("weighted", data.HasUncertainty);
        json.WriteEndObject();
    }
}
