using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Electrochem.Impedance;

/// <summary>Electrochem's own JSON schema for a <see cref="CircuitModel"/>, without reflection (trimming/AOT-safe).</summary>
internal static class CircuitModelJson
{
    internal const string FormatTag = "electrochem.circuit-model";
    internal const int Version = 1;

    internal static string Write(CircuitModel model, bool indented)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = indented, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("format", FormatTag);
            json.WriteNumber("version", Version);
            if (model.Name is null)
            {
                json.WriteNull("name");
            }
            else
            {
                json.WriteString("name", model.Name);
            }

            json.WriteString("circuit", model.Circuit.ToString());
            json.WriteStartArray("parameters");
            for (int j = 0; j < model.Values.Length; j++)
            {
                CircuitParameter parameter = model.Circuit.Parameters[j];
                json.WriteStartObject();
                json.WriteString("name", parameter.Name);
                json.WriteString("unit", parameter.Unit);
                json.WriteNumber("value", model.Values[j]);
                json.WriteBoolean("fixed", model.IsFixed(parameter.Name));
                if (!model.InitialValues.IsEmpty)
                {
                    json.WriteNumber("initialValue", model.InitialValues[j]);
                }

                if (model.IsFitted)
                {
                    WriteNumberOrNull(json, "standardError", model.StandardErrors[j]);
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    internal static CircuitModel Read(string json, IReadOnlyCollection<CustomElement> custom)
    {
        ArgumentNullException.ThrowIfNull(json);
        using JsonDocument document = JsonReading.Parse(json);
        JsonElement root = JsonReading.Object(document.RootElement, "the document");
        string format = JsonReading.String(root, "format");
        if (format != FormatTag)
        {
            throw new FormatException($"\"format\" is \"{format}\" but an Electrochem circuit model has \"{FormatTag}\".");
        }

        double version = JsonReading.Number(root, "version");
        if (version != Version)
        {
            throw new FormatException($"\"version\" is {Preconditions.Format(version)}; this library reads version {Version}.");
        }

        string? name = JsonReading.OptionalString(root, "name");
        Circuit circuit = JsonReading.Circuit(JsonReading.String(root, "circuit"), custom);
        JsonElement parameters = JsonReading.Array(root, "parameters");
        int p = circuit.ParameterCount;
        if (parameters.GetArrayLength() != p)
        {
            throw new FormatException($"\"parameters\" has {parameters.GetArrayLength()} entries but {circuit} has {p} parameters ({string.Join(", ", circuit.Parameters.Select(q => q.Name))}).");
        }

        var values = new double[p];
        var initial = new double[p];
        var errors = new double[p];
        var seen = new bool[p];
        var fixedNames = new List<string>();
        int withInitial = 0, withErrors = 0;
        foreach (JsonElement entry in parameters.EnumerateArray())
        {
            JsonElement item = JsonReading.Object(entry, "a \"parameters\" entry");
            string parameterName = JsonReading.String(item, "name");
            if (!circuit.HasParameter(parameterName))
            {
                throw new FormatException($"\"{parameterName}\" is not a parameter of {circuit}; its parameters are {string.Join(", ", circuit.Parameters.Select(q => q.Name))}.");
            }

            int j = circuit.IndexOf(parameterName);
            if (seen[j])
            {
                throw new FormatException($"The parameter \"{parameterName}\" is listed twice.");
            }

            seen[j] = true;
            string unit = JsonReading.String(item, "unit");
            if (unit != circuit.Parameters[j].Unit)
            {
                throw new FormatException($"\"{parameterName}\" has unit \"{unit}\" but this library's unit for it is \"{circuit.Parameters[j].Unit}\"; convert the value first.");
            }

            values[j] = JsonReading.Number(item, "value");
            if (JsonReading.Boolean(item, "fixed"))
            {
                fixedNames.Add(parameterName);
            }

            if (item.TryGetProperty("initialValue", out _))
            {
                initial[j] = JsonReading.Number(item, "initialValue");
                withInitial++;
            }

            if (item.TryGetProperty("standardError", out _))
            {
                errors[j] = JsonReading.NumberOrNull(item, "standardError");
                withErrors++;
            }
        }

        if ((withInitial != 0 && withInitial != p) || (withErrors != 0 && withErrors != p))
        {
            throw new FormatException("\"initialValue\" and \"standardError\" must be given for every parameter or for none.");
        }

        return JsonReading.Build(() => new CircuitModel(circuit, values, fixedNames, name, withInitial == p ? initial : [], withErrors == p ? errors : []));
    }

    private static void WriteNumberOrNull(Utf8JsonWriter json, string name, double value)
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
}
