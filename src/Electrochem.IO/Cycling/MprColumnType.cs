namespace Electrochem.IO.Cycling;

/// <summary>How one column of an EC-Lab <c>.mpr</c> data point is stored (little-endian).</summary>
internal enum MprColumnType
{
    /// <summary>A bit field of the one flags byte every flag column shares (mode, ox/red, error, …).</summary>
    Flag,

    /// <summary>An unsigned byte.</summary>
    Byte,

    /// <summary>An unsigned 16-bit integer.</summary>
    UInt16,

    /// <summary>An unsigned 32-bit integer.</summary>
    UInt32,

    /// <summary>A 32-bit float.</summary>
    Single,

    /// <summary>A 64-bit float.</summary>
    Double,
}
