using System.Globalization;
using Electrochem.Fitting;

namespace Electrochem.Cli.Formatting;

/// <summary>Number formatting for people: significant digits, value ± uncertainty to the uncertainty's precision, intervals. Invariant culture.</summary>
internal static class Numbers
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>A value to a number of significant digits; scientific (e.g. <c>3.60e-4</c>) below 0.01 or from 10⁵.</summary>
    internal static string Significant(double value, int digits = 4)
    {
        if (!double.IsFinite(value))
        {
            return double.IsNaN(value) ? "n/a" : value > 0 ? "∞" : "-∞";
        }

        if (value == 0)
        {
            return "0";
        }

        int exponent = (int)Math.Floor(Math.Log10(Math.Abs(value)));
        if (exponent < -2 || exponent >= 5)
        {
            double mantissa = value / Math.Pow(10, exponent);
            string m = mantissa.ToString("F" + (digits - 1).ToString(Invariant), Invariant);
            if (m.StartsWith("10", StringComparison.Ordinal) || m.StartsWith("-10", StringComparison.Ordinal))
            {
                exponent++;
                m = (mantissa / 10).ToString("F" + (digits - 1).ToString(Invariant), Invariant);
            }

            return m + "e" + exponent.ToString(Invariant);
        }

        int decimals = Math.Clamp(digits - 1 - exponent, 0, 12);
        return value.ToString("F" + decimals.ToString(Invariant), Invariant);
    }

    /// <summary>
    /// value ± u with u to two significant digits and the value to the same decimal place, a common power of ten
    /// factored out for very small or large values: <c>0.2412 ± 0.0051</c>, <c>(3.580 ± 0.091)e-4</c>.
    /// </summary>
    internal static string WithUncertainty(double value, double uncertainty)
    {
        if (!TryLayout(value, uncertainty, out int exponent, out string format))
        {
            return Significant(value) + (uncertainty == 0 ? " (exact)" : " ± n/a");
        }

        double scale = Math.Pow(10, exponent);
        string pair = $"{(value / scale).ToString(format, Invariant)} ± {(uncertainty / scale).ToString(format, Invariant)}";
        return exponent == 0 ? pair : $"({pair})e{exponent.ToString(Invariant)}";
    }

    /// <summary>An interval written to the precision <see cref="WithUncertainty"/> uses for the same value and u: <c>[0.2304, 0.2419]</c>, <c>[3.577, 3.701]e-4</c>.</summary>
    internal static string IntervalLike(double value, double uncertainty, double lower, double upper)
    {
        if (!TryLayout(value, uncertainty, out int exponent, out string format))
        {
            return Interval(lower, upper);
        }

        double scale = Math.Pow(10, exponent);
        string pair = $"[{(lower / scale).ToString(format, Invariant)}, {(upper / scale).ToString(format, Invariant)}]";
        return exponent == 0 ? pair : pair + "e" + exponent.ToString(Invariant);
    }

    /// <summary>
    /// The power of ten to factor out (0 unless the larger of |value| and u is below 0.01 or from 10⁵) and the fixed
    /// format that shows u to two significant digits.
    /// </summary>
    private static bool TryLayout(double value, double uncertainty, out int exponent, out string format)
    {
        exponent = 0;
        format = string.Empty;
        if (!double.IsFinite(value) || !double.IsFinite(uncertainty) || uncertainty <= 0)
        {
            return false;
        }

        int place = (int)Math.Floor(Math.Log10(uncertainty)) - 1;
        int magnitude = (int)Math.Floor(Math.Log10(Math.Max(Math.Abs(value), uncertainty)));
        exponent = magnitude < -2 || magnitude >= 5 ? magnitude : 0;
        format = "F" + Math.Clamp(exponent - place, 0, 12).ToString(Invariant);
        return true;
    }

    /// <summary>An interval <c>[lower, upper]</c> to four significant digits.</summary>
    internal static string Interval(double lower, double upper) => $"[{Significant(lower)}, {Significant(upper)}]";

    /// <summary>A confidence level as a percentage, e.g. <c>95%</c>.</summary>
    internal static string Percent(double level) => (level * 100).ToString("0.##", Invariant) + "%";

    /// <summary>An estimate as <c>value ± SE unit, 95% CI [lower, upper]</c>.</summary>
    internal static string Estimate(ParameterEstimate estimate, double level, string unit) =>
        $"{WithUncertainty(estimate.Value, estimate.StandardError)} {unit}, {Percent(level)} CI {IntervalLike(estimate.Value, estimate.StandardError, estimate.ConfidenceLower, estimate.ConfidenceUpper)}";
}
