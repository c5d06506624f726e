using System.Collections.Immutable;

namespace Electrochem.Fitting;

/// <summary>Options of a Levenberg–Marquardt fit. Change one with <c>with</c>.</summary>
/// <remarks>
/// The fit stops as converged when any of: χ² = 0; the largest cosine between the residual vector and a Jacobian
/// column is at most <see cref="GradientTolerance"/>; an accepted step lowers χ² by at most
/// <see cref="FunctionTolerance"/>·χ²; the step length is at most <see cref="ParameterTolerance"/>·(‖θ‖ + ParameterTolerance).
/// </remarks>
public sealed record NonlinearFitOptions
{
    /// <summary>The defaults.</summary>
    public static NonlinearFitOptions Default { get; } = new();

    /// <summary>Level of the reported confidence intervals, strictly between 0 and 1. Default 0.95.</summary>
    public double ConfidenceLevel { get; init; } = 0.95;

    /// <summary>See <see cref="LinearFitOptions.WeightsAreAbsolute"/>. Default false (relative weights).</summary>
    public bool WeightsAreAbsolute { get; init; }

    /// <summary>Most iterations (accepted or rejected trial steps) before giving up. Default 500.</summary>
    public int MaxIterations { get; init; } = 500;

    /// <summary>Relative step-length tolerance. Default 1e-10.</summary>
    public double ParameterTolerance { get; init; } = 1e-10;

    /// <summary>
    /// Relative χ² tolerance: the fit stops when an accepted step lowered χ², or the Gauss–Newton step predicts it to
    /// lower χ², by less than this fraction. Default 1e-14: large-residual fits converge only linearly, and a looser value
    /// stops them short of the minimum (at 1e-12, Dennis and Schnabel's example stops 2·10⁻⁶ away from it).
    /// </summary>
    public double FunctionTolerance { get; init; } = 1e-14;

    /// <summary>Tolerance on the cosine between residuals and Jacobian columns. Default 1e-12.</summary>
    public double GradientTolerance { get; init; } = 1e-12;

    /// <summary>Starting Marquardt damping λ (relative to diag JᵀWJ). Default 1e-3.</summary>
    public double InitialDamping { get; init; } = 1e-3;

    /// <summary>
    /// The largest weighted relative residual of the start, ρ₀ = √(χ²₀ / Σ wᵢyᵢ²) (χ²₀ = Σ wᵢ(yᵢ − f(xᵢ; θ₀))², a
    /// unit-free fraction), for which the fit begins with <see cref="CloseStartDamping"/> instead of
    /// <see cref="InitialDamping"/>: a start that already reproduces the data closely needs no cautious first step
    /// (Madsen, Nielsen and Tingleff's small λ₀ for a start believed good), one further off keeps it. Default 0: every
    /// fit begins with <see cref="InitialDamping"/>. Costs nothing: χ²₀ is the fit's first evaluation. Must be finite
    /// and non-negative.
    /// </summary>
    public double CloseStartResidual { get; init; }

    /// <summary>The starting damping λ of a start within <see cref="CloseStartResidual"/> of the data. Default 1e-3. Must be finite and positive.</summary>
    public double CloseStartDamping { get; init; } = 1e-3;

    /// <summary>Names of parameters held at their starting values. Default none.</summary>
    public ImmutableArray<string> FixedParameters { get; init; } = [];

    internal void Validate()
    {
        Preconditions.CheckOpenUnitInterval(ConfidenceLevel, nameof(ConfidenceLevel));
        if (MaxIterations < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxIterations), MaxIterations, $"MaxIterations must be at least 1 but was {MaxIterations}.");
        }

        Preconditions.CheckPositive(ParameterTolerance, nameof(ParameterTolerance));
        Preconditions.CheckPositive(FunctionTolerance, nameof(FunctionTolerance));
        Preconditions.CheckPositive(GradientTolerance, nameof(GradientTolerance));
        Preconditions.CheckPositive(InitialDamping, nameof(InitialDamping));
        Preconditions.CheckPositive(CloseStartDamping, nameof(CloseStartDamping));
        if (!(CloseStartResidual >= 0 && double.IsFinite(CloseStartResidual)))
        {
            throw new ArgumentOutOfRangeException(nameof(CloseStartResidual), CloseStartResidual,
                $"CloseStartResidual is {Preconditions.Format(CloseStartResidual)}; it must be a finite fraction ≥ 0 (0.02 means a start within 2 % of the data takes the bold first step; 0 never does).");
        }
    }
}
