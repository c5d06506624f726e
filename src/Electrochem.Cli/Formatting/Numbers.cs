using System.Globalization;
using Electrochem.Fitting;

namespace Electrochem.Cli.Formatting;

/// <summary>Number formatting for people: significant digits, value ± uncertainty to the uncertainty's precision, intervals. Invariant culture.</summary>
internal static class Numbers
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>A value to a number of significant digits; scientific (e.g. <c>3.60e-4</c>) below 0.01 or from 10⁵.</summary>
    internal static string Significant(double value, int digits = 4) => UncertaintyText.Significant(value, digits);

    /// <summary>
    /// value ± u with u to two significant digits and the value to the same decimal place, a common power of ten
    /// factored out for very small or large values: <c>0.2412 ± 0.0051</c>, <c>(3.580 ± 0.091)e-4</c>.
    /// </summary>
    internal static string WithUncertainty(double value, double uncertainty) => UncertaintyText.WithUncertainty(value, uncertainty);

    /// <summary>An interval written to the precision <see cref="WithUncertainty"/> uses for the same value and u: <c>[0.2304, 0.2419]</c>, <c>[3.577, 3.701]e-4</c>.</summary>
    internal static string IntervalLike(double value, double uncertainty, double lower, double upper) => UncertaintyText.IntervalLike(value, uncertainty, lower, upper);

    /// <summary>An interval <c>[lower, upper]</c> to four significant digits.</summary>
    internal static string Interval(double lower, double upper) => $"[{Significant(lower)}, {Significant(upper)}]";

    /// <summary>A confidence level as a percentage, e.g. <c>95%</c>.</summary>
    internal static string Percent(double level) => (level * 100).ToString("0.##", Invariant) + "%";

    /// <summary>An estimate as <c>value ± SE unit, 95% CI [lower, upper]</c>.</summary>
    internal static string Estimate(ParameterEstimate estimate, double level, string unit) =>
        $"{WithUncertainty(estimate.Value, estimate.StandardError)} {unit}, {Percent(level)} CI {IntervalLike(estimate.Value, estimate.StandardError, estimate.ConfidenceLower, estimate.ConfidenceUpper)}";
}
