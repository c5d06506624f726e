using System.Text.Json;

namespace Electrochem.Impedance;

/// <summary>Typed access to JSON members, turning every mismatch into a <see cref="FormatException"/> that names the member.</summary>
internal static class JsonReading
{
    internal static JsonDocument Parse(string json)
    {
        try
        {
            return JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new FormatException($"The text is not valid JSON: {e.Message}", e);
        }
    }

    internal static JsonElement Object(JsonElement element, string what) =>
        element.ValueKind == JsonValueKind.Object ? element : throw new FormatException($"Expected {what} to be a JSON object but it is {element.ValueKind}.");

    internal static JsonElement Member(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out JsonElement value) ? value : throw new FormatException($"The member \"{name}\" is missing.");

    internal static string String(JsonElement parent, string name)
    {
        JsonElement value = Member(parent, name);
        return value.ValueKind == JsonValueKind.String ? value.GetString()! : throw new FormatException($"\"{name}\" must be a string but is {value.ValueKind}.");
    }

    internal static string? OptionalString(JsonElement parent, string name)
    {
        if (!parent.TryGetProperty(name, out JsonElement value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String ? value.GetString() : throw new FormatException($"\"{name}\" must be a string or null but is {value.ValueKind}.");
    }

    internal static double Number(JsonElement parent, string name) => NumberValue(Member(parent, name), $"\"{name}\"");

    internal static double NumberValue(JsonElement value, string what) =>
        value.ValueKind == JsonValueKind.Number ? value.GetDouble() : throw new FormatException($"{what} must be a number but is {value.ValueKind}.");

    internal static double NumberOrNull(JsonElement parent, string name)
    {
        JsonElement value = Member(parent, name);
        return value.ValueKind == JsonValueKind.Null ? double.NaN : NumberValue(value, $"\"{name}\"");
    }

    internal static bool Boolean(JsonElement parent, string name)
    {
        JsonElement value = Member(parent, name);
        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw new FormatException($"\"{name}\" must be true or false but is {value.ValueKind}."),
        };
    }

    internal static JsonElement Array(JsonElement parent, string name)
    {
        JsonElement value = Member(parent, name);
        return value.ValueKind == JsonValueKind.Array ? value : throw new FormatException($"\"{name}\" must be an array but is {value.ValueKind}.");
    }

    internal static double[] Numbers(JsonElement parent, string name) =>
        [.. Array(parent, name).EnumerateArray().Select((v, i) => NumberValue(v, $"\"{name}\"[{i}]"))];

    internal static Circuit Circuit(string text, IReadOnlyCollection<CustomElement> custom) =>
        CircuitParser.TryParse(text, custom, out CircuitNode? root, out CircuitFormatException? error) ? new Circuit(root) : throw error;

    /// <summary>Builds the model, reporting a value the constructor rejects (say, a non-finite number) as a format error.</summary>
    internal static CircuitModel Build(Func<CircuitModel> create)
    {
        try
        {
            return create();
        }
        catch (ArgumentException e)
        {
            throw new FormatException(e.Message, e);
        }
    }
}
