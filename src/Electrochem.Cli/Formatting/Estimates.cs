using Electrochem.Fitting;

namespace Electrochem.Cli.Formatting;

/// <summary>Re-expressions of a fitted parameter for reports: in another unit, or through exp with its exact interval.</summary>
internal static class Estimates
{
    /// <summary>The estimate times a positive factor (value, SE and interval), in a new unit, e.g. V/decade → mV/decade.</summary>
    internal static ParameterEstimate Scaled(ParameterEstimate estimate, double factor, string unit) => estimate with
    {
        Unit = unit,
        Value = estimate.Value * factor,
        StandardError = estimate.StandardError * factor,
        ConfidenceLower = estimate.ConfidenceLower * factor,
        ConfidenceUpper = estimate.ConfidenceUpper * factor,
    };

    /// <summary>
    /// exp of a log-space estimate (e.g. ln i₀ → i₀): the interval is the exact image [e^lower, e^upper], the SE the
    /// delta-method e^value·SE.
    /// </summary>
    internal static ParameterEstimate Exponentiated(ParameterEstimate logEstimate, string name, string unit)
    {
        double value = Math.Exp(logEstimate.Value);
        return logEstimate with
        {
            Name = name,
            Unit = unit,
            Value = value,
            StandardError = value * logEstimate.StandardError,
            ConfidenceLower = Math.Exp(logEstimate.ConfidenceLower),
            ConfidenceUpper = Math.Exp(logEstimate.ConfidenceUpper),
        };
    }
}
