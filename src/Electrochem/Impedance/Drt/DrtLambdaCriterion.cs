namespace Electrochem.Impedance.Drt;

/// <summary>
/// How λ is chosen when <see cref="DrtOptions.Lambda"/> is not given. Every criterion is evaluated on the unconstrained
/// ridge problem (its usual definition), with K = A(AᵀA + λM)⁻¹Aᵀ the influence matrix, ρ(λ) = ‖(I − K)Z‖² the residual
/// sum of squares and N the number of values fitted (2 × the frequencies for a combined Z′–Z″ fit).
/// </summary>
public enum DrtLambdaCriterion
{
    /// <summary>Generalised cross-validation (Wahba 1985): λ minimises N·ρ / (N − tr K)². The default.</summary>
    Gcv,

    /// <summary>
    /// Modified GCV (Kim and Gu 2004): λ minimises N·ρ / (N − r·tr K)² with r = 1.3 when N &lt; 50, else 2 (pyDRTtools'
    /// choice). Penalises effective parameters harder than GCV, so it picks a larger λ and a smoother DRT.
    /// </summary>
    ModifiedGcv,

    /// <summary>
    /// Robust GCV (Lukas, de Hoog and Anderssen 2016): λ minimises (ξ + (1 − ξ)·tr K²/N)·GCV with ξ = 0.2 when N &lt; 100,
    /// else 0.3 (pyDRTtools' choice). Guards against GCV's occasional collapse to a tiny λ.
    /// </summary>
    RobustGcv,

    /// <summary>
    /// The L-curve's corner (Hansen and O'Leary 1993): λ maximises the curvature of (ln ρ, ln xᵀMx) as λ varies. The
    /// criterion curve holds −curvature. pyDRTtools' L-curve score uses the standard-form formulas of a penalty M = I;
    /// this is the curvature for the actual penalty, so the two can differ.
    /// </summary>
    LCurve,

    /// <summary>
    /// The discrepancy principle (Morozov): λ makes the mean squared residual ρ/N equal the measurement noise variance σ²
    /// given in <see cref="DrtOptions.NoiseStandardDeviation"/> (required). The criterion curve holds (ln(ρ/(Nσ²)))².
    /// </summary>
    Discrepancy,
}
