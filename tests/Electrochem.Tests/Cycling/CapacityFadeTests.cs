using Electrochem.Cycling;
using Electrochem.Fitting;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Electrochem.Tests.Cycling;

public sealed class CapacityFadeTests
{
    private static readonly double[] Cycles = [.. Enumerable.Range(0, 100).Select(i => 1.0 + (10 * i))];

    public static TheoryData<FadeModelKind, double[]> TrueLaws() => new()
    {
        { FadeModelKind.Linear, [150, 0.012] },
        { FadeModelKind.SquareRoot, [150, 0.35] },
        { FadeModelKind.PowerLaw, [150, 0.0004, 1.5] },
        { FadeModelKind.Exponential, [150, 1.1e-4] },
        { FadeModelKind.DoubleExponential, [150, -5e-5, -0.5, 0.004] },
        { FadeModelKind.TwoRegime, [150, 0.004, 1.5e-4, 600] },
    };

    [Theory]
    [MemberData(nameof(TrueLaws))]
    public void Exact_data_give_back_their_parameters(FadeModelKind kind, double[] truth)
    {
        var law = new CapacityFade(kind, [.. truth]);
        double[] q = [.. Cycles.Select(law.Evaluate)];
        FitResult<CapacityFade> fit = CapacityFade.Fit(kind, Cycles, q);
        Assert.True(fit.Converged, fit.StatusReason);
        for (int j = 0; j < truth.Length; j++)
        {
            Assert.True(Math.Abs(fit.Parameters[j].Value - truth[j]) <= 1e-5 * Math.Abs(truth[j]), $"{fit.Parameters[j].Name}: {fit.Parameters[j].Value} vs {truth[j]}");
        }
    }

    [Property(MaxTest = 60)]
    public Property Noisy_data_give_back_their_parameters_within_the_reported_uncertainty(PositiveInt seed, byte which)
    {
        FadeModelKind kind = (FadeModelKind)(which % 4); // linear, √N, power law, exponential
        double[] truth = kind switch
        {
            FadeModelKind.Linear => [150, 0.012],
            FadeModelKind.SquareRoot => [150, 0.35],
            FadeModelKind.PowerLaw => [150, 0.0004, 1.5],
            _ => [150, 1.1e-4],
        };
        var law = new CapacityFade(kind, [.. truth]);
        var random = new Random(seed.Get);
        double[] q = [.. Cycles.Select(n => law.Evaluate(n) + (0.3 * Gaussian(random)))];
        FitResult<CapacityFade> fit = CapacityFade.Fit(kind, Cycles, q);
        bool ok = fit.Converged && truth.Select((t, j) => Math.Abs(fit.Parameters[j].Value - t) <= 5 * fit.Parameters[j].StandardError).All(x => x);
        return ok.ToProperty().Label($"{kind}: {string.Join(", ", fit.Parameters.Select(p => $"{p.Name} {p.Value} ± {p.StandardError}"))}");
    }

    [Theory]
    [InlineData(FadeModelKind.Linear)]
    [InlineData(FadeModelKind.SquareRoot)]
    [InlineData(FadeModelKind.Exponential)]
    public void Ninety_five_percent_intervals_cover_the_truth_95_percent_of_the_time(FadeModelKind kind)
    {
        // 4000 seeded datasets: the binomial standard error of the coverage is 0.34 %, so 93.5–96.5 % is ±4.4 SE.
        double[] truth = kind switch { FadeModelKind.Linear => [150, 0.012], FadeModelKind.SquareRoot => [150, 0.35], _ => [150, 1.1e-4] };
        var law = new CapacityFade(kind, [.. truth]);
        double[] cycles = [.. Cycles.Take(30)];
        double[] exact = [.. cycles.Select(law.Evaluate)];
        var random = new Random(20261203);
        int trials = 4000, covered = 0;
        double[] q = new double[cycles.Length];
        for (int t = 0; t < trials; t++)
        {
            for (int i = 0; i < q.Length; i++)
            {
                q[i] = exact[i] + (0.5 * Gaussian(random));
            }

            FitResult<CapacityFade> fit = CapacityFade.Fit(kind, cycles, q);
            ParameterEstimate k = fit.Parameters[1];
            covered += k.ConfidenceLower <= truth[1] && truth[1] <= k.ConfidenceUpper ? 1 : 0;
        }

        Assert.InRange(100.0 * covered / trials, 93.5, 96.5);
    }

    [Fact]
    public void End_of_life_of_a_linear_law_is_its_closed_form_and_an_extrapolation_is_said_to_be_one()
    {
        var random = new Random(7);
        double[] q = [.. Cycles.Select(n => 150 - (0.012 * n) + (0.2 * Gaussian(random)))];
        FitResult<CapacityFade> fit = CapacityFade.Fit(FadeModelKind.Linear, Cycles, q);
        EndOfLife eol = EndOfLife.FromFit(fit, 150, "150 mAh/g, the nominal capacity");
        double q0 = fit.Parameters[0].Value, k = fit.Parameters[1].Value;
        Assert.Equal((q0 - 120) / k, eol.Cycle!.Value, 1e-6 * eol.Cycle.Value);
        Assert.True(eol.IsExtrapolation); // 2 500 cycles, data end at 991
        Assert.Contains("an extrapolation", eol.Description, StringComparison.Ordinal);
        Assert.True(eol.Lower < eol.Cycle && eol.Cycle < eol.Upper);

        EndOfLife never = EndOfLife.FromFit(fit, 150, "150 mAh/g", 0.8, searchLimit: 1000);
        Assert.Null(never.Cycle);
        Assert.Contains("not reached within 1000 cycles", never.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void End_of_life_intervals_cover_the_true_crossing()
    {
        // Linear fade to 80 % inside the data; 2000 seeded datasets.
        double[] cycles = [.. Enumerable.Range(0, 40).Select(i => 1.0 + (25 * i))];
        double truth = (150 - 120) / 0.03;
        var random = new Random(99);
        int trials = 2000, covered = 0;
        double[] q = new double[cycles.Length];
        for (int t = 0; t < trials; t++)
        {
            for (int i = 0; i < q.Length; i++)
            {
                q[i] = 150 - (0.03 * cycles[i]) + (0.4 * Gaussian(random));
            }

            EndOfLife eol = EndOfLife.FromFit(CapacityFade.Fit(FadeModelKind.Linear, cycles, q), 150, "150");
            covered += eol.Lower <= truth && truth <= eol.Upper ? 1 : 0;
        }

        Assert.InRange(100.0 * covered / trials, 93.5, 96.5);
    }

    [Fact]
    public void The_bootstrap_interval_is_seeded_holds_the_estimate_and_agrees_with_the_delta_method_for_a_line()
    {
        var random = new Random(13);
        double[] cycles = [.. Enumerable.Range(0, 40).Select(i => 1.0 + (25 * i))];
        double[] q = [.. cycles.Select(n => 150 - (0.03 * n) + (0.4 * Gaussian(random)))];
        FitResult<CapacityFade> fit = CapacityFade.Fit(FadeModelKind.Linear, cycles, q);
        BootstrapEndOfLife a = EndOfLife.Bootstrap(fit, cycles, 150, "150", resamples: 400, seed: 7);
        BootstrapEndOfLife b = EndOfLife.Bootstrap(fit, cycles, 150, "150", resamples: 400, seed: 7);
        Assert.Equal(a, b);
        Assert.InRange(a.Point.Cycle!.Value, a.Lower, a.Upper);
        Assert.Equal(400, a.Resamples + a.Failed);
        double deltaWidth = a.Point.Upper - a.Point.Lower, bootWidth = a.Upper - a.Lower;
        Assert.InRange(bootWidth / deltaWidth, 0.8, 1.25); // nearly linear near the crossing: both intervals agree
        Assert.Throws<ArgumentException>(() => EndOfLife.Bootstrap(fit, cycles.AsSpan(0, 10), 150, "150"));
    }

    [Fact]
    public void Ranking_prefers_the_law_that_made_the_data_and_a_batch_equals_one_at_a_time()
    {
        var random = new Random(5);
        var sqrt = new CapacityFade(FadeModelKind.SquareRoot, [150, 0.35]);
        var knee = new CapacityFade(FadeModelKind.TwoRegime, [150, 0.004, 1.5e-4, 600]);
        double[] a = [.. Cycles.Select(n => sqrt.Evaluate(n) + (0.1 * Gaussian(random)))];
        double[] b = [.. Cycles.Select(n => knee.Evaluate(n) + (0.1 * Gaussian(random)))];
        FadeModelRanking ra = FadeModelRanking.Rank(Cycles, a);
        FadeModelRanking rb = FadeModelRanking.Rank(Cycles, b);
        Assert.Contains(ra.Best.Kind, new[] { FadeModelKind.SquareRoot, FadeModelKind.PowerLaw });
        Assert.Equal(FadeModelKind.TwoRegime, rb.Best.Kind);
        Assert.Equal(1, ra.Ranked.Sum(r => r.AkaikeWeight), 1e-12);
        Assert.Equal(0, ra.Best.DeltaAicc);

        var batch = FadeModelRanking.RankMany([(Cycles, a), (Cycles, b)]);
        Assert.Equal(ra.Ranked.Select(r => (r.Kind, r.Fit.Statistics.Aicc)), batch[0].Ranked.Select(r => (r.Kind, r.Fit.Statistics.Aicc)));
        Assert.Equal(rb.Ranked.Select(r => (r.Kind, r.Fit.Statistics.Aicc)), batch[1].Ranked.Select(r => (r.Kind, r.Fit.Statistics.Aicc)));
    }

    [Fact]
    public void Beeps_end_of_life_is_the_first_cycle_below_80_percent_of_the_median_of_the_first_40()
    {
        int[] cycles = [.. Enumerable.Range(1, 300)];
        double[] q = [.. cycles.Select(n => n <= 40 ? (n % 2 == 0 ? 1.1 : 1.0) : 1.05 - (0.001 * n))];
        Assert.Equal(211, EndOfLife.FirstBelowMedian(cycles, q)); // median 1.05 → below 0.84 from 1.05 − 0.001·n < 0.84
        Assert.Null(EndOfLife.FirstBelowMedian(cycles.AsSpan(0, 100), q.AsSpan(0, 100)));
    }

    [Fact]
    public void Bad_input_is_refused_with_what_was_expected()
    {
        Assert.Contains("at least 4 cycles", Assert.Throws<ArgumentException>(() => CapacityFade.Fit(FadeModelKind.Linear, [1, 2, 3], [1, 1, 1])).Message, StringComparison.Ordinal);
        Assert.Contains("≥ 0", Assert.Throws<ArgumentException>(() => CapacityFade.Fit(FadeModelKind.Linear, [-1, 2, 3, 4], [1, 1, 1, 1])).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => CapacityFade.Fit(FadeModelKind.Linear, [1, 2, 3, 4], [1, double.NaN, 1, 1]));
        Assert.Contains("two distinct cycles", Assert.Throws<ArgumentException>(() => CapacityFade.Fit(FadeModelKind.Linear, [2, 2, 2, 2], [1, 1, 1, 1])).Message, StringComparison.Ordinal);
        Assert.Equal("capacityStandardUncertainty", Assert.Throws<ArgumentException>(() => CapacityFade.Fit(FadeModelKind.Linear, [1, 2, 3, 4], [1, 1, 1, 1], [1, 1, 0, 1])).ParamName);
        FitResult<CapacityFade> fit = CapacityFade.Fit(FadeModelKind.Linear, [1, 2, 3, 4, 5], [5, 4, 3.1, 2, 1]);
        Assert.Equal("fraction", Assert.Throws<ArgumentOutOfRangeException>(() => EndOfLife.FromFit(fit, 5, "5", 80)).ParamName);
        Assert.Equal("referenceCapacity", Assert.Throws<ArgumentOutOfRangeException>(() => EndOfLife.FromFit(fit, 0, "0")).ParamName);
    }

    private static double Gaussian(Random random) => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
