namespace Electrochem.Cycling;

/// <summary>
/// How <see cref="GittAnalysis"/> finds pulses and judges them. Every threshold is stated and reported; none depends
/// on a particular instrument. Times in s, voltages in V, currents in A.
/// </summary>
public sealed record GittOptions
{
    /// <summary>The defaults described on each property.</summary>
    public static GittOptions Default { get; } = new();

    /// <summary>
    /// The diffusion length L (m) with its standard uncertainty: the film thickness, r/3 for spherical particles, or
    /// m_B·V_M/(M_B·S) (<see cref="Diffusion.WeppnerHuggins"/> builds each). Null: pulses are found and measured, but
    /// no diffusion coefficient is computed. Never defaulted.
    /// </summary>
    public Measurement? DiffusionLengthMetres { get; init; }

    /// <summary>|I| at or below this is rest (A). Null: 5 % of the typical pulse current (the mean |I| of the rows carrying at least 1 % of the largest |I|).</summary>
    public double? RestCurrentAmperes { get; init; }

    /// <summary>A run of current shorter than this many rows, between rests, is noise in the rest, not a pulse (≥ 1; default 3).</summary>
    public int MinimumPulseRows { get; init; } = 3;

    /// <summary>The rest counts as relaxed when |dE/dt| over its last <see cref="DriftWindowFraction"/> is at most this (V/s; default 1 mV/h = 2.78e-7 V/s).</summary>
    public double RelaxedDriftVoltsPerSecond { get; init; } = 1e-3 / 3600;

    /// <summary>The trailing fraction of each rest over which the end drift and the voltage noise are measured (0–1; default 0.2).</summary>
    public double DriftWindowFraction { get; init; } = 0.2;

    /// <summary>Start of the √t fit window, in s after the pulse began (default 0).</summary>
    public double SquareRootWindowStartSeconds { get; init; }

    /// <summary>End of the √t fit window, in s after the pulse began; null: the end of the pulse.</summary>
    public double? SquareRootWindowEndSeconds { get; init; }

    /// <summary>The √t fit's R² below which the pulse is flagged <see cref="GittConcerns.NonlinearSquareRoot"/> (default 0.98).</summary>
    public double MinimumSquareRootRSquared { get; init; } = 0.98;

    /// <summary>A pulse shorter than this fraction of the median pulse of its direction is flagged <see cref="GittConcerns.CutShort"/> (default 0.95).</summary>
    public double CutShortFraction { get; init; } = 0.95;

    /// <summary>
    /// The geometry the diffusion length belongs to (default: a film), which sets the bias Weppner–Huggins is expected
    /// to have at each pulse's τD/L² (<see cref="Diffusion.WeppnerHuggins.ExpectedRatio"/>) and the bias-corrected D.
    /// For spheres give L = r/3 and <see cref="Diffusion.DiffusionGeometry.Spherical"/>.
    /// </summary>
    public Diffusion.DiffusionGeometry Geometry { get; init; } = Diffusion.DiffusionGeometry.Planar;

    /// <summary>The largest expected bias 1 − D_WH/D accepted before a pulse is flagged <see cref="GittConcerns.TimeRatioTooLarge"/> (default 0.05; a film reaches it at τD/L² ≈ 0.37, spheres already at ≈ 0.005).</summary>
    public double MaximumBias { get; init; } = 0.05;

    /// <summary>|ΔE_s| below this (V) is flagged <see cref="GittConcerns.FlatOpenCircuitCurve"/> (default 0.2 mV, about twice a cycler's voltage resolution).</summary>
    public double MinimumRelaxedVoltageChange { get; init; } = 2e-4;

    /// <summary>
    /// The standard uncertainty of one voltage reading (V) used for ΔE_s and ΔE_t. Null: estimated per pulse from the
    /// scatter of the rest's end about its drift line.
    /// </summary>
    public double? VoltageUncertaintyVolts { get; init; }

    /// <summary>The cell's capacity (A·h) to express the passed charge as a state of charge; null: no state of charge. Never defaulted.</summary>
    public double? CapacityAmpereHours { get; init; }

    /// <summary>The state of charge (0–1) at the start of the recording, used with <see cref="CapacityAmpereHours"/> (default 0).</summary>
    public double InitialStateOfCharge { get; init; }

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

        if (MinimumPulseRows < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MinimumPulseRows), MinimumPulseRows, "A pulse needs at least one row.");
        }

        Preconditions.CheckPositive(RelaxedDriftVoltsPerSecond, nameof(RelaxedDriftVoltsPerSecond));
        Preconditions.CheckOpenUnitInterval(DriftWindowFraction, nameof(DriftWindowFraction));
        Preconditions.CheckNonNegative(SquareRootWindowStartSeconds, nameof(SquareRootWindowStartSeconds));
        if (SquareRootWindowEndSeconds is { } end && !(end > SquareRootWindowStartSeconds))
        {
            throw new ArgumentOutOfRangeException(nameof(SquareRootWindowEndSeconds), end, $"The √t window must end after it starts ({Preconditions.Format(SquareRootWindowStartSeconds)} s).");
        }

        Preconditions.CheckOpenUnitInterval(MinimumSquareRootRSquared, nameof(MinimumSquareRootRSquared));
        Preconditions.CheckOpenUnitInterval(CutShortFraction, nameof(CutShortFraction));
        Preconditions.CheckOpenUnitInterval(MaximumBias, nameof(MaximumBias));
        if (!Enum.IsDefined(Geometry))
        {
            throw new ArgumentOutOfRangeException(nameof(Geometry), Geometry, "The geometry must be a film (Planar) or spheres (Spherical).");
        }
        Preconditions.CheckNonNegative(MinimumRelaxedVoltageChange, nameof(MinimumRelaxedVoltageChange));
        if (VoltageUncertaintyVolts is { } u)
        {
            Preconditions.CheckNonNegative(u, nameof(VoltageUncertaintyVolts));
        }

        if (CapacityAmpereHours is { } capacity)
        {
            Preconditions.CheckPositive(capacity, nameof(CapacityAmpereHours));
        }

        if (!(InitialStateOfCharge >= 0 && InitialStateOfCharge <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(InitialStateOfCharge), InitialStateOfCharge, "The initial state of charge must lie in [0, 1].");
        }
    }
}
