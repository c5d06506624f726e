namespace Electrochem.Impedance.Drt;

/// <summary>How λ is chosen when <see cref="DrtOptions.Lambda"/> is not given.</summary>
public enum DrtLambdaCriterion
{
    /// <summary>
    /// Generalised cross-validation (Wahba): λ minimises N·‖(I − K)Z‖² / (N − tr K)², with K = A(AᵀA + λM)⁻¹Aᵀ the
    /// influence matrix of the unconstrained ridge problem and N = 2 × the number of frequencies (Z′ and Z″ stacked).
    /// </summary>
    Gcv,
}
