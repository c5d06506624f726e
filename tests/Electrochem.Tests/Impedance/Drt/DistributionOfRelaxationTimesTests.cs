using Electrochem.Impedance;
using Electrochem.Impedance.Drt;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Electrochem.Tests.Impedance.Drt;

/// <summary>
/// The DRT by ridge regression with γ ≥ 0, checked against the exact DRT of a ZARC (issue #17 §4's analytic
/// reference: R_∞ = 10 Ω, R = 50 Ω, τ₀ = 0.1 s, φ = 0.8, 81 points from 10 mHz to 1 MHz as in pyDRTtools' tutorial).
/// </summary>
public sealed class DistributionOfRelaxationTimesTests
{
    private const double Tau0 = 0.1;

    [Theory]
    [InlineData(0.1, 24.491427)]
    [InlineData(1e-2, 1.9288324)]
    [InlineData(1.0, 1.9288324)]
    [InlineData(1e-3, 0.2447784)]
    public void The_exact_zarc_distribution_has_the_published_values(double tau, double expected) =>
        Assert.Equal(expected, ZarcDistribution.Gamma(50, Tau0, 0.8, tau), 6);

    [Fact]
    public void The_exact_zarc_distribution_integrates_to_its_resistance()
    {
        double area = 0;
        const double h = 0.001;
        for (double y = -60; y <= 60; y += h)
        {
            area += ZarcDistribution.Gamma(50, Tau0, 0.8, Tau0 * Math.Exp(y)) * h;
        }

        Assert.Equal(50, area, 3);
    }

    [Fact]
    public void Noiseless_zarc_data_give_the_peak_at_tau0_the_area_and_the_series_resistance()
    {
        DrtResult drt = DistributionOfRelaxationTimes.Compute(Zarc(), new DrtOptions(1e-3));
        Assert.True(drt.Converged);
        double step = Math.Log(drt.Tau[1] / drt.Tau[0]);
        int peak = drt.GammaOnGrid.IndexOf(drt.GammaOnGrid.Max());
        Assert.InRange(Math.Abs(Math.Log(drt.Tau[peak] / Tau0)), 0, step);   // within one grid step
        Assert.InRange(drt.PolarizationResistance, 48, 52);                // 50 ± 2 Ω
        Assert.InRange(drt.SeriesResistance!.Value, 9.8, 10.2);                  // 10 ± 0.2 Ω
        Assert.All(drt.Weights, w => Assert.True(w >= 0));
        Assert.True(drt.RelativeResidualsReal.Max(Math.Abs) < 0.01, "the DRT explains the data to 1 %");
    }

    [Fact]
    public void The_grid_uses_tau_equal_to_one_over_omega_and_extends_a_decade()
    {
        DrtResult drt = DistributionOfRelaxationTimes.Compute(Zarc(), new DrtOptions(1e-3));
        Assert.Equal(1 / (2 * Math.PI * 1e6) / 10, drt.Tau[0], 1e-15);
        Assert.Equal(1 / (2 * Math.PI * 1e-2) * 10, drt.Tau[^1], 1e-9);
        Assert.Equal(101, drt.Tau.Length); // 10 decades at the data's 10 points per decade
    }

    [Property(MaxTest = 25)]
    public Property Recovers_the_resistance_of_a_zarc_under_noise(int seed)
    {
        var random = new Random(seed);
        double r = 20 + (80 * random.NextDouble());
        double tau0 = Math.Pow(10, -4 + (3 * random.NextDouble()));
        ImpedanceSpectrum clean = Zarc(r, tau0);
        double sigma = 0.002 * r;
        double[] re = [.. clean.Real.ToArray().Select(v => v + (sigma * Normal(random)))];
        double[] im = [.. clean.Imaginary.ToArray().Select(v => v + (sigma * Normal(random)))];
        DrtResult drt = DistributionOfRelaxationTimes.Compute(new ImpedanceSpectrum(clean.Frequency, re, im), new DrtOptions(1e-3 * r / 50));
        return (drt.Converged && Math.Abs(drt.PolarizationResistance - r) < 0.05 * r).Label($"R = {r}, τ₀ = {tau0}, found {drt.PolarizationResistance}");
    }

    [Fact]
    public void Lambda_by_generalised_cross_validation_recovers_a_noisy_zarc()
    {
        var random = new Random(17);
        ImpedanceSpectrum clean = Zarc();
        double[] re = [.. clean.Real.ToArray().Select(v => v + (0.1 * Normal(random)))];
        double[] im = [.. clean.Imaginary.ToArray().Select(v => v + (0.1 * Normal(random)))];
        DrtResult drt = DistributionOfRelaxationTimes.Compute(new ImpedanceSpectrum(clean.Frequency, re, im), new DrtOptions());
        Assert.Equal(DrtLambdaCriterion.Gcv, drt.Criterion);
        Assert.InRange(drt.Lambda, 1e-7, 1);
        Assert.Equal(71 + 1, drt.CriterionCurve.Length);   // 10 per decade over 7 decades, and the refined minimum
        Assert.InRange(drt.PolarizationResistance, 48, 52);
        Assert.InRange(drt.SeriesResistance!.Value, 9.7, 10.3); // with 0.1 Ω noise R_∞ trades against γ's short-τ tail (9.79 here)
        Assert.Null(DistributionOfRelaxationTimes.Compute(clean, new DrtOptions(1e-3)).Criterion);
    }

    [Fact]
    public void Bad_input_is_refused_with_the_reason()
    {
        Assert.Contains("at least 5 points", Assert.Throws<ArgumentException>(() => DistributionOfRelaxationTimes.Compute(new ImpedanceSpectrum([1, 2, 3], [1, 1, 1], [0, 0, 0]), new DrtOptions(1e-3))).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => DistributionOfRelaxationTimes.Compute(Zarc(), new DrtOptions(0)));
        Assert.Throws<ArgumentOutOfRangeException>(() => DistributionOfRelaxationTimes.Compute(Zarc(), new DrtOptions(1e-3, PenaltyOrder: 3)));
        Assert.Throws<ArgumentOutOfRangeException>(() => DistributionOfRelaxationTimes.Compute(Zarc(), new DrtOptions(1e-3, FwhmCoefficient: 0)));
        Assert.Throws<ArgumentOutOfRangeException>(() => DistributionOfRelaxationTimes.Compute(Zarc(), new DrtOptions(1e-3) { Tau = [1e-3, 1e-2, 1e-1] }));
        Assert.Contains("log-uniform", Assert.Throws<ArgumentException>(() => DistributionOfRelaxationTimes.Compute(Zarc(), new DrtOptions(1e-3) { Tau = [1e-3, 1e-2, 1e-1, 2e-1, 1, 10] })).Message, StringComparison.Ordinal);
        Assert.Contains("log-uniform", Assert.Throws<ArgumentException>(() => DistributionOfRelaxationTimes.Compute(Zarc(), new DrtOptions(1e-3) { Tau = [10, 1, 0.1, 0.01, 0.001] })).Message, StringComparison.Ordinal);
        Assert.Contains("same frequency", Assert.Throws<ArgumentException>(() => DistributionOfRelaxationTimes.Compute(new ImpedanceSpectrum([5, 5, 5, 5, 5], [1, 1, 1, 1, 1], [0, 0, 0, 0, 0]), new DrtOptions(1e-3))).Message, StringComparison.Ordinal);
    }

    private static ImpedanceSpectrum Zarc(double r = 50, double tau0 = Tau0) => DrtTestSpectra.Zarcs(10, (r, tau0, 0.8));

    private static double Normal(Random random) => DrtTestSpectra.Normal(random);
}
