namespace Electrochem.Fitting;

/// <summary>Maps a log-space prediction back through exp, keeping its intervals honest.</summary>
internal static class EstimateTransforms
{
    /// <summary>exp of a prediction of a logarithm, intervals mapped exactly, SE by the delta method.</summary>
    internal static Prediction Exponentiated(this Prediction logarithm)
    {
        double value = Math.Exp(logarithm.Value);
        return new Prediction(value, value * logarithm.StandardError, Math.Exp(logarithm.ConfidenceLower), Math.Exp(logarithm.ConfidenceUpper),
            Math.Exp(logarithm.PredictionLower), Math.Exp(logarithm.PredictionUpper), logarithm.Level);
    }
}
