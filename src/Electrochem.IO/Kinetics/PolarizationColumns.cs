using Electrochem.IO.Tables;

namespace Electrochem.IO.Kinetics;

/// <summary>
/// The columns of a polarisation table named by the caller, for headers the reader does not recognise
/// (e.g. <c>new PolarizationColumns { Voltage = new("Ueberspannung", "mV"), Current = new("Stromdichte", "mA/cm2") }</c>).
/// A role left null is found by its header as usual.
/// </summary>
public sealed record PolarizationColumns
{
    /// <summary>The overpotential (or electrode potential) column, and its unit (V or mV) when its header does not give one; null to find it by its header.</summary>
    public ColumnChoice? Voltage { get; init; }

    /// <summary>The current or current-density column, and its unit (A, mA, µA, or per cm² or m²) when its header does not give one; null to find it by its header.</summary>
    public ColumnChoice? Current { get; init; }

    /// <summary>The column of the current's standard uncertainties, in the current's unit; null to find it by its header (it is optional).</summary>
    public ColumnChoice? Uncertainty { get; init; }
}
