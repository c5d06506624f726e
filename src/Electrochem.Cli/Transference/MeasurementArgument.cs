using System.CommandLine;
using System.Globalization;
using Electrochem.Transport;

namespace Electrochem.Cli.Transference;

/// <summary>
/// An option value written as a number with an optional standard uncertainty: <c>300</c>, <c>300±3</c>,
/// <c>300+-3</c> or <c>300+/-3</c> (invariant culture).
/// </summary>
internal static class MeasurementArgument
{
    private static readonly string[] Separators = ["±", "+/-", "+-"];

    /// <summary>Parses the text, or returns false when it is not a number with an optional non-negative uncertainty.</summary>
    internal static bool TryParse(string text, out Measurement measurement)
    {
        measurement = default;
        string[] parts = text.Split(Separators, StringSplitOptions.None);
        if (parts.Length > 2 || !double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || !double.IsFinite(value))
        {
            return false;
        }

        double uncertainty = 0;
        if (parts.Length == 2 && (!double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out uncertainty) || !(uncertainty >= 0) || !double.IsFinite(uncertainty)))
        {
            return false;
        }

        measurement = new Measurement(value, uncertainty);
        return true;
    }

    /// <summary>A string option whose value must parse as a measurement; a usage error otherwise.</summary>
    internal static Option<string?> Option(string name, string description)
    {
        var option = new Option<string?>(name) { Description = description };
        option.Validators.Add(result =>
        {
            string? text = result.GetValueOrDefault<string?>();
            if (text is not null && !TryParse(text, out _))
            {
                result.AddError($"{name} '{text}' must be a number with an optional standard uncertainty, e.g. 300 or 300±3 (also 300+-3).");
            }
        });
        return option;
    }

    /// <summary>The parsed value of an option that passed its validator, or null when absent.</summary>
    internal static Measurement? Value(ParseResult parse, Option<string?> option) =>
        parse.GetValue(option) is { } text && TryParse(text, out Measurement m) ? m : null;
}
