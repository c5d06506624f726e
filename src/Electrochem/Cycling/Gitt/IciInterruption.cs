using Electrochem.Fitting;

namespace Electrochem.Cycling;

/// <summary>
/// One current interruption of an ICI test (Chien et al., 2023): during it the voltage relaxes as
/// ΔE(t) = E(t) − E_I = −I·R − I·k·√t (+ (dE/dt)·t, the current segment's own drift, which superposition adds and
/// <see cref="IciOptions.SubtractCurrentSlope"/> removes), with E_I the last voltage under current, R the internal resistance (Ω) and k the
/// diffusion resistance coefficient (Ω s^-½); with the diffusion length L and the titration's slope dE/dt (per second of
/// current), D = (4/π)·L²·[(dE/dt)/(I·k)]² (m²/s), the √t form of Weppner–Huggins.
/// </summary>
public sealed record IciInterruption
{
    /// <summary>0-based position among the interruptions.</summary>
    public required int Index { get; init; }

    /// <summary>The interruption's first row.</summary>
    public required int StartRow { get; init; }

    /// <summary>The row after its last.</summary>
    public required int EndRow { get; init; }

    /// <summary>When the current was switched off (s): the step start when the recording has step times, else the first row's time.</summary>
    public required double StartTime { get; init; }

    /// <summary>How long the interruption lasted (s), to the next current or the recording's end.</summary>
    public required double DurationSeconds { get; init; }

    /// <summary>The mean current of the segment before (A, &gt; 0 on charge).</summary>
    public required double CurrentAmperes { get; init; }

    /// <summary>E_I: the last voltage under current (V).</summary>
    public required double VoltageBefore { get; init; }

    /// <summary>Net charge passed from the recording's start to the interruption (A·h).</summary>
    public required double CumulativeChargeAmpereHours { get; init; }

    /// <summary>The fit of ΔE (V, less the current segment's drift when subtracted) against √(t − t_off) over the window: intercept −I·R, slope −I·k; null with fewer than three samples.</summary>
    public required FitResult? RelaxationFit { get; init; }

    /// <summary>R = −intercept/I (Ω) with its standard error; null without a fit.</summary>
    public required Measurement? ResistanceOhms { get; init; }

    /// <summary>k = −slope/I (Ω s^-½) with its standard error; null without a fit.</summary>
    public required Measurement? DiffusionResistance { get; init; }

    /// <summary>dE/dt at the end of the current segment before (V/s), fitted over its trailing <see cref="IciOptions.CurrentSlopeFraction"/>: the drift subtracted from ΔE; null when the segment has fewer than three rows.</summary>
    public required Measurement? SegmentVoltageSlope { get; init; }

    /// <summary>
    /// dE/dt of the titration (V per second of current): (E_I − E_I of the previous interruption)/(time under current
    /// since), the slope D uses; null for the first interruption, or when another step lies between. The segment's
    /// own slope is steeper while it recovers from the last interruption, which would overstate D (by 15 % for 5 s
    /// interruptions every 300 s in a 10 µm film).
    /// </summary>
    public required Measurement? TitrationVoltageSlope { get; init; }

    /// <summary>D (m²/s) with its standard uncertainty; null without L, a fit or a titration slope (the first interruption), or when the voltage did not relax against the current.</summary>
    public required Measurement? DiffusionCoefficient { get; init; }

    /// <summary>What is wrong, if anything (<see cref="GittConcerns.TooFewPoints"/>, <see cref="GittConcerns.NonlinearSquareRoot"/>, <see cref="GittConcerns.OppositeSigns"/> when the voltage moved with the current instead of relaxing).</summary>
    public required GittConcerns Concerns { get; init; }
}
