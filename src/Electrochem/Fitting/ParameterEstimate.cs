namespace Electrochem.Fitting;

/// <summary>
/// A fitted parameter: its value, standard error and two-sided confidence interval at
/// <see cref="FitResult.ConfidenceLevel"/>, computed as value ± t(ν, (1+level)/2)·SE with ν the residual degrees of
/// freedom — or value ± z((1+level)/2)·SE when the fit's weights are absolute (known σ: the covariance is not rescaled
/// by χ²/ν, so the estimate is normal, not t-distributed). Units are those of the parameter's definition.
/// </summary>
/// <param name="Name">Parameter name.</param>
/// <param name="Unit">Unit of <paramref name="Value"/>, <paramref name="StandardError"/> and the interval.</param>
/// <param name="Value">Best estimate.</param>
/// <param name="StandardError">Standard error from the covariance matrix; 0 when held fixed; NaN when not defined (no residual degrees of freedom, at a bound, singular fit).</param>
/// <param name="ConfidenceLower">Lower end of the confidence interval.</param>
/// <param name="ConfidenceUpper">Upper end of the confidence interval.</param>
/// <param name="IsFixed">True when the parameter was held at its starting value.</param>
/// <param name="Bound">Whether the estimate ended at a bound.</param>
public readonly record struct ParameterEstimate(
    string Name,
    string Unit,
    double Value,
    double StandardError,
    double ConfidenceLower,
    double ConfidenceUpper,
    bool IsFixed,
    BoundState Bound)
{
    /// <summary>
    /// The estimate for a person: <c>0.2542 ± 0.0026 eV</c> (value ± SE, SE to two significant digits), <c>(held)</c> when
    /// fixed, and the bound when the estimate sits at one. Invariant culture; the interval is in
    /// <see cref="ConfidenceLower"/> and <see cref="ConfidenceUpper"/>.
    /// </summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        string unit = Unit.Length == 0 ? string.Empty : " " + Unit;
        return IsFixed ? $"{UncertaintyText.Compact(Value)}{unit} (held)"
            : Bound == BoundState.AtLowerBound ? $"{UncertaintyText.Compact(Value)}{unit} (at its lower bound; no standard error)"
            : Bound == BoundState.AtUpperBound ? $"{UncertaintyText.Compact(Value)}{unit} (at its upper bound; no standard error)"
            : $"{UncertaintyText.WithUncertainty(Value, StandardError)}{unit}";
    }

    /// <summary>Relative standard error |SE/value| (∞ when the value is 0 and the SE is not).</summary>
    public double RelativeStandardError => StandardError == 0 ? 0 : Math.Abs(StandardError / Value);

    /// <summary>
    /// The estimate in another unit: value, standard error and interval all multiplied by a positive factor
    /// (e.g. V/decade → mV/decade with 1000, eV → kJ/mol with F/1000).
    /// </summary>
    /// <param name="factor">The conversion factor, &gt; 0.</param>
    /// <param name="name">Name of the converted quantity.</param>
    /// <param name="unit">Its unit.</param>
    /// <returns>The converted estimate.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The factor is not positive and finite.</exception>
    public ParameterEstimate Scaled(double factor, string name, string unit)
    {
        Preconditions.CheckPositive(factor);
        return this with
        {
            Name = name,
            Unit = unit,
            Value = Value * factor,
            StandardError = StandardError * factor,
            ConfidenceLower = ConfidenceLower * factor,
            ConfidenceUpper = ConfidenceUpper * factor,
        };
    }

    /// <summary>
    /// exp of an estimate of a logarithm (ln A → A, ln i₀ → i₀): the interval is the exact image [e^lower, e^upper],
    /// so it is asymmetric; the standard error is the delta-method e^value·SE.
    /// </summary>
    /// <param name="name">Name of the exponentiated quantity.</param>
    /// <param name="unit">Its unit.</param>
    /// <returns>The exponentiated estimate.</returns>
    public ParameterEstimate Exponentiated(string name, string unit)
    {
        double value = Math.Exp(Value);
        return this with
        {
            Name = name,
            Unit = unit,
            Value = value,
            StandardError = value * StandardError,
            ConfidenceLower = Math.Exp(ConfidenceLower),
            ConfidenceUpper = Math.Exp(ConfidenceUpper),
        };
    }
}
