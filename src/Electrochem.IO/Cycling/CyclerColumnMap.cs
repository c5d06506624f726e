using Electrochem.IO.Tables;
using System.Collections.Immutable;
using System.Text.Json;
using Electrochem.Cycling;

namespace Electrochem.IO.Cycling;

/// <summary>
/// Says which column of a file holds which quantity, for files whose headers the readers do not recognise or
/// recognise ambiguously. Columns named here win over automatic recognition; the rest are still recognised by name or
/// kept as they are. Immutable; build it in code or read it from a small JSON file (<see cref="FromJson"/>).
/// </summary>
/// <example><code>
/// var map = CyclerColumnMap.Empty
///     .With(RecordingQuantity.TestTime, "test_time", "s")
///     .With(RecordingQuantity.Current, "current", "mA")   // the header says no unit; the file is in mA
///     .With(RecordingQuantity.Voltage, "voltage");
/// CyclerRecording r = CyclerFile.Read("custom.csv", CyclerReadOptions.Default with { ColumnMap = map });
/// </code>
/// The same as JSON:
/// <code>
/// { "columns": { "test_time": { "column": "test_time", "unit": "s" },
///                "current": { "column": "current", "unit": "mA" },
///                "voltage": "voltage" },
///   "current_sign": "charge_positive" }
/// </code></example>
public sealed record CyclerColumnMap
{
    /// <summary>A map that names nothing (every column recognised automatically).</summary>
    public static CyclerColumnMap Empty { get; } = new();

    /// <summary>The column named for each quantity: the header text (or its name without unit, ignoring case) and optionally the unit its values are in.</summary>
    public ImmutableDictionary<RecordingQuantity, ColumnChoice> Columns { get; init; } = ImmutableDictionary<RecordingQuantity, ColumnChoice>.Empty;

    /// <summary>The column that holds the step type / state / mode, when automatic recognition should not decide it.</summary>
    public string? StepTypeColumn { get; init; }

    /// <summary>How the file signs current; <see cref="CurrentSign.ChargePositive"/> unless stated.</summary>
    public CurrentSign CurrentSign { get; init; } = CurrentSign.ChargePositive;

    /// <summary>A copy that names <paramref name="column"/> as the column of <paramref name="quantity"/>.</summary>
    /// <param name="quantity">The quantity (not <see cref="RecordingQuantity.Other"/>).</param>
    /// <param name="column">The header text or name as in the file.</param>
    /// <param name="unit">The unit the values are written in, when the header does not say or says it wrongly; null to take it from the header.</param>
    /// <returns>The new map.</returns>
    /// <exception cref="ArgumentException"><paramref name="quantity"/> is Other, or <paramref name="column"/> is empty.</exception>
    public CyclerColumnMap With(RecordingQuantity quantity, string column, string? unit = null)
    {
        if (quantity == RecordingQuantity.Other)
        {
            throw new ArgumentException("Only known quantities can be mapped; other columns are kept under their own names anyway.", nameof(quantity));
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(column);
        return this with { Columns = Columns.SetItem(quantity, new ColumnChoice(column, unit)) };
    }

    /// <summary>
    /// Reads a map from JSON: <c>{"columns": {"test_time": "Time (h)", "current": {"column": "I", "unit": "mA"}, …},
    /// "step_type": "State", "current_sign": "charge_positive" | "discharge_positive"}</c>. Quantity keys are the
    /// canonical column names (<c>test_time</c>, <c>current</c>, <c>voltage</c>, <c>cycle_index</c>, …).
    /// </summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The map.</returns>
    /// <exception cref="FormatException">The JSON is malformed or names an unknown quantity; the message says which and lists the known names.</exception>
    public static CyclerColumnMap FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new FormatException($"The column map is not valid JSON: {e.Message}", e);
        }

        using (document)
        {
            JsonElement root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException("A column map is a JSON object such as {\"columns\": {\"test_time\": \"Time (s)\", \"current\": \"I (mA)\", \"voltage\": \"U (V)\"}}.");
            }

            CyclerColumnMap map = Empty;
            foreach (JsonProperty property in root.EnumerateObject())
            {
                switch (property.Name)
                {
                    case "columns":
                        map = ReadColumns(map, property.Value);
                        break;
                    case "step_type":
                        map = map with { StepTypeColumn = RequireString(property.Value, "step_type") };
                        break;
                    case "current_sign":
                        map = map with
                        {
                            CurrentSign = RequireString(property.Value, "current_sign") switch
                            {
                                "charge_positive" => CurrentSign.ChargePositive,
                                "discharge_positive" => CurrentSign.DischargePositive,
                                string other => throw new FormatException($"current_sign is '{other}'; expected 'charge_positive' or 'discharge_positive'."),
                            },
                        };
                        break;
                    default:
                        throw new FormatException($"The column map has an unknown entry '{property.Name}'; expected 'columns', 'step_type' or 'current_sign'.");
                }
            }

            return map;
        }
    }

    private static CyclerColumnMap ReadColumns(CyclerColumnMap map, JsonElement columns)
    {
        if (columns.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException("\"columns\" must be an object from quantity names (test_time, current, voltage, …) to column names.");
        }

        foreach (JsonProperty entry in columns.EnumerateObject())
        {
            RecordingQuantity quantity = Enum.GetValues<RecordingQuantity>()
                .Where(q => q != RecordingQuantity.Other)
                .FirstOrDefault(q => RecordingQuantities.CanonicalName(q) == entry.Name);
            if (quantity == RecordingQuantity.Other)
            {
                string known = string.Join(", ", Enum.GetValues<RecordingQuantity>().Where(q => q != RecordingQuantity.Other).Select(RecordingQuantities.CanonicalName));
                throw new FormatException($"The column map names an unknown quantity '{entry.Name}'; the known ones are {known}.");
            }

            map = entry.Value.ValueKind switch
            {
                JsonValueKind.String => map.With(quantity, entry.Value.GetString()!),
                JsonValueKind.Object => map.With(
                    quantity,
                    entry.Value.TryGetProperty("column", out JsonElement c) ? RequireString(c, $"{entry.Name}.column") : throw new FormatException($"\"{entry.Name}\" needs a \"column\" entry."),
                    entry.Value.TryGetProperty("unit", out JsonElement u) ? RequireString(u, $"{entry.Name}.unit") : null),
                _ => throw new FormatException($"\"{entry.Name}\" must be a column name or an object {{\"column\": …, \"unit\": …}}."),
            };
        }

        return map;
    }

    private static string RequireString(JsonElement element, string what) =>
        element.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(element.GetString())
            ? element.GetString()!
            : throw new FormatException($"{what} must be a non-empty string.");
}
