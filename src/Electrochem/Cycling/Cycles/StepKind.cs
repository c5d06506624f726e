namespace Electrochem.Cycling;

/// <summary>What a step of a cycling test did, as <see cref="StepTable"/> classifies it (thresholds in <see cref="StepThresholds"/>).</summary>
public enum StepKind
{
    /// <summary>No current (every |I| ≤ the rest threshold) and the voltage within ± <see cref="StepThresholds.RelaxationVolts"/> of where it started.</summary>
    Rest,

    /// <summary>No current, and the voltage rises by more than <see cref="StepThresholds.RelaxationVolts"/>: open-circuit relaxation after a discharge.</summary>
    RelaxationUp,

    /// <summary>No current, and the voltage falls by more than <see cref="StepThresholds.RelaxationVolts"/>: open-circuit relaxation after a charge.</summary>
    RelaxationDown,

    /// <summary>Positive current, constant within <see cref="StepThresholds.ConstantCurrentTolerance"/> of its mean.</summary>
    ConstantCurrentCharge,

    /// <summary>Negative current, constant within <see cref="StepThresholds.ConstantCurrentTolerance"/> of its mean.</summary>
    ConstantCurrentDischarge,

    /// <summary>Positive current falling in magnitude while the voltage stays within <see cref="StepThresholds.ConstantVoltageVolts"/>.</summary>
    ConstantVoltageCharge,

    /// <summary>Negative current falling in magnitude while the voltage stays within <see cref="StepThresholds.ConstantVoltageVolts"/>.</summary>
    ConstantVoltageDischarge,

    /// <summary>Positive mean current that is neither constant nor at constant voltage (power, resistance or profile steps).</summary>
    Charge,

    /// <summary>Negative mean current that is neither constant nor at constant voltage.</summary>
    Discharge,

    /// <summary>
    /// A current step no longer than <see cref="StepThresholds.PulseMaximumSeconds"/>: an internal-resistance or
    /// impedance pulse. It counts toward the capacities but neither starts nor completes a half-cycle.
    /// </summary>
    Pulse,
}

/// <summary>Questions about a <see cref="StepKind"/>.</summary>
public static class StepKinds
{
    /// <summary>True for the kinds that charge the cell (constant current, constant voltage, other).</summary>
    /// <param name="kind">The kind.</param>
    public static bool IsCharge(StepKind kind) => kind is StepKind.ConstantCurrentCharge or StepKind.ConstantVoltageCharge or StepKind.Charge;

    /// <summary>True for the kinds that discharge the cell.</summary>
    /// <param name="kind">The kind.</param>
    public static bool IsDischarge(StepKind kind) => kind is StepKind.ConstantCurrentDischarge or StepKind.ConstantVoltageDischarge or StepKind.Discharge;

    /// <summary>True for rests and open-circuit relaxations.</summary>
    /// <param name="kind">The kind.</param>
    public static bool IsRest(StepKind kind) => kind is StepKind.Rest or StepKind.RelaxationUp or StepKind.RelaxationDown;
}
