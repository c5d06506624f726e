using System.Collections.Frozen;

namespace Electrochem.IO.Cycling;

/// <summary>
/// The column IDs of EC-Lab <c>.mpr</c> data modules, with the headers the <c>.mpt</c> export writes for them and their
/// storage. The format is undocumented: the table was learnt from the public descriptions of the format (galvani's and
/// yadg's readers) and checked column by column against paired <c>.mpr</c>/<c>.mpt</c> files of EC-Lab 11.10 to 11.61.
/// </summary>
internal static class MprColumnIds
{
    /// <summary>The ID of the first flag column; the flags byte sits where the first flag ID is listed.</summary>
    internal const int Mode = 1;

    private static readonly FrozenDictionary<int, MprColumnDefinition> Known = Build();

    /// <summary>The definition of an ID, or null when it is not known.</summary>
    internal static MprColumnDefinition? Find(int id) => Known.GetValueOrDefault(id);

    /// <summary>
    /// The storage width an unknown ID probably has: EC-Lab numbers later variants of a column 256 above the first
    /// (434 and 178 are both <c>(Q-Qo)/C</c>, 326 and 70 both <c>P/W</c>), so the ID modulo 256 is tried. Null when
    /// that is unknown too.
    /// </summary>
    internal static MprColumnType? GuessType(int id) =>
        id >= 256 && Known.GetValueOrDefault(id % 256) is { Type: not MprColumnType.Flag } base256 ? base256.Type : null;

    private static FrozenDictionary<int, MprColumnDefinition> Build()
    {
        const MprColumnType F4 = MprColumnType.Single;
        const MprColumnType F8 = MprColumnType.Double;
        var list = new List<MprColumnDefinition>
        {
            new(1, "mode", MprColumnType.Flag, 0x03),
            new(2, "ox/red", MprColumnType.Flag, 0x04),
            new(3, "error", MprColumnType.Flag, 0x08),
            new(21, "control changes", MprColumnType.Flag, 0x10),
            new(31, "Ns changes", MprColumnType.Flag, 0x20),
            new(65, "counter inc.", MprColumnType.Flag, 0x80),
            new(4, "time/s", F8),
            new(5, "control/V/mA", F4),
            new(6, "Ewe/V", F4),
            new(7, "dq/mA.h", F8),
            new(8, "I/mA", F4),
            new(9, "Ece/V", F4),
            new(11, "<I>/mA", F8),
            new(13, "(Q-Qo)/mA.h", F8),
            new(16, "Analog IN 1/V", F4),
            new(17, "Analog IN 2/V", F4),
            new(19, "control/V", F4),
            new(20, "control/mA", F4),
            new(23, "dQ/mA.h", F8),
            new(24, "cycle number", F8),
            new(26, "Rapp/Ohm", F4),
            new(27, "Ewe-Ece/V", F4),
            new(32, "freq/Hz", F4),
            new(33, "|Ewe|/V", F4),
            new(34, "|I|/A", F4),
            new(35, "Phase(Z)/deg", F4),
            new(36, "|Z|/Ohm", F4),
            new(37, "Re(Z)/Ohm", F4),
            new(38, "-Im(Z)/Ohm", F4),
            new(39, "I Range", MprColumnType.UInt16),
            new(69, "R/Ohm", F4),
            new(70, "P/W", F4),
            new(74, "|Energy|/W.h", F8),
            new(75, "Analog OUT/V", F4),
            new(76, "<I>/mA", F4),
            new(77, "<Ewe>/V", F4),
            new(78, "Cs-2/µF-2", F4),
            new(96, "|Ece|/V", F4),
            new(98, "Phase(Zce)/deg", F4),
            new(99, "|Zce|/Ohm", F4),
            new(100, "Re(Zce)/Ohm", F4),
            new(101, "-Im(Zce)/Ohm", F4),
            new(123, "Energy charge/W.h", F8),
            new(124, "Energy discharge/W.h", F8),
            new(125, "Capacitance charge/µF", F8),
            new(126, "Capacitance discharge/µF", F8),
            new(131, "Ns", MprColumnType.UInt16),
            new(163, "|Estack|/V", F4),
            new(168, "Rcmp/Ohm", F4),
            new(169, "Cs/µF", F4),
            new(172, "Cp/µF", F4),
            new(173, "Cp-2/µF-2", F4),
            new(174, "<Ewe/V>", F4),
            new(178, "(Q-Qo)/C", F4),
            new(179, "dQ/C", F4),
            new(211, "Q charge/discharge/mA.h", F8),
            new(212, "half cycle", MprColumnType.UInt32),
            new(213, "z cycle", MprColumnType.UInt32),
            new(326, "P/W", F4),
            new(422, "Phase(Zstack)/deg", F4),
            new(423, "|Zstack|/Ohm", F4),
            new(424, "Re(Zstack)/Ohm", F4),
            new(425, "-Im(Zstack)/Ohm", F4),
            new(426, "<Estack>/V", F4),
            new(430, "Phase(Zwe-ce)/deg", F4),
            new(431, "|Zwe-ce|/Ohm", F4),
            new(432, "Re(Zwe-ce)/Ohm", F4),
            new(433, "-Im(Zwe-ce)/Ohm", F4),
            new(434, "(Q-Qo)/C", F4),
            new(435, "dQ/C", F4),
            new(438, "step time/s", F8),
            new(441, "<Ecv>/V", F4),
            new(462, "Temperature/°C", F4),
            new(467, "Q charge/discharge/mA.h", F8),
            new(468, "half cycle", MprColumnType.UInt32),
            new(469, "z cycle", MprColumnType.UInt32),
            new(471, "<Ece>/V", F4),
            new(498, "Q charge/mA.h", F8),
            new(499, "Q discharge/mA.h", F8),
            new(500, "step time/s", F8),
            new(501, "Efficiency/%", F8),
            new(502, "Capacity/mA.h", F8),
            new(505, "Rdc/Ohm", F4),
            new(509, "Acir/Dcir Control", MprColumnType.Byte),
        };

        // The EIS quality indicators, twice: 217… (older) and 473… (EC-Lab 11.50).
        foreach (int first in (ReadOnlySpan<int>)[217, 473])
        {
            list.Add(new(first, "THD Ewe/%", F4));
            list.Add(new(first + 1, "THD I/%", F4));
            list.Add(new(first + 3, "NSD Ewe/%", F4));
            list.Add(new(first + 4, "NSD I/%", F4));
            list.Add(new(first + 6, "NSR Ewe/%", F4));
            list.Add(new(first + 7, "NSR I/%", F4));
            for (int h = 2; h <= 7; h++)
            {
                list.Add(new(first + 11 + h, $"|Ewe h{h}|/V", F4));
                list.Add(new(first + 17 + h, $"|I h{h}|/A", F4));
            }
        }

        return list.ToFrozenDictionary(c => c.Id);
    }
}
