using System.Collections.Frozen;
using Electrochem.Cycling;
using Electrochem.IO.Tables;

namespace Electrochem.IO.Cycling;

/// <summary>
/// The names researchers and instruments give the columns of a cycler record, matched after
/// <see cref="HeaderGrammar.MatchKey"/> (so <c>Test_Time</c>, <c>Test Time</c> and <c>testtime</c> are one name), each with
/// a rank: a rank-0 name (<c>Test Time</c>) wins over a rank-1 name (<c>Time</c>) when both are present.
/// </summary>
internal static class CyclerColumnNames
{
    private static readonly FrozenDictionary<string, (RecordingQuantity Quantity, int Rank)> Known = Build();

    private static readonly FrozenSet<string> StepTypeNames = FrozenSet.ToFrozenSet(["steptype", "state", "mode", "status", "md", "stepmode", "steptypename"]);

    /// <summary>The quantity a name stands for, and its rank; false when the name is not a known one.</summary>
    internal static bool TryMatch(string name, out RecordingQuantity quantity, out int rank)
    {
        if (Known.TryGetValue(HeaderGrammar.MatchKey(name), out var match))
        {
            (quantity, rank) = match;
            return true;
        }

        quantity = RecordingQuantity.Other;
        rank = int.MaxValue;
        return false;
    }

    /// <summary>True when the name is a step type / state / mode column's.</summary>
    internal static bool IsStepType(string name) => StepTypeNames.Contains(HeaderGrammar.MatchKey(name));

    /// <summary>The unit dimension of a quantity's values (none for counters).</summary>
    internal static UnitDimension? Dimension(RecordingQuantity quantity) => quantity switch
    {
        RecordingQuantity.TestTime or RecordingQuantity.StepTime => UnitDimension.Time,
        RecordingQuantity.Current => UnitDimension.Current,
        RecordingQuantity.Voltage or RecordingQuantity.AuxiliaryVoltage => UnitDimension.Voltage,
        RecordingQuantity.ChargeCapacity or RecordingQuantity.DischargeCapacity => UnitDimension.Charge,
        RecordingQuantity.ChargeEnergy or RecordingQuantity.DischargeEnergy => UnitDimension.Energy,
        RecordingQuantity.Temperature => UnitDimension.Temperature,
        _ => null,
    };

    private static FrozenDictionary<string, (RecordingQuantity, int)> Build()
    {
        var map = new Dictionary<string, (RecordingQuantity, int)>(StringComparer.Ordinal);
        void Add(RecordingQuantity quantity, int rank, params string[] names)
        {
            foreach (string name in names)
            {
                map.Add(name, (quantity, rank));
            }
        }

        Add(RecordingQuantity.TestTime, 0, "testtime", "totaltime", "elapsedtime", "runtime", "relativetime", "timesincestart", "cumulativetime", "testtimes");
        Add(RecordingQuantity.TestTime, 1, "time", "t");
        Add(RecordingQuantity.StepTime, 0, "steptime", "timeinstep", "steptimes");
        Add(RecordingQuantity.Current, 0, "current", "cellcurrent", "i", "curr", "amps", "amp");
        Add(RecordingQuantity.Voltage, 0, "voltage", "cellvoltage", "potential", "cellpotential", "ewe", "ecell", "volts", "volt");
        Add(RecordingQuantity.Voltage, 1, "v", "u", "e");
        Add(RecordingQuantity.DataPoint, 0, "datapoint", "recordindex", "record", "rec", "recordnumber", "datapointindex", "point");
        Add(RecordingQuantity.DataPoint, 1, "index");
        Add(RecordingQuantity.CycleIndex, 0, "cycleindex", "cyclenumber", "cycle", "cyc", "cycleno", "cyclecount", "cycleid");
        Add(RecordingQuantity.StepIndex, 0, "stepindex", "stepnumber", "step", "stepno", "stepid", "ns");
        Add(RecordingQuantity.ChargeCapacity, 0, "chargecapacity", "chgcap", "chargecap", "qcharge", "capacitycharge", "chgcapacity", "chargeah");
        Add(RecordingQuantity.DischargeCapacity, 0, "dischargecapacity", "dchgcap", "dischgcap", "dischargecap", "qdischarge", "capacitydischarge", "dchgcapacity", "dischargeah");
        Add(RecordingQuantity.ChargeEnergy, 0, "chargeenergy", "chgenergy", "energycharge", "chargewh");
        Add(RecordingQuantity.DischargeEnergy, 0, "dischargeenergy", "dchgenergy", "dischgenergy", "energydischarge", "dischargewh");
        Add(RecordingQuantity.Temperature, 0, "temperature", "temp", "celltemperature", "celltemp");
        Add(RecordingQuantity.AuxiliaryVoltage, 0, "auxvoltage", "auxiliaryvoltage", "auxv");
        return map.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
