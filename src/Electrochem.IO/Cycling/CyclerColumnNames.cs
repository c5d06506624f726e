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
    private static readonly FrozenDictionary<string, (RecordingQuantity Quantity, int Rank)[]> Known = Build();

    private static readonly FrozenSet<string> StepTypeNames = FrozenSet.ToFrozenSet(["steptype", "state", "mode", "status", "md", "stepmode", "steptypename"]);

    /// <summary>The quantity a name stands for, and its rank; false when the name is not a known one.</summary>
    internal static bool TryMatch(string name, out RecordingQuantity quantity, out int rank) => TryMatch(name, null, out quantity, out rank);

    /// <summary>
    /// The quantity a name stands for given the header's unit: of the quantities the name can mean (<c>T</c> is a
    /// time or a temperature; <c>Charge Capacity (mWh)</c> is an energy, as PEC writes it), the best-ranked one whose
    /// dimension the unit belongs to. A counter (cycle, step) takes no unit of a physical dimension, so
    /// <c>Step (Sec)</c> is not the step counter. False when the name is not a known one or no meaning fits the unit.
    /// </summary>
    internal static bool TryMatch(string name, string? unit, out RecordingQuantity quantity, out int rank)
    {
        if (Known.TryGetValue(HeaderGrammar.MatchKey(name), out var candidates))
        {
            foreach ((RecordingQuantity q, int r) in candidates)
            {
                if (Fits(q, unit))
                {
                    (quantity, rank) = (q, r);
                    return true;
                }
            }
        }

        quantity = RecordingQuantity.Other;
        rank = int.MaxValue;
        return false;
    }

    /// <summary>True when a unit (or none) suits a quantity: its dimension's unit, a pure number for a counter, or no unit at all.</summary>
    internal static bool Fits(RecordingQuantity quantity, string? unit)
    {
        if (unit is null)
        {
            return true;
        }

        if (Dimension(quantity) is { } dimension)
        {
            return MeasurementUnit.Parse(unit, dimension) is not null || !MeasurementUnit.IsKnown(unit);
        }

        return !MeasurementUnit.IsKnown(unit) || MeasurementUnit.Parse(unit, UnitDimension.Dimensionless) is not null;
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

    private static FrozenDictionary<string, (RecordingQuantity, int)[]> Build()
    {
        var map = new Dictionary<string, List<(RecordingQuantity, int)>>(StringComparer.Ordinal);
        void Add(RecordingQuantity quantity, int rank, params string[] names)
        {
            foreach (string name in names)
            {
                if (!map.TryGetValue(name, out List<(RecordingQuantity, int)>? list))
                {
                    map[name] = list = [];
                }

                list.Add((quantity, rank));
            }
        }

        Add(RecordingQuantity.TestTime, 0, "testtime", "totaltime", "elapsedtime", "runtime", "relativetime", "timesincestart", "cumulativetime", "testtimes");
        Add(RecordingQuantity.TestTime, 1, "time", "t", "test");
        Add(RecordingQuantity.StepTime, 0, "steptime", "timeinstep", "steptimes");
        Add(RecordingQuantity.StepTime, 1, "step");   // Maccor's "Step (Sec)": the unit decides
        Add(RecordingQuantity.Current, 0, "current", "cellcurrent", "i", "curr", "amps", "amp");
        Add(RecordingQuantity.Voltage, 0, "voltage", "cellvoltage", "potential", "cellpotential", "ewe", "ecell", "volts", "volt");
        Add(RecordingQuantity.Voltage, 1, "v", "u", "e");
        Add(RecordingQuantity.DataPoint, 0, "datapoint", "recordindex", "record", "rec", "recordnumber", "datapointindex", "point");
        Add(RecordingQuantity.DataPoint, 1, "index");
        Add(RecordingQuantity.CycleIndex, 0, "cycleindex", "cycleid");
        Add(RecordingQuantity.CycleIndex, 1, "cyclenumber", "cycle", "cyc", "cycleno", "cyclecount");
        Add(RecordingQuantity.StepIndex, 0, "stepindex", "stepnumber", "step", "stepno", "stepid", "ns");
        Add(RecordingQuantity.ChargeCapacity, 0, "chargecapacity", "chgcap", "chargecap", "qcharge", "capacitycharge", "chgcapacity", "chargeah");
        Add(RecordingQuantity.DischargeCapacity, 0, "dischargecapacity", "dchgcap", "dischgcap", "dischargecap", "qdischarge", "capacitydischarge", "dchgcapacity", "dischargeah");
        Add(RecordingQuantity.ChargeEnergy, 0, "chargeenergy", "chgenergy", "energycharge", "chargewh");
        Add(RecordingQuantity.DischargeEnergy, 0, "dischargeenergy", "dchgenergy", "dischgenergy", "energydischarge", "dischargewh");

        // Named as a capacity but written in an energy unit (PEC's "Charge Capacity (mWh)"): the unit decides.
        Add(RecordingQuantity.ChargeEnergy, 1, "chargecapacity", "chgcap");
        Add(RecordingQuantity.DischargeEnergy, 1, "dischargecapacity", "dchgcap");
        Add(RecordingQuantity.Temperature, 0, "temperature", "temp", "celltemperature", "celltemp");
        Add(RecordingQuantity.Temperature, 2, "t");
        Add(RecordingQuantity.AuxiliaryVoltage, 0, "auxvoltage", "auxiliaryvoltage", "auxv");
        return map.ToFrozenDictionary(p => p.Key, p => p.Value.OrderBy(c => c.Item2).ToArray(), StringComparer.Ordinal);
    }
}
