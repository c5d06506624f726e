using Electrochem.Fitting;

namespace Electrochem.Cycling;

/// <summary>
/// One GITT pulse and the rest after it, as <see cref="GittAnalysis"/> measured them. Times in s (test time),
/// voltages in V, currents in A (&gt; 0 on charge), charges in A·h. E(0⁺) is the voltage just after the ohmic step:
/// the intercept of the √t fit when there is one, else the pulse's first sample. ΔE_s = E_s − E₀ and
/// ΔE_t = E(τ) − E(0⁺), the two voltage changes of Weppner–Huggins.
/// </summary>
public sealed record GittPulse
{
    /// <summary>0-based position among the recording's pulses.</summary>
    public required int Index { get; init; }

    /// <summary>Charge or discharge.</summary>
    public required PulseDirection Direction { get; init; }

    /// <summary>The pulse's first row.</summary>
    public required int StartRow { get; init; }

    /// <summary>The row after the pulse's last (the rest's first row when a rest follows).</summary>
    public required int EndRow { get; init; }

    /// <summary>The row after the following rest's last (= <see cref="EndRow"/> when no rest follows).</summary>
    public required int RestEndRow { get; init; }

    /// <summary>When the current was switched on (s): the first row's time less its step time when the recording has step times; otherwise the first row's time less the delay (within the sampling gap before it) that makes E most nearly linear in √t.</summary>
    public required double StartTime { get; init; }

    /// <summary>When the current was switched off (s): the start of the following rest by the same rule (the same delay without step times), else the pulse's last row.</summary>
    public required double EndTime { get; init; }

    /// <summary>τ = <see cref="EndTime"/> − <see cref="StartTime"/> (s).</summary>
    public double DurationSeconds => EndTime - StartTime;

    /// <summary>The mean current over the pulse's rows (A).</summary>
    public required double CurrentAmperes { get; init; }

    /// <summary>Charge passed in the pulse, I·τ (A·h, signed: &gt; 0 on charge).</summary>
    public required double ChargeAmpereHours { get; init; }

    /// <summary>Net charge passed by all pulses up to and including this one (A·h, signed).</summary>
    public required double CumulativeChargeAmpereHours { get; init; }

    /// <summary>State of charge after the pulse (0–1) when <see cref="GittOptions.CapacityAmpereHours"/> was given; else null.</summary>
    public required double? StateOfCharge { get; init; }

    /// <summary>E₀: the last voltage of the rest before the pulse (V); null when no rest precedes it.</summary>
    public required double? InitialVoltage { get; init; }

    /// <summary>The voltage of the pulse's first sample (V).</summary>
    public required double FirstPulseVoltage { get; init; }

    /// <summary>How long after the switch-on the first sample was taken (s).</summary>
    public required double FirstSampleDelaySeconds { get; init; }

    /// <summary>E(0⁺): the voltage just after the ohmic step (V).</summary>
    public required double PulseStartVoltage { get; init; }

    /// <summary>E(τ): the voltage of the pulse's last sample (V).</summary>
    public required double PulseEndVoltage { get; init; }

    /// <summary>The first voltage of the following rest (V; the ohmic step back has happened); null when no rest follows.</summary>
    public required double? RestStartVoltage { get; init; }

    /// <summary>E_s: the last voltage of the following rest (V); null when no rest follows.</summary>
    public required double? RelaxedVoltage { get; init; }

    /// <summary>How long the following rest lasted (s); 0 when none.</summary>
    public required double RestSeconds { get; init; }

    /// <summary>dE/dt over the rest's last <see cref="GittOptions.DriftWindowFraction"/> (V/s); null when the rest has fewer than three rows.</summary>
    public required double? EndOfRestDriftVoltsPerSecond { get; init; }

    /// <summary>The standard uncertainty of one voltage reading used for ΔE_s and ΔE_t (V): as given, or the rest end's scatter about its drift line.</summary>
    public required double VoltageUncertaintyVolts { get; init; }

    /// <summary>ΔE_s = E_s − E₀ (V) with its uncertainty √2·u(E), u(E) one reading's; null without both rests.</summary>
    public required Measurement? RelaxedVoltageChange { get; init; }

    /// <summary>ΔE_t = E(τ) − E(0⁺) (V) with its uncertainty √(u(E)² + u(E(0⁺))²), u(E(0⁺)) the √t intercept's standard error (or one reading's).</summary>
    public required Measurement TransientVoltageChange { get; init; }

    /// <summary>The ohmic step at switch-on, E(0⁺) − E₀ (V); null without a rest before.</summary>
    public required double? OhmicStepVolts { get; init; }

    /// <summary>The resistance the ohmic step implies, (E(0⁺) − E₀)/I (Ω); null without a rest before.</summary>
    public required double? OhmicResistanceOhms { get; init; }

    /// <summary>The fit of E against √(t − t_start) over the window (intercept E(0⁺) in V, slope dE/d√t in V s^-½), with errors, R² and residuals; null with fewer than three samples in the window.</summary>
    public required FitResult? SquareRootFit { get; init; }

    /// <summary>τ·D/L², D the bias-corrected value (or the Weppner–Huggins one when there is none); null without D.</summary>
    public required double? TimeRatio { get; init; }

    /// <summary>The D_WH/D that a constant D and a linear open-circuit curve would give at this τD/L² in the stated geometry (<see cref="Diffusion.WeppnerHuggins.ExpectedRatio"/>); null without D.</summary>
    public required double? ExpectedRatio { get; init; }

    /// <summary>
    /// D (m²/s) corrected for the method's own bias (<see cref="Diffusion.WeppnerHuggins.CorrectBias"/>), with the same
    /// relative uncertainty as <see cref="DiffusionCoefficient"/>; exact for a constant D and a linear open-circuit
    /// curve, null when no D explains the measurement.
    /// </summary>
    public required Measurement? BiasCorrectedDiffusionCoefficient { get; init; }

    /// <summary>D (m²/s) by Weppner–Huggins, (4/(πτ))·L²·(ΔE_s/ΔE_t)², with its standard uncertainty; null when it cannot be computed (no L, a missing rest, opposite signs).</summary>
    public required Measurement? DiffusionCoefficient { get; init; }

    /// <summary>D (m²/s) from the √t slope, (4/π)·L²·[(ΔE_s/τ)/(dE/d√t)]², with the slope's standard error included; null when it cannot be computed.</summary>
    public required Measurement? SquareRootDiffusionCoefficient { get; init; }

    /// <summary>What is wrong with the pulse, if anything.</summary>
    public required GittConcerns Concerns { get; init; }

    /// <summary>True when a Weppner–Huggins D was computed and no flag casts doubt on it.</summary>
    public bool IsUsable => DiffusionCoefficient is not null && Concerns == GittConcerns.None;
}
