namespace Electrochem.Fitting;

/// <summary>
/// A fitted parameter: its value, standard error and two-sided confidence interval at
/// <see cref="FitResult.ConfidenceLevel"/>, computed as value ± t(ν, (1+level)/2)·SE with ν the residual degrees of
/// freedom. Units are those of the parameter's definition.
/// </summary>
/// <param name="Name">Parameter name.</param>
/// <param name="Unit">Unit of <paramref name="Value"/>, <paramref name="StandardError"/> and the interval.</param>
/// <param name="Value">Best estimate.</param>
/// <param name="StandardError">Standard error from the covariance matrix; 0 when held fixed; NaN when not defined (no residual degrees of freedom, at a bound, singular fit).</param>
/// <param name="ConfidenceLower">Lower end of the confidence interval.</param>
/// <param name="ConfidenceUpper">Upper end of the confidence interval.</param>
/// <param name="IsFixed">True when the parameter was held at its starting value.</param>
/// <param name="Bound">Whether the estimate ended at a bound.</param>
public sealed record ParameterEstimate(
    string Name,
    string Unit,
    double Value,
    double StandardError,
    double ConfidenceLower,
    double ConfidenceUpper,
    bool IsFixed,
    BoundState Bound)
{
    /// <summary>Relative standard error |SE/value| (∞ when the value is 0 and the SE is not).</summary>
    public double RelativeStandardError => StandardError == 0 ? 0 : Math.Abs(StandardError / Value);
}
