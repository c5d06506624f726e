using System.Globalization;

namespace Electrochem.Cli.Formatting;

/// <summary>
/// Command-line values that carry their unit — <c>10um</c>, <c>5 µm</c>, <c>1e-5m</c>, <c>3.0mg</c>, <c>1.54cm2</c> —
/// converted to SI. A number without a unit is refused: a bare <c>10</c> could mean metres or micrometres, and a
/// diffusion coefficient from the wrong one is off by 10¹².
/// </summary>
internal static class QuantityText
{
    private static readonly (string Unit, double Scale)[] Lengths = [("nm", 1e-9), ("um", 1e-6), ("µm", 1e-6), ("μm", 1e-6), ("mm", 1e-3), ("cm", 1e-2), ("m", 1)];
    private static readonly (string Unit, double Scale)[] Masses = [("ug", 1e-6), ("µg", 1e-6), ("μg", 1e-6), ("mg", 1e-3), ("kg", 1e3), ("g", 1)];
    private static readonly (string Unit, double Scale)[] Areas = [("mm2", 1e-6), ("mm²", 1e-6), ("cm2", 1e-4), ("cm²", 1e-4), ("m2", 1), ("m²", 1)];

    /// <summary>A length in metres.</summary>
    internal static double Metres(string text, string option) => Parse(text, option, Lengths, "a length with its unit, such as 10um, 5 µm, 0.5mm or 1e-5m");

    /// <summary>A mass in grams.</summary>
    internal static double Grams(string text, string option) => Parse(text, option, Masses, "a mass with its unit, such as 3.0mg or 0.003g");

    /// <summary>An area in m².</summary>
    internal static double SquareMetres(string text, string option) => Parse(text, option, Areas, "an area with its unit, such as 1.54cm2 or 154mm2");

    private static double Parse(string text, string option, (string Unit, double Scale)[] units, string expected)
    {
        string t = text.Trim();
        foreach ((string unit, double scale) in units)
        {
            if (t.EndsWith(unit, StringComparison.Ordinal)
                && double.TryParse(t.AsSpan(0, t.Length - unit.Length).Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out double value)
                && double.IsFinite(value) && value > 0)
            {
                return value * scale;
            }
        }

        throw new ArgumentException($"{option} is '{text}'; expected {expected} (a positive number; a number without a unit is refused).");
    }
}
