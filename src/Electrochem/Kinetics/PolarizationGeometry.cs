namespace Electrochem.Kinetics;

/// <summary>
/// What the measured voltage is applied across. The distinction matters by a factor of two (or more): in a
/// symmetric cell of two identical electrodes the cell voltage is shared between two interfaces in series, so the
/// cell's charge-transfer resistance is twice one electrode's and its low-field slope is half. Every analysis states
/// which it assumed; nothing converts silently.
/// </summary>
public enum PolarizationGeometry
{
    /// <summary>The voltage is one electrode's overpotential η (three-electrode cell with a reference electrode).</summary>
    SingleElectrode,

    /// <summary>The voltage is the cell voltage η_cell of two identical electrodes in series (e.g. Li‖Li), ohmic drop removed.</summary>
    SymmetricCell,
}
