using Electrochem.IO.Tables;

namespace Electrochem.IO.Transport;

/// <summary>
/// The columns of a conductivity table named by the caller, for headers the reader does not recognise
/// (e.g. <c>new ConductivityColumns { Temperature = new("Temp", "°C"), Conductivity = new("Leitfähigkeit", null) }</c>).
/// A role left null is found by its header as usual.
/// </summary>
public sealed record ConductivityColumns
{
    /// <summary>The temperature column, and its unit (K or °C) when its header does not give one; null to find it by its header.</summary>
    public ColumnChoice? Temperature { get; init; }

    /// <summary>The conductivity column (values in any one unit: the fits use ln σ); null to find it by its header.</summary>
    public ColumnChoice? Conductivity { get; init; }

    /// <summary>The column of σ's standard uncertainties, in σ's unit; null to find it by its header (it is optional).</summary>
    public ColumnChoice? Uncertainty { get; init; }
}
