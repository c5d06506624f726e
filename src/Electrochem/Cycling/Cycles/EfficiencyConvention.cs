namespace Electrochem.Cycling;

/// <summary>
/// Which half-cycle comes first, and so what coulombic efficiency means. There is no default: a summary without it is
/// ambiguous (cellpy's "anode" mode and its own engine's "normal" mode give 92.61 % and 107.98 % for the same cycle).
/// </summary>
public enum EfficiencyConvention
{
    /// <summary>
    /// A cycle is a charge then a discharge (full cells; cathode half-cells): CE = Q_discharge / Q_charge, energy
    /// efficiency = E_discharge / E_charge, coulombic difference = Q_charge − Q_discharge.
    /// </summary>
    ChargeFirst,

    /// <summary>
    /// A cycle is a discharge then a charge (anode half-cells against lithium, where discharge lithiates the electrode):
    /// CE = Q_charge / Q_discharge, energy efficiency = E_charge / E_discharge, coulombic difference = Q_discharge − Q_charge.
    /// </summary>
    DischargeFirst,
}
