using System.Collections.Frozen;

namespace Electrochem.IO.Cycling;

/// <summary>
/// The technique IDs of an EC-Lab settings module (its first byte) and the names the <c>.mpt</c> export writes on its
/// fourth line. The names of GCPL, CA, CP, OCV, PEIS, GEIS, Modulo Bat and ZIR were checked against paired exports.
/// </summary>
internal static class MprTechniques
{
    private static readonly FrozenDictionary<int, string> Names = new Dictionary<int, string>
    {
        [0x04] = "Galvanostatic Cycling with Potential Limitation",
        [0x06] = "Cyclic Voltammetry",
        [0x0B] = "Open Circuit Voltage",
        [0x16] = "Modular Potentio",
        [0x18] = "Chronoamperometry / Chronocoulometry",
        [0x19] = "Chronopotentiometry",
        [0x1C] = "Wait",
        [0x1D] = "Potentio Electrochemical Impedance Spectroscopy",
        [0x1E] = "Galvano Electrochemical Impedance Spectroscopy",
        [0x30] = "Cyclic Voltammetry",
        [0x32] = "IR compensation (PEIS)",
        [0x33] = "Cyclic Voltammetry Advanced",
        [0x6C] = "Linear Sweep Voltammetry",
        [0x75] = "Constant Voltage",
        [0x76] = "Constant Current",
        [0x77] = "Galvanostatic Cycling with Potential Limitation",
        [0x7F] = "Modulo Bat",
        [0x88] = "Battery Capacity Determination",
    }.ToFrozenDictionary();

    /// <summary>The technique's name, or null when the ID is not known.</summary>
    internal static string? Name(int id) => Names.GetValueOrDefault(id);
}
