namespace Electrochem.Fitting;

/// <summary>Re-expresses a parameter estimate in another unit or through exp, keeping its interval honest.</summary>
internal static class EstimateTransforms
{
    /// <summary>A linear change of unit: value, SE and interval all multiplied by a positive factor.</summary>
    internal static ParameterEstimate Scaled(this ParameterEstimate estimate, double factor, string name, string unit) =>
        estimate with
        {
            Name = name,
            Unit = unit,
            Value = estimate.Value * factor,
            StandardError = estimate.StandardError * factor,
            ConfidenceLower = estimate.ConfidenceLower * factor,
            ConfidenceUpper = estimate.ConfidenceUpper * factor,
        };

    /// <summary>
    /// exp of an estimate of a logarithm: the interval is the exact image [e^lower, e^upper] (asymmetric); the
    /// standard error is the delta-method e^value·SE.
    /// </summary>
    internal static ParameterEstimate Exponentiated(this ParameterEstimate logarithm, string name, string unit)
    {
        double value = Math.Exp(logarithm.Value);
        return logarithm with
        {
            Name = name,
            Unit = unit,
            Value = value,
            StandardError = value * logarithm.StandardError,
            ConfidenceLower = Math.Exp(logarithm.ConfidenceLower),
            ConfidenceUpper = Math.Exp(logarithm.ConfidenceUpper),
        };
    }

    /// <summary>exp of a prediction of a logarithm, intervals mapped exactly, SE by the delta method.</summary>
    internal static Prediction Exponentiated(this Prediction logarithm)
    {
        double value = Math.Exp(logarithm.Value);
        return new Prediction(value, value * logarithm.StandardError, Math.Exp(logarithm.ConfidenceLower), Math.Exp(logarithm.ConfidenceUpper),
            Math.Exp(logarithm.PredictionLower), Math.Exp(logarithm.PredictionUpper), logarithm.Level);
    }
}
