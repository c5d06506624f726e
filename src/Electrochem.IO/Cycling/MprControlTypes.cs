using System.Collections.Frozen;
using System.Collections.Immutable;
using static Electrochem.IO.Cycling.MprParameterCodes;

namespace Electrochem.IO.Cycling;

/// <summary>
/// The control types of a Modulo Bat sequence (<c>ctrl_type</c>) seen in paired exports, and what each prints of its
/// controls: the values of the first controls it uses, each with the codes of its unit and its <c>vs.</c> (null: the
/// export leaves that cell empty). A control type not listed has its controls left out, with a warning.
/// </summary>
internal static class MprControlTypes
{
    /// <summary>The control type's name as the export prints it.</summary>
    internal static readonly FrozenDictionary<int, string> Names = new Dictionary<int, string>
    {
        [0] = "CC",
        [4] = "Rest",
        [5] = "Loop",
        [8] = "PEIS",
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<int, ImmutableArray<(FrozenDictionary<int, string>? Units, FrozenDictionary<int, string>? References)>> Controls =
        new Dictionary<int, ImmutableArray<(FrozenDictionary<int, string>?, FrozenDictionary<int, string>?)>>
        {
            [0] = [(CurrentUnits, CurrentReference)],                                 // CC: the current
            [4] = [],                                                                 // Rest
            [5] = [(null, null)],                                                     // Loop: a value, no unit
            [8] = [(PotentialUnits, null), (FrequencyUnit, null), (FrequencyUnit, null)], // PEIS: amplitude, fi, ff
        }.ToFrozenDictionary();

    /// <summary>The controls a control type prints, or null when the type is not known.</summary>
    internal static ImmutableArray<(FrozenDictionary<int, string>? Units, FrozenDictionary<int, string>? References)>? Of(int controlType) =>
        Controls.TryGetValue(controlType, out var controls) ? controls : null;
}
