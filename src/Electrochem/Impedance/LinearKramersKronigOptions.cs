namespace Electrochem.Impedance;

/// <summary>Options of the Lin-KK test. Change one with <c>with</c>.</summary>
/// <param name="Part">Which part of Z is fitted. Default <see cref="KramersKronigPart.Real"/>.</param>
/// <param name="Cutoff">
/// The μ cutoff c in (0, 1]: M grows from 1 until μ ≤ c. Default 0.85 (Schönleber's heuristic), which can stop too
/// early on real data — lower values (0.5–0.7) are often better; inspect <see cref="LinearKramersKronigResult.MuByElementCount"/>.
/// Null: no search, use exactly <paramref name="MaximumElementCount"/> elements.
/// </param>
/// <param name="MaximumElementCount">Largest M tried (or the M used when <paramref name="Cutoff"/> is null); 1 to <see cref="MaximumElementLimit"/>, and never more than the spectrum's points (a search stops there; a fixed M above it is refused). Default 50.</param>
/// <param name="IncludeSeriesCapacitance">Add a series capacitance, for spectra with no low-frequency real-axis intercept (blocking behaviour). Default false.</param>
public sealed record LinearKramersKronigOptions(
    KramersKronigPart Part = KramersKronigPart.Real,
    double? Cutoff = 0.85,
    int MaximumElementCount = 50,
    bool IncludeSeriesCapacitance = false)
{
    /// <summary>The defaults: real-part fit, c = 0.85, at most 50 elements, no series capacitance.</summary>
    public static LinearKramersKronigOptions Default { get; } = new();

    /// <summary>The largest <see cref="MaximumElementCount"/> accepted (10,000): far beyond any spectrum's need, and small enough that the design matrix always fits in memory.</summary>
    public const int MaximumElementLimit = 10_000;

    internal void Validate()
    {
        if (!Enum.IsDefined(Part))
        {
            throw new ArgumentOutOfRangeException(nameof(Part), Part, "Part must be Real, Imaginary or Complex.");
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
