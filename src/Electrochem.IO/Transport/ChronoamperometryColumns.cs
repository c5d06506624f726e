using Electrochem.IO.Tables;

namespace Electrochem.IO.Transport;

/// <summary>
/// The columns of a chronoamperometry table named by the caller, for headers the reader does not recognise
/// (e.g. <c>Zeit</c> in minutes): <c>new ChronoamperometryColumns { Time = new("Zeit", "min"), Current = new("Strom", "uA") }</c>.
/// A role left null is found by its header as usual.
/// </summary>
public sealed record ChronoamperometryColumns
{
    /// <summary>The time column, and its unit (s, min or h) when its header does not give one; null to find it by its header.</summary>
    public ColumnChoice? Time { get; init; }

    /// <summary>The current column, and its unit (A, mA, µA) when its header does not give one; null to find it by its header.</summary>
    public ColumnChoice? Current { get; init; }
}
