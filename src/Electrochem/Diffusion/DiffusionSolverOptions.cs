namespace Electrochem.Diffusion;

/// <summary>
/// How <see cref="TitrationSimulator"/> discretises: a finite-volume grid of <see cref="Cells"/> cells whose widths
/// shrink geometrically toward the surface by <see cref="SurfaceRefinement"/>, and Crank–Nicolson time steps no longer
/// than <see cref="MaximumTimeStepSeconds"/>, the first <see cref="StartupSteps"/> after every change of current
/// replaced by two backward-Euler half steps each (Rannacher's start, which keeps second order through the switch).
/// </summary>
public sealed record DiffusionSolverOptions
{
    /// <summary>The default: 100 cells, refinement 20, 1 s steps, two start-up steps, a sample every step.</summary>
    public static DiffusionSolverOptions Default { get; } = new();

    /// <summary>Finite-volume cells across the film or the particle radius (≥ 4).</summary>
    public int Cells { get; init; } = 100;

    /// <summary>Width of the innermost cell over that of the surface cell (≥ 1; 1 is a uniform grid).</summary>
    public double SurfaceRefinement { get; init; } = 20;

    /// <summary>The longest time step (s); each current step is divided into equal steps no longer than this.</summary>
    public double MaximumTimeStepSeconds { get; init; } = 1;

    /// <summary>Time steps after each change of current taken as two backward-Euler half steps (≥ 0; 0 is pure Crank–Nicolson).</summary>
    public int StartupSteps { get; init; } = 2;

    /// <summary>The interval between recorded samples (s); null records every time step. The end of every current step is always recorded.</summary>
    public double? SampleIntervalSeconds { get; init; }

    /// <summary>A charge step ends early when the voltage reaches this (V), as a cycler's limit would end it; null: no limit.</summary>
    public double? UpperVoltageLimit { get; init; }

    /// <summary>A discharge step ends early when the voltage falls to this (V); null: no limit.</summary>
    public double? LowerVoltageLimit { get; init; }

    /// <summary>Checks the options.</summary>
    /// <exception cref="ArgumentException">A value is out of range.</exception>
    public void Validate()
    {
        if (Cells < 4 || Cells > 1_000_000)
        {
            throw new ArgumentOutOfRangeException(nameof(Cells), Cells, "The grid needs between 4 and 1,000,000 cells.");
        }

        if (!(SurfaceRefinement >= 1) || !double.IsFinite(SurfaceRefinement))
        {
            throw new ArgumentOutOfRangeException(nameof(SurfaceRefinement), SurfaceRefinement, "The surface refinement is a width ratio of 1 or more.");
        }

        Preconditions.CheckPositive(MaximumTimeStepSeconds, nameof(MaximumTimeStepSeconds));
        if (StartupSteps < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(StartupSteps), StartupSteps, "The number of start-up steps cannot be negative.");
        }

        if (SampleIntervalSeconds is { } interval)
        {
            Preconditions.CheckPositive(interval, nameof(SampleIntervalSeconds));
        }

        if (UpperVoltageLimit is { } upper && LowerVoltageLimit is { } lower && !(upper > lower))
        {
            throw new ArgumentException($"The upper voltage limit ({Preconditions.Format(upper)} V) must lie above the lower ({Preconditions.Format(lower)} V).");
        }
    }
}
