namespace Electrochem.Fitting;

/// <summary>Whether a fit converged and, if not, why. <see cref="FitResult.StatusReason"/> says it in words.</summary>
public enum FitStatus
{
    /// <summary>A convergence criterion was met with every free parameter inside its bounds; the uncertainties are usable.</summary>
    Converged,

    /// <summary>The iteration limit was reached before any convergence criterion was met.</summary>
    IterationLimitReached,

    /// <summary>
    /// The Jacobian (or design matrix) is rank-deficient at the solution: some parameter combination is not
    /// determined by the data, so the covariance does not exist.
    /// </summary>
    SingularJacobian,

    /// <summary>The model returned NaN or ±∞ at the starting point, or at every step tried from the last point.</summary>
    NonFiniteModelValue,

    /// <summary>
    /// A parameter ended at one of its bounds: the best fit lies outside the allowed range, and the standard
    /// errors are conditional on that parameter being held there.
    /// </summary>
    ParameterAtBound,

    /// <summary>No step reduced χ², however strongly damped, while the gradient was not yet small.</summary>
    NoFurtherProgress,

    /// <summary>
    /// A free parameter ran away: it moved more than 10⁴-fold from its start with no usable standard error (SE not
    /// finite or above 100 × its value). The data do not determine it — usually an element the spectrum does not show —
    /// and the other parameters' values are not to be trusted either; the reason names it and what to try.
    /// </summary>
    ParameterDiverged,
}
