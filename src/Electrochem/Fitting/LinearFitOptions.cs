namespace Electrochem.Fitting;

/// <summary>Options of a linear least-squares fit. Change one with <c>with</c>.</summary>
/// <param name="ConfidenceLevel">Level of the reported confidence intervals, strictly between 0 and 1 (default 0.95).</param>
/// <param name="WeightsAreAbsolute">
/// False (default): weights are relative, and the covariance is scaled by χ²/ν so the scatter of the data sets the
/// uncertainty. True: weights are 1/σᵢ² of known measurement errors and the covariance is (XᵀWX)⁻¹ unscaled.
/// </param>
public sealed record LinearFitOptions(double ConfidenceLevel = 0.95, bool WeightsAreAbsolute = false)
{
    /// <summary>The defaults: 95 % intervals, relative weights.</summary>
    public static LinearFitOptions Default { get; } = new();

    internal void Validate() => Preconditions.CheckOpenUnitInterval(ConfidenceLevel, nameof(ConfidenceLevel));
}
