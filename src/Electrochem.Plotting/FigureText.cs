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
        // Rounded first, so that 99 996 at three digits is 1.00×10⁵ rather than 100000; then the core's layout,
        // rewritten for a figure as WithUncertainty is.
        if (double.IsFinite(value) && value != 0)
        {
            double scale = Math.Pow(10, Math.Floor(Math.Log10(Math.Abs(value))) - digits + 1);
            value = Math.Round(value / scale) * scale;
        }

        string text = UncertaintyText.Significant(value, digits);
        int power = text.IndexOf('e', StringComparison.Ordinal);
        return power < 0
            ? Minus(text)
            : Minus(text[..power]) + "×" + FigureBuilder.PowerOfTen(int.Parse(text.AsSpan(power + 1), NumberStyles.AllowLeadingSign, Invariant));
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
