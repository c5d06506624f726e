using System.Text;
using Electrochem.Impedance;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Electrochem.Tests.Hardening;

/// <summary>Seeded fuzzing of the circuit grammar and the JSON model readers: documented errors only, on any input.</summary>
public sealed class GrammarFuzzTests
{
    private static readonly string[] Tokens = ["p(", ")", ",", "-", "R", "C", "L", "W", "Wo", "Ws", "CPE", "Zarc", "K", "La", "G", "Gs", "T", "TLMQ", "0", "1", "_", " ", "p", "((", "))", "9999999999", "\"", "é", "\t"];

    [Property(MaxTest = 3000)]
    public Property Any_circuit_string_parses_or_says_where_it_is_wrong(int seed)
    {
        var random = new Random(seed);
        var text = new StringBuilder();
        for (int k = 0, n = random.Next(40); k < n; k++)
        {
            text.Append(Tokens[random.Next(Tokens.Length)]);
        }

        string circuit = text.ToString();
        bool parsed = Circuit.TryParse(circuit, out Circuit? c, out CircuitFormatException? error);
        return (parsed ? c is not null && Circuit.Parse(c.ToString()).ToString() == c.ToString() : error is not null && error.Position >= 0 && error.Position <= circuit.Length)
            .Label($"'{circuit}'");
    }

    [Property(MaxTest = 2000)]
    public Property Mutated_model_json_reads_or_throws_a_format_exception(int seed)
    {
        var random = new Random(seed);
        var model = new CircuitModel(Circuit.Parse("R0-p(R1,CPE1)-Wo1"), [0.01, 0.1, 1e-3, 0.9, 0.02, 200], ["R0"], "fuzz", [0.011, 0.12, 1.1e-3, 0.88, 0.021, 210], [0, 1e-3, 1e-5, 0.01, 1e-3, 5]);
        char[] json = (random.Next(2) == 0 ? model.ToJson() : model.ToJson(indented: false)).ToCharArray();
        const string Alphabet = "{}[]\":,0123456789.eE-+ntrufalsNI ";
        for (int k = 0, n = 1 + random.Next(6); k < n; k++)
        {
            int at = random.Next(json.Length);
            json[at] = Alphabet[random.Next(Alphabet.Length)];
        }

        string text = new(json);
        try
        {
            CircuitModel back = CircuitModel.FromJson(text);
            return back.Values.All(double.IsFinite).Label("a model read back has finite values");
        }
        catch (FormatException)
        {
            return true.ToProperty();
        }
    }
}
