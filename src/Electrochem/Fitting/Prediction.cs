namespace Electrochem.Fitting;

/// <summary>
/// A fitted model's prediction at one point with its uncertainty. The confidence interval bounds the mean
/// response (uncertainty of the fitted curve); the prediction interval bounds a new single observation
/// (curve uncertainty plus the scatter of the data), so it is always at least as wide.
/// </summary>
/// <param name="Value">Predicted value.</param>
/// <param name="StandardError">Standard error of the predicted mean response.</param>
/// <param name="ConfidenceLower">Lower end of the confidence interval of the mean response.</param>
/// <param name="ConfidenceUpper">Upper end of the confidence interval of the mean response.</param>
/// <param name="PredictionLower">Lower end of the prediction interval for a new observation.</param>
/// <param name="PredictionUpper">Upper end of the prediction interval for a new observation.</param>
/// <param name="Level">Confidence level of both intervals, e.g. 0.95.</param>
public sealed record Prediction(
    double Value,
    double StandardError,
    double ConfidenceLower,
    double ConfidenceUpper,
    double PredictionLower,
    double PredictionUpper,
    double Level);
