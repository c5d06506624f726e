namespace Electrochem.Impedance;

/// <summary>Options of the Lin-KK test. Change one with <c>with</c>; <see cref="Selection"/> says how M is chosen.</summary>
/// <param name="Part">Which part of Z is fitted. Default <see cref="KramersKronigPart.Real"/>.</param>
/// <param name="Cutoff">
/// The μ cutoff c in (0, 1] of <see cref="KramersKronigSelection.MuCriterion"/>: M grows from 1 until μ ≤ c. Default 0.85
/// (Schönleber's heuristic, impedance.py's default). Null is accepted for the other selections only.
/// </param>
/// <param name="MaximumElementCount">Largest M tried (or the M used with <see cref="KramersKronigSelection.Fixed"/>); 1 to <see cref="MaximumElementLimit"/>, and never more than the spectrum's points (a search stops there; a fixed M above it is refused). Default 50.</param>
/// <param name="IncludeSeriesCapacitance">Always add a series capacitance, for spectra with no low-frequency real-axis intercept (blocking behaviour). False: none, except that <see cref="KramersKronigSelection.Automatic"/> adds one when it helps. Default false.</param>
public sealed record LinearKramersKronigOptions(
    KramersKronigPart Part = KramersKronigPart.Real,
    double? Cutoff = 0.85,
    int MaximumElementCount = 50,
    bool IncludeSeriesCapacitance = false)
{
    /// <summary>How M is chosen. Default <see cref="KramersKronigSelection.Automatic"/>.</summary>
    public KramersKronigSelection Selection { get; init; } = KramersKronigSelection.Automatic;

    /// <summary>The verdict's limit on the largest relative residual |Δ| (a fraction of |Z|). Default 0.02 (2 %).</summary>
    public double ResidualLimit { get; init; } = 0.02;

    /// <summary>The RMS relative residual below which a trend in the residuals is immaterial for the verdict. Default 0.0025 (0.25 %).</summary>
    public double NegligibleResidual { get; init; } = 0.0025;

    /// <summary>The defaults: automatic M, real-part fit, at most 50 elements, series capacitance when it helps, 2 % residual limit.</summary>
    public static LinearKramersKronigOptions Default { get; } = new();

    /// <summary>The largest <see cref="MaximumElementCount"/> accepted (10,000): far beyond any spectrum's need, and small enough that the design matrix always fits in memory.</summary>
    public const int MaximumElementLimit = 10_000;

    internal void Validate()
    {
        if (!Enum.IsDefined(Part))
        {
            throw new ArgumentOutOfRangeException(nameof(Part), Part, "Part must be Real, Imaginary or Complex.");
        }

        if (!Enum.IsDefined(Selection))
        {
            throw new ArgumentOutOfRangeException(nameof(Selection), Selection, "Selection must be Automatic, MuCriterion or Fixed.");
        }

        if (Selection == KramersKronigSelection.MuCriterion && Cutoff is null)
        {
            throw new ArgumentException("The μ criterion needs a Cutoff in (0, 1], e.g. 0.85.", nameof(Cutoff));
        }

        if (!(ResidualLimit > 0 && ResidualLimit < 1) || !(NegligibleResidual >= 0 && NegligibleResidual < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(ResidualLimit), ResidualLimit, $"ResidualLimit must lie in (0, 1) and NegligibleResidual in [0, 1), as fractions of |Z|, but were {Preconditions.Format(ResidualLimit)} and {Preconditions.Format(NegligibleResidual)}.");
        }

        if (Cutoff is { } c && !(c > 0 && c <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(Cutoff), c, $"Cutoff must lie in (0, 1] but was {Preconditions.Format(c)}.");
        }

        if (MaximumElementCount < 1 || MaximumElementCount > MaximumElementLimit)
        {
            throw new ArgumentOutOfRangeException(nameof(MaximumElementCount), MaximumElementCount, $"MaximumElementCount must lie between 1 and {MaximumElementLimit} but was {MaximumElementCount}.");
        }
    }
}
