using BenchmarkDotNet.Attributes;
using Electrochem.Kinetics;

namespace Electrochem.Benchmarks.Kinetics;

/// <summary>
/// Tafel analysis of a 10,000-point sweep (and an odd size beside it), with the region given by hand as the
/// baseline: the difference is the cost of the automatic O(N²) region search.
/// </summary>
[MemoryDiagnoser]
public class TafelSweepBenchmarks
{
    private double[] _overpotential = [];
    private double[] _current = [];
    private TafelOptions _handGiven = TafelOptions.Default;

    /// <summary>Points in the whole sweep.</summary>
    [Params(6 * 512 + 7, 10_000)]
    public int PointCount { get; set; }

    /// <summary>A Butler–Volmer sweep over ±0.5 V with 2 % noise, and hand-given regions of 0.2–0.4 V.</summary>
    [GlobalSetup]
    public void Setup()
    {
        (_overpotential, _current) = KineticsBenchmarkData.Sweep(PointCount, 0.5);
        _handGiven = TafelOptions.Default with { AnodicRegion = new VoltageRange(0.2, 0.4), CathodicRegion = new VoltageRange(0.2, 0.4) };
    }

    /// <summary>Regions given by hand: two line fits, no search.</summary>
    /// <returns>The combined exchange current density.</returns>
    [Benchmark(Baseline = true)]
    public double RegionGivenByHand() => TafelAnalysis.AnalyzeElectrode(_overpotential, _current, 1, 298.15, _handGiven).CombinedExchangeCurrentDensity.Value;

    /// <summary>Automatic region search on both branches.</summary>
    /// <returns>The combined exchange current density.</returns>
    [Benchmark]
    public double AutomaticRegion() => TafelAnalysis.AnalyzeElectrode(_overpotential, _current, 1, 298.15).CombinedExchangeCurrentDensity.Value;
}
