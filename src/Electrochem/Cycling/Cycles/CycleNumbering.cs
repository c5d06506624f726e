namespace Electrochem.Cycling;

/// <summary>How the rows of a recording were grouped into cycles.</summary>
public enum CycleNumbering
{
    /// <summary>By the instrument's cycle counter, as written: a cycle holds the rows of one counter value.</summary>
    InstrumentCounter,

    /// <summary>
    /// From the alternation of charge and discharge steps: a cycle starts at a step of the convention's first half
    /// (a charge for <see cref="EfficiencyConvention.ChargeFirst"/>) that follows a step of the other half; the steps
    /// before the first such start form cycle 1. Rests and pulses stay in the cycle they follow.
    /// </summary>
    Derived,
}
