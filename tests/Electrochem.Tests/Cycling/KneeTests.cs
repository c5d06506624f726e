using Electrochem.Cycling;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Electrochem.Tests.Cycling;

public sealed class KneeTests
{
    [Fact]
    public void Kneedle_finds_kneeds_reference_knee()
    {
        // kneed's oracle: x = linspace(0, 1, 10), y = −1/(x + 0.1) + 5, concave increasing: knee 0.22.
        double[] x = [.. Enumerable.Range(0, 10).Select(i => i / 9.0)];
        Kneedle knee = Kneedle.Find(x, [.. x.Select(v => (-1 / (v + 0.1)) + 5)], KneeCurve.Concave, increasing: true);
        Assert.Equal(2 / 9.0, knee.Knee!.Value, 1e-12);
        Assert.Equal(2 / 9.0, knee.MostProminentKnee!.Value, 1e-12);
    }

    [Fact]
    public void Kneedle_finds_the_knee_of_a_gaussian_cdf_where_the_difference_curve_peaks()
    {
        // Φ((x − 50)/10) on [20, 80]: D = y′ − x′ peaks where φ(z)/σ·60/ΔΦ = 1, z = 1.323, x = 63.2 — within 5 % of 60.5.
        double[] x = [.. Enumerable.Range(0, 1000).Select(i => 20 + (60.0 * i / 999))];
        Kneedle knee = Kneedle.Find(x, [.. x.Select(v => Phi((v - 50) / 10))], KneeCurve.Concave, increasing: true);
        double span = Phi(3) - Phi(-3);
        double expected = 50 + (10 * Math.Sqrt(2 * Math.Log(60 / (10 * span * Math.Sqrt(2 * Math.PI)))));
        Assert.Equal(expected, knee.Knee!.Value, 0.07); // the grid spacing
        Assert.InRange(knee.Knee.Value, 60.5 * 0.95, 60.5 * 1.05);
    }

    [Fact]
    public void On_a_noisy_empirical_cdf_the_most_prominent_knee_is_where_the_smooth_curves_is()
    {
        // kneed's noisy case: x = 1000 sorted N(50, 10) samples, y = linspace(0, 1). Over 20 seeds the most prominent
        // knee stays within 6 % of the noise-free knee for the samples' range, and their mean within 2 %.
        var errors = new List<double>();
        for (int seed = 1; seed <= 20; seed++)
        {
            var random = new Random(seed);
            double[] x = [.. Enumerable.Range(0, 1000).Select(_ => 50 + (10 * Gaussian(random))).Order()];
            double[] y = [.. Enumerable.Range(0, 1000).Select(i => i / 999.0)];
            Kneedle knee = Kneedle.Find(x, y, KneeCurve.Concave, increasing: true);
            double span = x[^1] - x[0];
            double smooth = 50 + (10 * Math.Sqrt(2 * Math.Log(span / (10 * Math.Sqrt(2 * Math.PI)))));
            errors.Add((knee.MostProminentKnee!.Value - smooth) / smooth);
        }

        Assert.All(errors, e => Assert.InRange(e, -0.06, 0.06));
        Assert.InRange(errors.Average(), -0.02, 0.02);
    }

    [Fact]
    public void Kneedle_turns_decreasing_and_convex_curves()
    {
        // A capacity curve: flat, then falling faster (concave, decreasing); its knee is at the bend.
        double[] n = [.. Enumerable.Range(0, 200).Select(i => (double)i)];
        double[] q = [.. n.Select(c => c < 120 ? 150 - (0.01 * c) : 150 - (0.01 * c) - (0.02 * (c - 120) * (c - 120)))];
        Kneedle knee = Kneedle.Find(n, q, KneeCurve.Concave, increasing: false);
        Assert.InRange(knee.MostProminentKnee!.Value, 120, 160);

        // An elbow: y = 1/x (convex, decreasing).
        double[] x = [.. Enumerable.Range(1, 100).Select(i => i / 10.0)];
        Kneedle elbow = Kneedle.Find(x, [.. x.Select(v => 1 / v)], KneeCurve.Convex, increasing: false);
        Assert.InRange(elbow.MostProminentKnee!.Value, 0.5, 2.5);
    }

    [Fact]
    public void Kneedle_refuses_what_has_no_knee()
    {
        Assert.Contains("strictly increasing", Assert.Throws<ArgumentException>(() => Kneedle.Find([1, 1, 2], [1, 2, 3], KneeCurve.Concave, true)).Message, StringComparison.Ordinal);
        Assert.Contains("constant", Assert.Throws<ArgumentException>(() => Kneedle.Find([1, 2, 3], [2, 2, 2], KneeCurve.Concave, true)).Message, StringComparison.Ordinal);
        Assert.Null(Kneedle.Find([1, 2, 3, 4], [1, 2, 3, 4], KneeCurve.Concave, true).Knee); // a straight line
    }

    private static double Phi(double z) => 0.5 * (1 + Erf(z / Math.Sqrt(2)));

    private static double Erf(double x)
    {
        // Numerical Recipes' erfc approximation (fractional error < 1.2e-7).
        double t = 1 / (1 + (0.5 * Math.Abs(x)));
        double[] c = [-1.26551223, 1.00002368, 0.37409196, 0.09678418, -0.18628806, 0.27886807, -1.13520398, 1.48851587, -0.82215223, 0.17087277];
        double poly = 0;
        for (int k = c.Length - 1; k >= 0; k--)
        {
            poly = c[k] + (t * poly);
        }

        double tau = t * Math.Exp((-x * x) + poly);
        return x >= 0 ? 1 - tau : tau - 1;
    }

    private static double Gaussian(Random random) => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}

public sealed class BaconWattsTests
{
    private static readonly double[] Cycles = [.. Enumerable.Range(0, 101).Select(i => 10.0 * i)];

    [Fact]
    public void The_knee_point_of_a_broken_line_is_found_with_an_interval_that_holds_it()
    {
        double[] q = [.. Cycles.Select(n => n < 600 ? 150 - (0.01 * n) : 144 - (0.05 * (n - 600)))];
        var random = new Random(3);
        double[] noisy = [.. q.Select(v => v + (0.05 * Gaussian(random)))];
        Electrochem.Fitting.FitResult<BaconWatts> fit = BaconWatts.Fit(Cycles, noisy);
        Assert.True(fit.Converged, fit.StatusReason);
        Electrochem.Fitting.ParameterEstimate knee = fit[BaconWatts.KneePointName];
        Assert.InRange(600, knee.ConfidenceLower, knee.ConfidenceUpper);
        Assert.InRange(knee.Value, 590, 610);
        Assert.Equal(-0.03, fit.Parameters[1].Value, 2e-3); // mean slope (α₁)
        Assert.Equal(-0.02, fit.Parameters[2].Value, 2e-3); // half the change (α₂)
    }

    [Property(MaxTest = 40)]
    public FsCheck.Property Noisy_knees_are_recovered_within_their_uncertainty(FsCheck.PositiveInt seed)
    {
        var random = new Random(seed.Get);
        double[] q = [.. Cycles.Select(n => (n < 450 ? 150 - (0.01 * n) : 145.5 - (0.04 * (n - 450))) + (0.1 * Gaussian(random)))];
        Electrochem.Fitting.FitResult<BaconWatts> fit = BaconWatts.Fit(Cycles, q);
        Electrochem.Fitting.ParameterEstimate knee = fit[BaconWatts.KneePointName];
        return (fit.Converged && Math.Abs(knee.Value - 450) <= (5 * knee.StandardError) + 10).ToProperty().Label($"{knee.Value} ± {knee.StandardError}");
    }

    [Fact]
    public void The_double_law_finds_the_knee_onset_before_the_knee()
    {
        double[] q = [.. Cycles.Select(n => 150 - (0.01 * n) - (n > 400 ? 0.02 * (n - 400) : 0) - (n > 700 ? 0.08 * (n - 700) : 0))];
        var random = new Random(11);
        double[] noisy = [.. q.Select(v => v + (0.05 * Gaussian(random)))];
        Electrochem.Fitting.FitResult<BaconWatts> fit = BaconWatts.Fit(Cycles, noisy, isDouble: true);
        Assert.True(fit.Converged, fit.StatusReason);
        Assert.InRange(fit[BaconWatts.KneeOnsetName].Value, 370, 430);
        Assert.InRange(fit[BaconWatts.SecondTransitionName].Value, 680, 720);
        Assert.True(fit.Model.HasOnset);
        Assert.Equal(q[50], fit.Model.Evaluate(500), 0.5);
    }

    [Fact]
    public void Bacon_Watts_refuses_too_little_data()
    {
        Assert.Contains("at least 8 points", Assert.Throws<ArgumentException>(() => BaconWatts.Fit([1, 2, 3], [1, 2, 3])).Message, StringComparison.Ordinal);
        Assert.Contains("spread of x", Assert.Throws<ArgumentException>(() => BaconWatts.Fit(Enumerable.Repeat(5.0, 10).ToArray(), Enumerable.Range(0, 10).Select(i => (double)i).ToArray())).Message, StringComparison.Ordinal);
    }

    private static double Gaussian(Random random) => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
