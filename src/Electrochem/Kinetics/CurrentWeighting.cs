namespace Electrochem.Kinetics;

/// <summary>
/// How a kinetics fit weighs current residuals when no standard uncertainties are given. Current noise in polarisation
/// data is mostly relative (a few per cent of the reading, across decades of current), and an unweighted fit then
/// reports standard errors about half the true spread (its 95 % intervals cover 60–80 %).
/// </summary>
public enum CurrentWeighting
{
    /// <summary>
    /// Relative noise (the default): iteratively reweighted least squares with weights wᵢ = 1/(îᵢ² + (ε·max|i|)²), îᵢ
    /// the model's current at the previous estimates and ε the options' floor, starting from an unweighted fit. Residual
    /// scale estimated from the fit (χ²/ν), so the intervals are t-intervals.
    /// </summary>
    Relative,

    /// <summary>Equal weights: the right choice only when the noise is a constant current (e.g. an instrument floor dominates).</summary>
    Unit,
}
