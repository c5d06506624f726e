namespace Electrochem.IO.Cycling;

/// <summary>
/// One column ID of an EC-Lab <c>.mpr</c> data module: the header the <c>.mpt</c> export gives it (name and unit, e.g.
/// <c>Ewe/V</c>), how it is stored, and for a flag the bits it takes of the shared flags byte.
/// </summary>
/// <param name="Id">The column ID as the file writes it.</param>
/// <param name="Header">The <c>.mpt</c> header, e.g. <c>time/s</c>, <c>control/V/mA</c>, <c>cycle number</c>.</param>
/// <param name="Type">How a value is stored.</param>
/// <param name="Mask">For a flag, its bits of the flags byte; 0 otherwise.</param>
internal sealed record MprColumnDefinition(int Id, string Header, MprColumnType Type, byte Mask = 0)
{
    /// <summary>Bytes a value takes in a data point (a flag's byte is counted once for all flags, see <see cref="MprColumnType.Flag"/>).</summary>
    internal int Width => Type switch
    {
        MprColumnType.Flag or MprColumnType.Byte => 1,
        MprColumnType.UInt16 => 2,
        MprColumnType.UInt32 or MprColumnType.Single => 4,
        _ => 8,
    };
}
