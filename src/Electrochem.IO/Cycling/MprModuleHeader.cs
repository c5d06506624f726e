namespace Electrochem.IO.Cycling;

/// <summary>
/// The header of one module of an EC-Lab <c>.mpr</c> file: after <c>MODULE</c>, a 10-byte short name (<c>VMP Set</c>,
/// <c>VMP data</c>, <c>VMP LOG</c>, <c>VMP loop</c>, <c>VMP ExtDev</c>), a 25-byte long name, the length of the module's
/// data, its version and an 8-character date. EC-Lab 11.50 and later write a longer header: a maximum length
/// (0xFFFFFFFF) before the length and a further 32-bit field after the version.
/// </summary>
/// <param name="ShortName">The short name, trimmed.</param>
/// <param name="LongName">The long name, trimmed.</param>
/// <param name="Length">The bytes of the module's data after its header.</param>
/// <param name="Version">The module's version.</param>
/// <param name="Date">The date as written (e.g. <c>01/10/24</c>, <c>03.15.17</c>).</param>
/// <param name="Extended">True for the EC-Lab ≥ 11.50 header.</param>
/// <param name="DataOffset">Where the module's data start in the file, in bytes.</param>
internal sealed record MprModuleHeader(string ShortName, string LongName, long Length, long Version, string Date, bool Extended, long DataOffset)
{
    internal const string Settings = "VMP Set";
    internal const string Data = "VMP data";
    internal const string Log = "VMP LOG";
    internal const string Loop = "VMP loop";
    internal const string ExternalDevice = "VMP ExtDev";

    /// <summary>The module in words, e.g. <c>'VMP data' (version 2, 01/10/24) at byte 3426</c>.</summary>
    public override string ToString() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"'{ShortName}' (version {Version}{(Extended ? ", EC-Lab ≥ 11.50 header" : string.Empty)}, {Date}) at byte {DataOffset}");
}
