namespace Electrochem.Cycling;

/// <summary>Which way a titration pulse drives the cell.</summary>
public enum PulseDirection
{
    /// <summary>Positive current: a charge pulse.</summary>
    Charge,

    /// <summary>Negative current: a discharge pulse.</summary>
    Discharge,
}
