namespace Electrochem.Cycling;

/// <summary>Where the capacities and energies of steps and cycles come from.</summary>
public enum CapacitySource
{
    /// <summary>
    /// The instrument's accumulators (charge/discharge capacity and energy columns), summed over each step as they
    /// rise; a drop to less than half the previous value is a reset (per cycle, per step or per half-cycle, whatever the
    /// instrument does), from which the count starts again at zero.
    /// </summary>
    Instrument,

    /// <summary>
    /// Integrated from the current (and voltage × current for energy) by the trapezoid rule within each step, plus the
    /// first row's current × its step time when the recording has a step-time column (the part of the step before its
    /// first sample). Positive current counts as charge, negative as discharge.
    /// </summary>
    Integrated,
}
