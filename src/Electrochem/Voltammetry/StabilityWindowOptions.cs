namespace Electrochem.Voltammetry;

/// <summary>
/// The criteria <see cref="StabilityWindow.Analyse"/> applies to a linear sweep, each stated. Potentials in V, currents
/// in A, areas in m² (10 µA/cm² = 0.1 A/m²). With an electrode area the thresholds are current densities; without one
/// they are currents, and a density criterion with no current given is skipped (said in the result), never guessed.
/// </summary>
public sealed record StabilityWindowOptions
{
    /// <summary>The defaults described on each property.</summary>
    public static StabilityWindowOptions Default { get; } = new();

    /// <summary>The electrode area (m²); null: none (currents, not densities). Never defaulted.</summary>
    public double? AreaSquareMetres { get; init; }

    /// <summary>The onset current density (A/m²; default 0.1 = 10 µA/cm²), used with an area.</summary>
    public double CurrentDensityThreshold { get; init; } = 0.1;

    /// <summary>The onset current (A), used without an area; null: that criterion is skipped without an area.</summary>
    public double? CurrentThreshold { get; init; }

    /// <summary>The onset slope d|j|/dE (S/m²; default 1 = 10 µA/cm² per 100 mV), used with an area.</summary>
    public double DerivativeDensityThreshold { get; init; } = 1;

    /// <summary>The onset slope d|I|/dE (S), used without an area; null: skipped without an area.</summary>
    public double? DerivativeThreshold { get; init; }

    /// <summary>The fraction of the swept range, from its start, over which the baseline line is fitted (default 0.3).</summary>
    public double BaselineFraction { get; init; } = 0.3;

    /// <summary>Half-width (V) of the window slopes are fitted over: the dI/dE criterion and the tangent (default 0.025).</summary>
    public double SlopeHalfWidthVolts { get; init; } = 0.025;

    /// <summary>Subtract the baseline line from the current before applying the thresholds (default false: papers quote the raw current).</summary>
    public bool SubtractBaseline { get; init; }

    /// <summary>A warning is raised when the criteria's onsets spread over more than this (V; default 0.1).</summary>
    public double AgreementMarginVolts { get; init; } = 0.1;

    /// <summary>Checks the options.</summary>
    /// <exception cref="ArgumentException">A value is out of range; the message names it.</exception>
    public void Validate()
    {
        if (AreaSquareMetres is { } a)
        {
            Preconditions.CheckPositive(a, nameof(AreaSquareMetres));
        }

        Preconditions.CheckPositive(CurrentDensityThreshold, nameof(CurrentDensityThreshold));
        Preconditions.CheckPositive(DerivativeDensityThreshold, nameof(DerivativeDensityThreshold));
        if (CurrentThreshold is { } i)
        {
            Preconditions.CheckPositive(i, nameof(CurrentThreshold));
        }

        if (DerivativeThreshold is { } d)
        {
            Preconditions.CheckPositive(d, nameof(DerivativeThreshold));
        }

        Preconditions.CheckOpenUnitInterval(BaselineFraction, nameof(BaselineFraction));
        Preconditions.CheckPositive(SlopeHalfWidthVolts, nameof(SlopeHalfWidthVolts));
        Preconditions.CheckPositive(AgreementMarginVolts, nameof(AgreementMarginVolts));
    }
}
