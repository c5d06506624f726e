using System.Globalization;

namespace Electrochem;

/// <summary>
/// Numbers for people, in invariant culture: significant digits, value ± u with u to two significant digits and the
/// value to the same decimal place (a common power of ten factored out for very small or large values), intervals to
/// the same precision. Used by <see cref="Measurement.ToString"/>, <see cref="Fitting.ParameterEstimate.ToString"/>
/// and the command line.
/// </summary>
internal static class UncertaintyText
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

    /// <summary>A value in at most six significant digits without trailing zeros: <c>0.5</c>, <c>2901.73</c>, <c>9.62808e-8</c>.</summary>
    internal static string Compact(double value)
    {
        string text = value.ToString("G6", Invariant);
        int e = text.IndexOf('E', StringComparison.Ordinal);
        return e < 0 ? text : string.Concat(text.AsSpan(0, e), "e", int.Parse(text.AsSpan(e + 1), NumberStyles.AllowLeadingSign, Invariant).ToString(Invariant));
    }

    /// <summary><c>0.2412 ± 0.0051</c>, <c>(3.580 ± 0.091)e-4</c>; <c>x (exact)</c> for u = 0, <c>x ± n/a</c> when u is not a finite positive number.</summary>
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
            return $"[{Significant(lower)}, {Significant(upper)}]";
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
}
