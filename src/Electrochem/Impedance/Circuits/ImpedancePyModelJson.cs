using System.Text;
using System.Text.Json;

namespace Electrochem.Impedance;

/// <summary>
/// impedance.py's model file (<c>BaseCircuit.save</c>/<c>load</c> in impedance/models/circuits/circuits.py): keys
/// "Name", "Circuit String", "Initial Guess", "Constants", "Fit", and when "Fit" is true "Parameters" and "Confidence".
/// The lists hold the free (non-constant) parameters in circuit order.
/// </summary>
internal static class ImpedancePyModelJson
{
    internal static string Write(CircuitModel model)
    {
        Circuit circuit = model.Circuit;
        int[] free = [.. Enumerable.Range(0, circuit.ParameterCount).Where(j => !model.IsFixed(circuit.Parameters[j].Name))];
        IReadOnlyList<double> initial = model.InitialValues.IsEmpty ? model.Values : model.InitialValues;
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            if (model.Name is null)
            {
                json.WriteNull("Name");
            }
            else
            {
                json.WriteString("Name", model.Name);
            }

            json.WriteString("Circuit String", circuit.ToString());
            WriteList(json, "Initial Guess", free.Select(j => initial[j]));
            json.WriteStartObject("Constants");
            foreach (string name in model.FixedParameters)
            {
                json.WriteNumber(name, model[name]);
            }

            json.WriteEndObject();
            json.WriteBoolean("Fit", model.IsFitted);
            if (model.IsFitted)
            {
                WriteList(json, "Parameters", free.Select(j => model.Values[j]));
                json.WriteStartArray("Confidence");
                foreach (int j in free)
                {
                    double error = model.StandardErrors[j];
                    if (double.IsFinite(error))
                    {
                        json.WriteNumberValue(error);
                    }
                    else
                    {
                        json.WriteNullValue();
                    }
                }

                json.WriteEndArray();
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    internal static CircuitModel Read(string json, IReadOnlyCollection<CustomElement> custom)
    {
        ArgumentNullException.ThrowIfNull(json);
        using JsonDocument document = JsonReading.Parse(json);
        JsonElement root = JsonReading.Object(document.RootElement, "the document");
        string? name = JsonReading.OptionalString(root, "Name");
        Circuit circuit = JsonReading.Circuit(JsonReading.String(root, "Circuit String"), custom);
        int p = circuit.ParameterCount;
        JsonElement constants = JsonReading.Object(JsonReading.Member(root, "Constants"), "\"Constants\"");
        var isFixed = new bool[p];
        var constantValues = new double[p];
        foreach (JsonProperty constant in constants.EnumerateObject())
        {
            if (!circuit.HasParameter(constant.Name))
            {
                throw new FormatException($"The constant \"{constant.Name}\" is not a parameter of {circuit}; its parameters are {string.Join(", ", circuit.Parameters.Select(q => q.Name))}.");
            }

            int j = circuit.IndexOf(constant.Name);
            isFixed[j] = true;
            constantValues[j] = JsonReading.NumberValue(constant.Value, $"the constant \"{constant.Name}\"");
        }

        int freeCount = isFixed.Count(f => !f);
        double[] initialFree = JsonReading.Numbers(root, "Initial Guess");
        CheckCount(initialFree.Length, freeCount, "Initial Guess", circuit, isFixed.Count(f => f));
        double[] initial = Merge(initialFree, constantValues, isFixed);
        string[] fixedNames = [.. circuit.Parameters.Where((_, j) => isFixed[j]).Select(q => q.Name)];
        if (!JsonReading.Boolean(root, "Fit"))
        {
            return JsonReading.Build(() => new CircuitModel(circuit, initial, fixedNames, name));
        }

        double[] fittedFree = JsonReading.Numbers(root, "Parameters");
        CheckCount(fittedFree.Length, freeCount, "Parameters", circuit, isFixed.Count(f => f));
        JsonElement confidence = JsonReading.Array(root, "Confidence");
        double[] errorsFree = [.. confidence.EnumerateArray().Select((v, i) => v.ValueKind == JsonValueKind.Null ? double.NaN : JsonReading.NumberValue(v, $"\"Confidence\"[{i}]"))];
        CheckCount(errorsFree.Length, freeCount, "Confidence", circuit, isFixed.Count(f => f));
        double[] values = Merge(fittedFree, constantValues, isFixed);
        double[] errors = Merge(errorsFree, new double[p], isFixed);
        return JsonReading.Build(() => new CircuitModel(circuit, values, fixedNames, name, initial, errors));
    }

    private static double[] Merge(double[] free, double[] constants, bool[] isFixed)
    {
        var all = new double[isFixed.Length];
        int next = 0;
        for (int j = 0; j < all.Length; j++)
        {
            all[j] = isFixed[j] ? constants[j] : free[next++];
        }

        return all;
    }

    private static void CheckCount(int actual, int expected, string key, Circuit circuit, int constants)
    {
        if (actual != expected)
        {
            throw new FormatException(
                $"\"{key}\" has {actual} values but {circuit} has {circuit.ParameterCount} parameters of which {constants} are constants, so {expected} are expected.");
        }
    }

    private static void WriteList(Utf8JsonWriter json, string name, IEnumerable<double> values)
    {
        json.WriteStartArray(name);
        foreach (double value in values)
        {
            json.WriteNumberValue(value);
        }

        json.WriteEndArray();
    }
}
