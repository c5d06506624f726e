using System.Globalization;
using System.Text;
using Electrochem.Cli.Formatting;
using Electrochem.Cycling;

namespace Electrochem.Cli.Data;

/// <summary>The report of <c>electrochem data show</c>: what a cycler file holds, as read, as text or one JSON document.</summary>
internal static class DataShowReport
{
    private const int CategoriesListed = 8;

    /// <summary>The report as text.</summary>
    internal static string Text(CyclerRecording recording)
    {
        RecordingMetadata m = recording.Metadata;
        ReadOnlySpan<double> time = recording.TestTime.Values;
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"File: {recording.SourceName}\n");
        text.Append(CultureInfo.InvariantCulture, $"Format: {recording.Format}\n");
        text.Append(CultureInfo.InvariantCulture, $"Rows: {recording.RowCount}\n");
        text.Append(CultureInfo.InvariantCulture, $"Test time: {Numbers.Significant(time[0], 6)} – {Numbers.Significant(time[^1], 6)} s ({Numbers.Significant((time[^1] - time[0]) / 3600, 4)} h)\n");
        text.Append(CultureInfo.InvariantCulture, $"Cycles: {Cycles(recording)}\n");
        text.Append(CultureInfo.InvariantCulture, $"Started: {(m.StartTime is { } start ? $"{start} ({start.Source}{(start.UtcOffset is null ? "; UTC offset not stated" : string.Empty)})" : "not stated")}\n");
        foreach ((string label, string? value) in Metadata(m))
        {
            text.Append(CultureInfo.InvariantCulture, $"{label}: {value ?? "not stated"}\n");
        }

        text.Append('\n');
        var table = new TextTable("column", "unit", "quantity", "from", "min", "max", "empty");
        foreach (RecordingColumn column in recording.Columns)
        {
            (double min, double max, int empty) = Range(column.Values);
            table.Add(column.Name, column.Unit, column.Quantity == RecordingQuantity.Other ? "-" : column.Quantity.ToString(), column.Origin.ToString(), Numbers.Significant(min, 6), Numbers.Significant(max, 6), empty.ToString(CultureInfo.InvariantCulture));
        }

        foreach (RecordingTextColumn column in recording.TextColumns)
        {
            string values = string.Join(", ", column.Categories.Take(CategoriesListed)) + (column.Categories.Length > CategoriesListed ? $", … ({column.Categories.Length} distinct)" : string.Empty);
            table.Add(column.Name, "text", column.IsStepType ? "StepType" : "-", column.Origin.ToString(), values, string.Empty, Empty(column).ToString(CultureInfo.InvariantCulture));
        }

        table.AppendTo(text);
        text.Append('\n');
        text.Append(CultureInfo.InvariantCulture, $"Warnings: {recording.Warnings.Length}\n");
        foreach (string warning in recording.Warnings)
        {
            text.Append(CultureInfo.InvariantCulture, $"  {warning}\n");
        }

        return text.ToString();
    }

    /// <summary>The report as one JSON document.</summary>
    internal static string Json(CyclerRecording recording) => JsonOutput.Document(json =>
    {
        RecordingMetadata m = recording.Metadata;
        json.WriteStartObject();
        json.WriteString("file", recording.SourceName);
        json.WriteString("format", recording.Format);
        json.WriteNumber("rows", recording.RowCount);
        JsonOutput.Number(json, "firstTestTimeSeconds", recording.TestTime.Values[0]);
        JsonOutput.Number(json, "lastTestTimeSeconds", recording.TestTime.Values[^1]);
        if (recording.CycleIndex is { } cycles)
        {
            (double min, double max, _) = Range(cycles.Values);
            json.WriteStartObject("cycleIndex");
            JsonOutput.Number(json, "min", min);
            JsonOutput.Number(json, "max", max);
            json.WriteNumber("distinct", Distinct(cycles.Values));
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("cycleIndex");
        }

        json.WriteStartObject("metadata");
        JsonOutput.StringOrNull(json, "startTime", m.StartTime?.ToString());
        JsonOutput.StringOrNull(json, "startTimeSource", m.StartTime?.Source);
        foreach ((string label, string? value) in Metadata(m))
        {
            JsonOutput.StringOrNull(json, char.ToLowerInvariant(label[0]) + label[1..].Replace(" ", string.Empty, StringComparison.Ordinal), value);
        }

        JsonOutput.NumberOrNull(json, "activeMassGrams", m.ActiveMassGrams);
        JsonOutput.NumberOrNull(json, "nominalCapacityAmpereHours", m.NominalCapacityAmpereHours);
        json.WriteStartObject("headerEntries");
        foreach (KeyValuePair<string, string> entry in m.HeaderEntries)
        {
            json.WriteString(entry.Key, entry.Value);
        }

        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteStartArray("columns");
        foreach (RecordingColumn column in recording.Columns)
        {
            (double min, double max, int empty) = Range(column.Values);
            json.WriteStartObject();
            json.WriteString("name", column.Name);
            json.WriteString("kind", "number");
            json.WriteString("unit", column.Unit);
            json.WriteString("quantity", column.Quantity.ToString());
            Origin(json, column.Origin);
            JsonOutput.Number(json, "min", min);
            JsonOutput.Number(json, "max", max);
            json.WriteNumber("empty", empty);
            json.WriteEndObject();
        }

        foreach (RecordingTextColumn column in recording.TextColumns)
        {
            json.WriteStartObject();
            json.WriteString("name", column.Name);
            json.WriteString("kind", "text");
            json.WriteBoolean("isStepType", column.IsStepType);
            Origin(json, column.Origin);
            json.WriteNumber("distinct", column.Categories.Length);
            json.WriteStartArray("firstValues");
            foreach (string category in column.Categories.Take(CategoriesListed))
            {
                json.WriteStringValue(category);
            }

            json.WriteEndArray();
            json.WriteNumber("empty", Empty(column));
            json.WriteEndObject();
        }

        json.WriteEndArray();
        JsonOutput.StringArray(json, "warnings", recording.Warnings);
        json.WriteEndObject();
    });

    private static IEnumerable<(string Label, string? Value)> Metadata(RecordingMetadata m) =>
    [
        ("Instrument", m.Instrument),
        ("Channel", m.Channel),
        ("Test name", m.TestName),
        ("Technique", m.Technique),
        ("Schedule", m.ScheduleName),
        ("Procedure", m.ProcedureName),
        ("Software", m.Software),
        ("Active mass", m.ActiveMassGrams is { } g ? $"{Numbers.Significant(g * 1000, 6)} mg" : null),
        ("Nominal capacity", m.NominalCapacityAmpereHours is { } c ? $"{Numbers.Significant(c * 1000, 6)} mAh" : null),
    ];

    private static void Origin(System.Text.Json.Utf8JsonWriter json, ColumnOrigin origin)
    {
        json.WriteStartObject("from");
        json.WriteString("header", origin.Header);
        JsonOutput.StringOrNull(json, "writtenUnit", origin.WrittenUnit);
        json.WriteNumber("scale", origin.Scale);
        json.WriteNumber("offset", origin.Offset);
        JsonOutput.StringOrNull(json, "note", origin.Note);
        json.WriteEndObject();
    }

    private static string Cycles(CyclerRecording recording)
    {
        if (recording.CycleIndex is not { } cycles)
        {
            return "no cycle counter in the file";
        }

        (double min, double max, _) = Range(cycles.Values);
        return $"{Numbers.Significant(min, 6)} – {Numbers.Significant(max, 6)} ({Distinct(cycles.Values)} distinct values of '{cycles.Origin.Header}', as the instrument counted them)";
    }

    private static (double Min, double Max, int Empty) Range(ReadOnlySpan<double> values)
    {
        double min = double.PositiveInfinity;
        double max = double.NegativeInfinity;
        int empty = 0;
        foreach (double v in values)
        {
            if (double.IsNaN(v))
            {
                empty++;
                continue;
            }

            min = Math.Min(min, v);
            max = Math.Max(max, v);
        }

        return empty == values.Length ? (double.NaN, double.NaN, empty) : (min, max, empty);
    }

    private static int Distinct(ReadOnlySpan<double> values)
    {
        var seen = new HashSet<double>();
        foreach (double v in values)
        {
            if (!double.IsNaN(v))
            {
                seen.Add(v);
            }
        }

        return seen.Count;
    }

    private static int Empty(RecordingTextColumn column) => column.Codes.Count(-1);
}
