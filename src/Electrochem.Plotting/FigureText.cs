using System.Globalization;
using Electrochem.Fitting;

namespace Electrochem.Plotting;

/// <summary>
/// Numbers as a figure shows them, in invariant culture: a few significant digits, powers of ten written ×10ⁿ with
/// superscripts (not e-notation), value ± u with u to two significant digits and the value to the same decimal place.
/// </summary>
internal static class FigureText
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>A value to <paramref name="digits"/> significant digits; ×10ⁿ below 0.01 or from 10⁵.</summary>
    internal static string Number(double value, int digits = 3)
    {
        if (!double.IsFinite(value))
        {
            return double.IsNaN(value) ? "n/a" : value > 0 ? "∞" : "−∞";
        }

        if (value == 0)
        {
            return "0";
        }

        int exponent = (int)Math.Floor(Math.Log10(Math.Abs(value)));
        double scale = Math.Pow(10, exponent - digits + 1);
        value = Math.Round(value / scale) * scale;
        exponent = (int)Math.Floor(Math.Log10(Math.Abs(value)));
        if (exponent < -2 || exponent >= 5)
        {
            double mantissa = value / Math.Pow(10, exponent);
            string m = mantissa.ToString("F" + (digits - 1).ToString(Invariant), Invariant);
            if (m.StartsWith("10", StringComparison.Ordinal) || m.StartsWith("-10", StringComparison.Ordinal))
            {
                exponent++;
                m = (mantissa / 10).ToString("F" + (digits - 1).ToString(Invariant), Invariant);
            }

            return Minus(m) + "×" + FigureBuilder.PowerOfTen(exponent);
        }

        int decimals = Math.Clamp(digits - 1 - exponent, 0, 12);
        return Minus(value.ToString("F" + decimals.ToString(Invariant), Invariant));
    }

    /// <summary><c>0.452 ± 0.010</c>, <c>(3.58 ± 0.09)×10⁻⁴</c>; the value alone when u is not a finite positive number, or (to six digits) when u is below 10⁻⁹ of it.</summary>
    internal static string WithUncertainty(double value, double uncertainty)
    {
        if (!double.IsFinite(value) || !double.IsFinite(uncertainty) || uncertainty <= 0 || uncertainty < 1e-9 * Math.Abs(value))
        {
            return Number(value, uncertainty > 0 ? 6 : 3);
        }

        // The core's layout (u to two significant digits, the value to the same place, a common power of ten factored
        // out), rewritten for a figure: ×10ⁿ in superscript instead of e-notation, and the typographic minus.
        string text = UncertaintyText.WithUncertainty(value, uncertainty);
        int power = text.LastIndexOf(")e", StringComparison.Ordinal);
        return power < 0
            ? Minus(text)
            : text[..(power + 1)].Replace("(-", "(−", StringComparison.Ordinal) + "×" + FigureBuilder.PowerOfTen(int.Parse(text.AsSpan(power + 2), NumberStyles.AllowLeadingSign, Invariant));
    }

    /// <summary>An estimate as value ± SE with its unit (when it has one); "(held)" when it was held fixed.</summary>
    internal static string Estimate(ParameterEstimate estimate, string unit)
    {
        string text = estimate.IsFixed ? Minus(estimate.Value.ToString("G6", Invariant)) + " (held)" : WithUncertainty(estimate.Value, estimate.StandardError);
        return unit.Length == 0 ? text : text + " " + unit;
    }

    /// <summary>A confidence level as "95 %".</summary>
    internal static string Percent(double level) => string.Create(Invariant, $"{level * 100:0.#} %");

    /// <summary>The typographic minus sign in place of the hyphen.</summary>
    private static string Minus(string text) => text.StartsWith('-') ? "−" + text[1..] : text;
}
