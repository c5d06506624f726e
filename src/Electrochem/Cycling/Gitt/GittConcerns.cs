namespace Electrochem.Cycling;

/// <summary>Why a GITT pulse's (or an ICI interruption's) diffusion coefficient should not be trusted or could not be computed; several may apply.</summary>
[Flags]
public enum GittConcerns
{
    /// <summary>Nothing found wrong.</summary>
    None = 0,

    /// <summary>No rest precedes the pulse, so there is no relaxed voltage E₀ before it and no ΔE_s.</summary>
    NoRestBefore = 1 << 0,

    /// <summary>No rest follows the pulse (the recording ends, or another current step follows), so there is no E_s.</summary>
    NoRestAfter = 1 << 1,

    /// <summary>The voltage still drifted faster than <see cref="GittOptions.RelaxedDriftVoltsPerSecond"/> at the end of the rest: E_s is not the open-circuit voltage yet.</summary>
    UnrelaxedRest = 1 << 2,

    /// <summary>The pulse is shorter than <see cref="GittOptions.CutShortFraction"/> of the typical pulse in its direction: a voltage limit (or the operator) ended it.</summary>
    CutShort = 1 << 3,

    /// <summary>The pulse is more than twice as long as the typical pulse in its direction: probably a charge or discharge step, not a titration pulse.</summary>
    LongerThanTypical = 1 << 4,

    /// <summary>ΔE_s and ΔE_t have opposite signs (a phase transition or an unrelaxed rest); Weppner–Huggins does not apply.</summary>
    OppositeSigns = 1 << 5,

    /// <summary>|ΔE_s| is below <see cref="GittOptions.MinimumRelaxedVoltageChange"/>: the open-circuit curve is too flat (a two-phase plateau) for ΔE_s/ΔE_t to mean anything.</summary>
    FlatOpenCircuitCurve = 1 << 6,

    /// <summary>E against √t in the fit window has R² below <see cref="GittOptions.MinimumSquareRootRSquared"/>: the semi-infinite short-time solution does not describe the pulse.</summary>
    NonlinearSquareRoot = 1 << 7,

    /// <summary>The pulse is not short against the diffusion time: at its τD/L² Weppner–Huggins is expected to underestimate D by more than <see cref="GittOptions.MaximumBias"/> (<see cref="GittPulse.ExpectedRatio"/>).</summary>
    TimeRatioTooLarge = 1 << 8,

    /// <summary>
    /// ICI: the titration's slope changed by more than <see cref="IciOptions.MaximumSlopeChange"/> since the previous
    /// interruption: the concentration profile is still being established (the first ≈ 0.5·L²/D under current), and D
    /// is overstated.
    /// </summary>
    UnsteadyTitration = 1 << 10,

    /// <summary>Fewer than three samples lie in the √t fit window, so no √t fit was made.</summary>
    TooFewPoints = 1 << 9,
}
