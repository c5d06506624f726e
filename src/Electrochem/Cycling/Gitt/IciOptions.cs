namespace Electrochem.Cycling;

/// <summary>How <see cref="IciAnalysis"/> finds and fits the interruptions of an intermittent-current-interruption test. Times in s, currents in A.</summary>
public sealed record IciOptions
{
    /// <summary>The defaults described on each property.</summary>
    public static IciOptions Default { get; } = new();

    /// <summary>The diffusion length L (m) with its uncertainty (film thickness, r/3 for spheres); null: R and k only, no D. Never defaulted.</summary>
    public Measurement? DiffusionLengthMetres { get; init; }

    /// <summary>|I| at or below this is an interruption (A). Null: 5 % of the typical current (the mean |I| of the rows carrying at least 1 % of the largest |I|).</summary>
    public double? RestCurrentAmperes { get; init; }

    /// <summary>Start of the fit window, in s after the current was switched off (default 0).</summary>
    public double WindowStartSeconds { get; init; }

    /// <summary>End of the fit window, in s after the switch-off; null: the whole interruption.</summary>
    public double? WindowEndSeconds { get; init; }

    /// <summary>The trailing fraction of the current segment before each interruption over which dE/dt is fitted (0–1; default 0.5).</summary>
    public double CurrentSlopeFraction { get; init; } = 0.5;

    /// <summary>
    /// Subtract the current segment's dE/dt·(t − t_off) from ΔE before fitting (default true). By superposition the
    /// interrupted response is the continuing current's (which keeps moving at dE/dt) plus a step of −I, so the
    /// uncorrected fit overstates R and k by an amount that grows with the window; Chien et al.'s plain fit is false.
    /// </summary>
    public bool SubtractCurrentSlope { get; init; } = true;

    /// <summary>The largest relative change of the titration slope between successive interruptions before an interruption is flagged <see cref="GittConcerns.UnsteadyTitration"/> (default 0.005, where D is within ≈ 4 %).</summary>
    public double MaximumSlopeChange { get; init; } = 0.005;

    /// <summary>The fit's R² below which an interruption is flagged <see cref="GittConcerns.NonlinearSquareRoot"/> (default 0.98).</summary>
    public double MinimumRSquared { get; init; } = 0.98;

    /// <summary>Checks the options.</summary>
    /// <exception cref="ArgumentException">A value is out of range; the message names it.</exception>
    public void Validate()
    {
        if (DiffusionLengthMetres is { } length)
        {
            length.CheckPositive(nameof(DiffusionLengthMetres));
        }

        if (RestCurrentAmperes is { } rest)
        {
            Preconditions.CheckNonNegative(rest, nameof(RestCurrentAmperes));
        }

        Preconditions.CheckNonNegative(WindowStartSeconds, nameof(WindowStartSeconds));
        if (WindowEndSeconds is { } end && !(end > WindowStartSeconds))
        {
            throw new ArgumentOutOfRangeException(nameof(WindowEndSeconds), end, $"The fit window must end after it starts ({Preconditions.Format(WindowStartSeconds)} s).");
        }

        Preconditions.CheckOpenUnitInterval(CurrentSlopeFraction, nameof(CurrentSlopeFraction));
        Preconditions.CheckOpenUnitInterval(MinimumRSquared, nameof(MinimumRSquared));
        Preconditions.CheckPositive(MaximumSlopeChange, nameof(MaximumSlopeChange));
    }
}
