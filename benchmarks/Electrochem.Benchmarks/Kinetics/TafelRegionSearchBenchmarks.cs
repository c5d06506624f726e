using BenchmarkDotNet.Attributes;
using Electrochem.Fitting;
using Electrochem.Kinetics;

namespace Electrochem.Benchmarks.Kinetics;

/// <summary>
/// The automatic Tafel-region search on a noisy single-electrode sweep: the library (all windows scored in O(1) each
/// from sums accumulated about each start point, O(N²) in all) beside a brute-force search that refits every window
/// from scratch with <see cref="LinearLeastSquares.FitLine"/> (O(N³)). The brute force is already seconds per call at
/// a few thousand points, so the sizes stop at 6·512+7; the 10,000-point case is in <see cref="TafelSweepBenchmarks"/>.
/// </summary>
[MemoryDiagnoser]
public class TafelRegionSearchBenchmarks
{
    private double[] _overpotential = [];
    private double[] _current = [];

    /// <summary>Points in the whole sweep (both branches).</summary>
    [Params(1_000, 3_079)]
    public int PointCount { get; set; }

    /// <summary>A Butler–Volmer sweep over ±0.5 V with 2 % multiplicative noise.</summary>
    [GlobalSetup]
    public void Setup() => (_overpotential, _current) = KineticsBenchmarkData.Sweep(PointCount, 0.5);

    /// <summary>Every window refitted from scratch, same criterion (adjusted R², same eligibility rules).</summary>
    /// <returns>The chosen anodic window's adjusted R².</returns>
    [Benchmark(Baseline = true)]
    public double BruteForce() => KineticsBenchmarkData.BruteForceAnodicRegion(_overpotential, _current, TafelOptions.Default, 298.15);

    /// <summary>The library's analysis of both branches (region search, line fits, combination).</summary>
    /// <returns>The combined exchange current density.</returns>
    [Benchmark]
    public double Library() => TafelAnalysis.AnalyzeElectrode(_overpotential, _current, 1, 298.15).CombinedExchangeCurrentDensity.Value;
}
