using System.Collections.Immutable;
using System.Globalization;
using Electrochem.Impedance;

namespace Electrochem.Cli.Impedance;

/// <summary>
/// Reads the <c>NAME=VALUE,...</c> lists of <c>electrochem eis fit --guess</c> and <c>--fix</c> against a circuit's
/// parameter names (impedance.py's names: <c>R0</c>, <c>CPE1_0</c>, <c>Wo1_1</c>, …).
/// </summary>
internal static class ParameterAssignments
{
    /// <summary>Parses a list such as <c>R0=0.016,CPE1_1=0.9</c>; null or empty text gives an empty dictionary.</summary>
    /// <param name="optionName">The option, for messages (e.g. <c>--guess</c>).</param>
    /// <param name="text">The option's value, or null when it was not given.</param>
    /// <param name="circuit">The circuit whose parameters are named.</param>
    /// <returns>Name → value.</returns>
    /// <exception cref="ArgumentException">An entry is not NAME=VALUE, a value is not a finite number, a name is not a parameter of the circuit, or a name is repeated.</exception>
    internal static ImmutableDictionary<string, double> Parse(string optionName, string? text, Circuit circuit)
    {
        var values = ImmutableDictionary.CreateBuilder<string, double>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(text))
        {
            return values.ToImmutable();
        }

        foreach (string entry in text.Split(',', StringSplitOptions.TrimEntries))
        {
            int equals = entry.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new ArgumentException($"{optionName}: '{entry}' is not NAME=VALUE (e.g. R0=0.016,CPE1_1=0.9).");
            }

            string name = entry[..equals].Trim();
            string number = entry[(equals + 1)..].Trim();
            if (!circuit.HasParameter(name))
            {
                throw new ArgumentException($"{optionName}: '{name}' is not a parameter of {circuit}; its parameters are {string.Join(", ", circuit.Parameters.Select(p => p.Name))}.");
            }

            if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || !double.IsFinite(value))
            {
                throw new ArgumentException($"{optionName}: the value of {name}, '{number}', is not a finite number.");
            }

            if (!values.TryAdd(name, value))
            {
                throw new ArgumentException($"{optionName}: {name} is given twice.");
            }
        }

        return values.ToImmutable();
    }
}
