using System.Globalization;
using System.Text;
using System.Text.Json;
using Electrochem.Cli.Formatting;
using Electrochem.Impedance;
using Electrochem.IO.Impedance;

namespace Electrochem.Cli.Impedance;

/// <summary>The report of <c>electrochem eis show</c>, as text for people or as one JSON document.</summary>
internal static class EisShowReport
{
    /// <summary>How many dropped rows the text report lists line by line before summarising.</summary>
    internal const int DroppedRowsListed = 5;

    /// <summary>The report as text; <paramref name="formatGiven"/> says the format was named with <c>--format</c> rather than detected.</summary>
    internal static string Text(ImpedanceData data, bool formatGiven = false)
    {
        ImpedanceSpectrum spectrum = data.Spectrum;
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"File: {data.SourceName}\n");
        text.Append(CultureInfo.InvariantCulture, $"Format: {data.FormatName} ({(formatGiven ? "as --format named it" : "detected from the content")})\n");
        text.Append(CultureInfo.InvariantCulture, $"Instrument: {data.Instrument ?? "not stated"}\n");
        text.Append(CultureInfo.InvariantCulture, $"Measured: {data.MeasurementDate ?? "not stated"}\n");
        text.Append(CultureInfo.InvariantCulture, $"AC amplitude: {Setting(data.AcAmplitude)}\n");
        text.Append(CultureInfo.InvariantCulture, $"DC level: {Setting(data.DcPotential)}\n");
        text.Append(CultureInfo.InvariantCulture, $"Columns: f = '{data.FrequencyColumn}', Z′ = '{data.RealColumn}', Z″ = '{data.ImaginaryColumn}'\n");
        foreach (string conversion in data.Conversions)
        {
            text.Append(CultureInfo.InvariantCulture, $"  {conversion}\n");
        }

        if (data.OtherColumns.Length > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"Other columns ({data.OtherColumns.Length}): {string.Join(", ", data.OtherColumns.Select(c => $"'{c.Header.Text}'"))}\n");
        }

        text.Append('\n');
        text.Append(CultureInfo.InvariantCulture, $"Points: {spectrum.Count} (lines {data.LineNumbers[0]}–{data.LineNumbers[^1]})\n");
        text.Append(CultureInfo.InvariantCulture, $"Frequency range: {Numbers.Significant(spectrum.MinimumFrequency, 6)} – {Numbers.Significant(spectrum.MaximumFrequency, 6)} Hz\n");
        var table = new TextTable("", "line", "f (Hz)", "Z′ (Ω)", "Z″ (Ω)");
        table.Add("first", Line(data, 0), Numbers.Significant(spectrum.Frequency[0], 6), Numbers.Significant(spectrum.Real[0], 6), Numbers.Significant(spectrum.Imaginary[0], 6));
        table.Add("last", Line(data, spectrum.Count - 1), Numbers.Significant(spectrum.Frequency[^1], 6), Numbers.Significant(spectrum.Real[^1], 6), Numbers.Significant(spectrum.Imaginary[^1], 6));
        table.AppendTo(text);
        text.Append('\n');
        if (data.Sweeps.Length > 1)
        {
            text.Append(CultureInfo.InvariantCulture, $"Sweeps: {data.Sweeps.Length} (eis kk and eis fit analyse each; --spectrum N picks one)\n");
            var sweeps = new TextTable("#", "points", "lines", "f range (Hz)", "t₀ (s)", "E (V)", "I (A)", "cycle");
            foreach (ImpedanceSweep sweep in data.Sweeps)
            {
                sweeps.Add(
                    sweep.Index.ToString(CultureInfo.InvariantCulture),
                    sweep.Spectrum.Count.ToString(CultureInfo.InvariantCulture),
                    string.Create(CultureInfo.InvariantCulture, $"{sweep.LineNumbers[0]}–{sweep.LineNumbers[^1]}"),
                    $"{Numbers.Significant(sweep.Spectrum.MinimumFrequency, 4)}–{Numbers.Significant(sweep.Spectrum.MaximumFrequency, 4)}",
                    Optional(sweep.StartTime, 6),
                    Optional(sweep.DcPotential, 5),
                    Optional(sweep.DcCurrent, 4),
                    sweep.Cycle is { } cycle ? cycle.ToString("R", CultureInfo.InvariantCulture) : "—");
            }

            sweeps.AppendTo(text);
            text.Append('\n');
        }

        text.Append(CultureInfo.InvariantCulture, $"Dropped rows: {data.DroppedPoints.Length}\n");
        foreach (var group in data.DroppedPoints.GroupBy(p => p.Reason))
        {
            int[] lines = [.. group.Select(p => p.LineNumber)];
            string listed = string.Join(", ", lines.Take(DroppedRowsListed));
            string more = lines.Length > DroppedRowsListed ? $", … ({lines.Length} in all)" : string.Empty;
            text.Append(CultureInfo.InvariantCulture, $"  lines {listed}{more}: {group.Key}\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"Warnings: {data.Warnings.Length}\n");
        foreach (string warning in data.Warnings)
        {
            text.Append(CultureInfo.InvariantCulture, $"  {warning}\n");
        }

        return text.ToString();
    }

    private static string Optional(double? value, int digits) => value is { } v ? Numbers.Significant(v, digits) : "—";

    /// <summary>The report as one JSON document: format, metadata, columns, every point, dropped rows, warnings, settings.</summary>
    internal static string Json(ImpedanceData data) => JsonOutput.Document(json =>
    {
        ImpedanceSpectrum spectrum = data.Spectrum;
        json.WriteStartObject();
        json.WriteString("file", data.SourceName);
        json.WriteString("format", data.Format.ToString());
        json.WriteString("formatName", data.FormatName);
        JsonOutput.StringOrNull(json, "instrument", data.Instrument);
        JsonOutput.StringOrNull(json, "measurementDate", data.MeasurementDate);
        WriteSetting(json, "acAmplitude", data.AcAmplitude);
        WriteSetting(json, "dcLevel", data.DcPotential);
        json.WriteStartObject("columns");
        json.WriteString("frequency", data.FrequencyColumn);
        json.WriteString("real", data.RealColumn);
        json.WriteString("imaginary", data.ImaginaryColumn);
        json.WriteEndObject();
        WriteStrings(json, "conversions", data.Conversions);
        WriteStrings(json, "otherColumns", data.OtherColumns.Select(c => c.Header.Text));
        json.WriteNumber("pointCount", spectrum.Count);
        JsonOutput.Number(json, "minimumFrequencyHertz", spectrum.MinimumFrequency);
        JsonOutput.Number(json, "maximumFrequencyHertz", spectrum.MaximumFrequency);
        json.WriteStartArray("points");
        for (int i = 0; i < spectrum.Count; i++)
        {
            json.WriteStartObject();
            json.WriteNumber("line", data.LineNumbers[i]);
            JsonOutput.Number(json, "frequencyHertz", spectrum.Frequency[i]);
            JsonOutput.Number(json, "realOhm", spectrum.Real[i]);
            JsonOutput.Number(json, "imaginaryOhm", spectrum.Imaginary[i]);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("sweeps");
        foreach (ImpedanceSweep sweep in data.Sweeps)
        {
            json.WriteStartObject();
            json.WriteNumber("index", sweep.Index);
            json.WriteNumber("pointCount", sweep.Spectrum.Count);
            json.WriteNumber("firstLine", sweep.LineNumbers[0]);
            json.WriteNumber("lastLine", sweep.LineNumbers[^1]);
            JsonOutput.NumberOrNull(json, "startTimeSecond", sweep.StartTime);
            JsonOutput.NumberOrNull(json, "dcPotentialVolt", sweep.DcPotential);
            JsonOutput.NumberOrNull(json, "dcCurrentAmpere", sweep.DcCurrent);
            JsonOutput.NumberOrNull(json, "cycle", sweep.Cycle);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("droppedRows");
        foreach (DroppedPoint dropped in data.DroppedPoints)
        {
            json.WriteStartObject();
            json.WriteNumber("line", dropped.LineNumber);
            json.WriteString("reason", dropped.Reason);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        WriteStrings(json, "warnings", data.Warnings);
        json.WriteStartArray("settings");
        foreach (ImpedanceSetting setting in data.Settings)
        {
            json.WriteStartObject();
            json.WriteString("name", setting.Name);
            json.WriteString("value", setting.Value);
            json.WriteNumber("line", setting.LineNumber);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    });

    private static string Line(ImpedanceData data, int index) => data.LineNumbers[index].ToString(CultureInfo.InvariantCulture);

    private static string Setting(ImpedanceSetting? setting) =>
        setting is null ? "not stated" : string.Create(CultureInfo.InvariantCulture, $"{setting.Value} ({setting.Name}, line {setting.LineNumber})");

    private static void WriteSetting(Utf8JsonWriter json, string name, ImpedanceSetting? setting)
    {
        if (setting is null)
        {
            json.WriteNull(name);
            return;
        }

        json.WriteStartObject(name);
        json.WriteString("name", setting.Name);
        json.WriteString("value", setting.Value);
        json.WriteNumber("line", setting.LineNumber);
        json.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (string value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }
}
