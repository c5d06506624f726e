using System.Collections.Frozen;

namespace Electrochem.IO.Cycling;

/// <summary>
/// The texts of the coded technique parameters, as far as the paired <c>.mpr</c>/<c>.mpt</c> files show them (EC-Lab
/// 11.18 to 11.61). Only codes seen in a pair are here: a code not listed is kept as its number, with a warning.
/// </summary>
internal static class MprParameterCodes
{
    /// <summary><c>vs.</c> of a potential: Eoc (ZIR, PEIS), Emeas (CA, PEIS), Ref (PEIS).</summary>
    internal static readonly FrozenDictionary<int, string> PotentialReference = Table((0, "Eoc"), (2, "Emeas"), (4, "Ref"));

    /// <summary><c>vs.</c> of a current (CP, GCPL, GEIS).</summary>
    internal static readonly FrozenDictionary<int, string> CurrentReference = Table((2, "<None>"));

    /// <summary>
    /// <c>I Range</c> (and its min, max, init). The codes depend on the instrument: an SP-300 or SP-240 writes 36 for
    /// 1 A, 38 for 10 mA and 40 for 100 µA, a VMP3 12 for 100 µA, a VSP 9 for 100 mA and 10 for 10 mA; 14 is Auto and
    /// 123 Unset on both. No code seen names two ranges, so one table serves every instrument seen.
    /// </summary>
    internal static readonly FrozenDictionary<int, string> CurrentRange = Table((9, "100 mA"), (10, "10 mA"), (12, "100 µA"), (14, "Auto"), (36, "1 A"), (38, "10 mA"), (40, "100 µA"), (123, "Unset"));

    /// <summary>The unit of a current.</summary>
    internal static readonly FrozenDictionary<int, string> CurrentUnits = Table((1, "mA"), (2, "µA"));

    /// <summary>The unit of a charge.</summary>
    internal static readonly FrozenDictionary<int, string> ChargeUnit = Table((0, "A.h"), (1, "mA.h"), (3, "nA.h"));

    /// <summary>The unit of a frequency.</summary>
    internal static readonly FrozenDictionary<int, string> FrequencyUnit = Table((1, "kHz"), (2, "Hz"), (3, "mHz"));

    /// <summary>The unit of a current's rate of change.</summary>
    internal static readonly FrozenDictionary<int, string> CurrentRateUnit = Table((1, "mA/s"));

    /// <summary><c>record</c> of CA.</summary>
    internal static readonly FrozenDictionary<int, string> RecordCurrent = Table((1, "<I>"));

    /// <summary><c>record</c> of CP and OCV.</summary>
    internal static readonly FrozenDictionary<int, string> RecordPotential = Table((1, "<Ewe>"));

    /// <summary><c>Set I/C</c> of GCPL.</summary>
    internal static readonly FrozenDictionary<int, string> SetCurrent = Table((0, "I"), (1, "C / N"), (2, "C x N"));

    /// <summary><c>I sign</c> of GCPL.</summary>
    internal static readonly FrozenDictionary<int, string> CurrentSigns = Table((0, "> 0"), (1, "< 0"));

    /// <summary><c>Mode</c> of PEIS and GEIS.</summary>
    internal static readonly FrozenDictionary<int, string> ImpedanceMode = Table((0, "Single sine"));

    /// <summary><c>Points</c> of PEIS and GEIS.</summary>
    internal static readonly FrozenDictionary<int, string> FrequencyPoints = Table((0, "per decade"));

    /// <summary><c>spacing</c> of PEIS and GEIS.</summary>
    internal static readonly FrozenDictionary<int, string> FrequencySpacing = Table((0, "Logarithmic"));

    /// <summary><c>Ia/Va</c> of GEIS.</summary>
    internal static readonly FrozenDictionary<int, string> AmplitudeChoice = Table((0, "Ia"));

    /// <summary><c>comp. mode</c> of ZIR.</summary>
    internal static readonly FrozenDictionary<int, string> CompensationMode = Table((0, "Software"));

    /// <summary>The unit of a potential (a Modulo Bat PEIS control's amplitude).</summary>
    internal static readonly FrozenDictionary<int, string> PotentialUnits = Table((1, "mV"));

    /// <summary>The unit of a time (Modulo Bat limits, records and time-outs).</summary>
    internal static readonly FrozenDictionary<int, string> TimeUnits = Table((0, "d"), (3, "s"));

    /// <summary><c>Apply I/C</c> of Modulo Bat.</summary>
    internal static readonly FrozenDictionary<int, string> ApplyCurrent = Table((0, "I"), (1, "C / N"));

    /// <summary><c>current/potential</c> of Modulo Bat.</summary>
    internal static readonly FrozenDictionary<int, string> ControlledQuantity = Table((0, "current"));

    /// <summary><c>charge/discharge</c> of Modulo Bat.</summary>
    internal static readonly FrozenDictionary<int, string> ChargeOrDischarge = Table((0, "Charge"), (1, "Discharge"));

    /// <summary><c>ctrl_trigger</c> of Modulo Bat.</summary>
    internal static readonly FrozenDictionary<int, string> Trigger = Table((0, "Falling Edge"));

    /// <summary><c>lim1_type</c> and <c>rec1_type</c> of Modulo Bat.</summary>
    internal static readonly FrozenDictionary<int, string> ConditionType = Table((0, "Time"));

    /// <summary><c>lim1_comp</c> of Modulo Bat.</summary>
    internal static readonly FrozenDictionary<int, string> Comparison = Table((0, ">"));

    /// <summary><c>lim1_Q</c> of Modulo Bat.</summary>
    internal static readonly FrozenDictionary<int, string> ChargeLimit = Table((0, "Q limit"));

    /// <summary><c>lim1_action</c> of Modulo Bat.</summary>
    internal static readonly FrozenDictionary<int, string> LimitAction = Table((0, "Next sequence"));

    private static FrozenDictionary<int, string> Table(params (int Code, string Text)[] entries) =>
        entries.ToFrozenDictionary(e => e.Code, e => e.Text);
}
