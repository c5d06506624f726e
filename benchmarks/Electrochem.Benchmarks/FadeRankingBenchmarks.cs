using BenchmarkDotNet.Attributes;
using Electrochem.Cycling;

namespace Electrochem.Benchmarks;

/// <summary>
/// Fade-law selection (six laws fitted and ranked by AICc) for 100 cells of 1 000 cycles each: one cell after another
/// (the baseline) vs <c>FadeModelRanking.RankMany</c> in parallel. Cells: Q = 150 − 0.35·√N with seeded uniform
/// noise of ±0.1.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 5)]
public class FadeRanking
{
    private List<(double[] Cycles, double[] Capacity)> _cells = [];

    [Params(100)]
    public int Cells { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(SyntheticData.Seed);
        double[] n = [.. Enumerable.Range(1, 1000).Select(i => (double)i)];
        _cells = [.. Enumerable.Range(0, Cells).Select(_ => (n, n.Select(c => 150 - (0.35 * Math.Sqrt(c)) + (0.2 * (random.NextDouble() - 0.5))).ToArray()))];
    }

    [Benchmark(Baseline = true, Description = "Rank, one cell after another")]
    public int OneAtATime() => _cells.Count(c => FadeModelRanking.Rank(c.Cycles, c.Capacity).Best.Kind == FadeModelKind.SquareRoot);

    [Benchmark(Description = "RankMany, in parallel")]
    public int Parallel() => FadeModelRanking.RankMany(_cells).Count(r => r.Best.Kind == FadeModelKind.SquareRoot);
}
