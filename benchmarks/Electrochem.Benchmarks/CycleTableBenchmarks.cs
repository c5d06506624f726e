using BenchmarkDotNet.Attributes;
using Electrochem.Cycling;

namespace Electrochem.Benchmarks;

/// <summary>
/// A 10 000 000-row recording (2 000 cycles of CC charge, CV hold, rest, CC discharge, rest; 5 000 rows each) to its
/// cycle table: <c>CycleTable.From</c> (step segmentation and classification, capacities from the accumulators,
/// energies integrated, cycles, bookkeeping) vs the LINQ group-by a script writes for the headline numbers (the
/// baseline: per cycle the accumulators' maxima, charge and discharge energy by the rectangle rule over V·I·Δt,
/// coulombic efficiency and the last voltage — less than the table computes, and no steps).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 8)]
public class CycleTableBuilding
{
    private CyclerRecording _recording = null!;
    private double[] _cycle = [];
    private double[] _charge = [];
    private double[] _discharge = [];
    private double[] _time = [];
    private double[] _current = [];
    private double[] _voltage = [];

    [Params(10_000_000)]
    public int Rows { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _recording = SyntheticData.Cycling(Rows / 5000);
        _cycle = _recording.CycleIndex!.Values.ToArray();
        _charge = _recording.ChargeCapacity!.Values.ToArray();
        _discharge = _recording.DischargeCapacity!.Values.ToArray();
        _time = _recording.TestTime.Values.ToArray();
        _current = _recording.Current.Values.ToArray();
        _voltage = _recording.Voltage.Values.ToArray();
    }

    [Benchmark(Baseline = true, Description = "LINQ GroupBy cycle → capacities, energies, CE")]
    public int Linq() =>
        Enumerable.Range(1, _cycle.Length - 1)
            .GroupBy(i => _cycle[i])
            .Select(g => (
                Cycle: g.Key,
                Charge: g.Max(i => _charge[i]),
                Discharge: g.Max(i => _discharge[i]),
                ChargeEnergy: g.Where(i => _current[i] > 0).Sum(i => _voltage[i] * _current[i] * (_time[i] - _time[i - 1])) / 3600,
                DischargeEnergy: g.Where(i => _current[i] < 0).Sum(i => -_voltage[i] * _current[i] * (_time[i] - _time[i - 1])) / 3600,
                EndVoltage: _voltage[g.Last()]))
            .Select(c => (c.Cycle, CoulombicEfficiency: 100 * c.Discharge / c.Charge, EnergyEfficiency: 100 * c.DischargeEnergy / c.ChargeEnergy, c.EndVoltage))
            .Count(c => c.CoulombicEfficiency > 50);

    [Benchmark(Description = "CycleTable.From (steps, cycles, capacities, energies, bookkeeping)")]
    public int CycleTable() =>
        Electrochem.Cycling.CycleTable.From(_recording, new CycleTableOptions(EfficiencyConvention.ChargeFirst)).Cycles.Count(c => c.CoulombicEfficiencyPercent > 50);
}
