using Electrochem.Impedance.Drt;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;

namespace Electrochem.Tests.Impedance.Drt;

/// <summary>The exact-HMC sampler of a Gaussian truncated to x ≥ 0 against closed forms, rejection sampling and calibration.</summary>
public sealed class TruncatedGaussianSamplerTests
{
    /// <summary>
    /// N(−0.5, 1) truncated to x ≥ 0 has mean μ + σφ(α)/(1 − Φ(α)) = 0.641 07 and variance 0.268 49 (α = 0.5). With 20,000
    /// weakly correlated draws the standard error of the mean is about 0.004; tolerance 0.02 (5 SE) for the mean and 0.02
    /// for the variance.
    /// </summary>
    [Fact]
    public void One_dimension_matches_the_truncated_normal_moments()
    {
        var sampler = new TruncatedGaussianSampler([1.0], [-0.5]);
        var draws = new List<double>();
        sampler.Sample([0.5], 20_000, 100, new Random(3), x => draws.Add(x[0]), CancellationToken.None);
        double alpha = 0.5;
        double ratio = Normal.PDF(0, 1, alpha) / (1 - Normal.CDF(0, 1, alpha));
        double mean = draws.Average();
        double variance = draws.Sum(x => (x - mean) * (x - mean)) / (draws.Count - 1);
        Assert.Equal(-0.5 + ratio, mean, 0.02);
        Assert.Equal(1 + (alpha * ratio) - (ratio * ratio), variance, 0.02);
        Assert.All(draws, x => Assert.True(x >= 0));
    }

    /// <summary>A strongly correlated 3-D Gaussian near the walls: the mean and covariance of 20,000 draws agree with 400,000 rejection-sampled draws to 0.03 (a few standard errors).</summary>
    [Fact]
    public void Correlated_dimensions_match_rejection_sampling()
    {
        double[] mean = [0.3, -0.2, 1.0];
        var covariance = Matrix<double>.Build.DenseOfArray(new[,] { { 1.0, 0.8, 0.3 }, { 0.8, 1.0, 0.5 }, { 0.3, 0.5, 0.7 } });
        var lower = covariance.Cholesky().Factor;
        double[] factor = lower.ToRowMajorArray();
        var sampler = new TruncatedGaussianSampler(factor, mean);
        var hmc = new List<double[]>();
        sampler.Sample([0.5, 0.5, 1.0], 20_000, 200, new Random(11), x => hmc.Add(x.ToArray()), CancellationToken.None);
        var random = new Random(12);
        var rejection = new List<double[]>();
        while (rejection.Count < 400_000)
        {
            double[] z = [DrtTestSpectra.Normal(random), DrtTestSpectra.Normal(random), DrtTestSpectra.Normal(random)];
            double[] x = [.. Enumerable.Range(0, 3).Select(i => mean[i] + Enumerable.Range(0, 3).Sum(k => lower[i, k] * z[k]))];
            if (x.All(v => v >= 0))
            {
                rejection.Add(x);
            }
        }

        for (int i = 0; i < 3; i++)
        {
            Assert.Equal(rejection.Average(x => x[i]), hmc.Average(x => x[i]), 0.03);
            for (int j = 0; j <= i; j++)
            {
                Assert.Equal(Covariance(rejection, i, j), Covariance(hmc, i, j), 0.03);
            }
        }
    }

    /// <summary>
    /// Calibration: truth drawn from a half-normal prior x ~ N(0, I) truncated to x ≥ 0, data y = Ax + N(0, 1) noise; the
    /// posterior is N(H⁻¹Aᵀy, H⁻¹) truncated, H = AᵀA + I. Over 300 replicates × 3 coordinates the central 95 % intervals
    /// of 400 draws must contain the truth 95 % of the time: binomial SE 0.007, plus the quantile error of 400 draws, so
    /// the accepted range is 0.92–0.98.
    /// </summary>
    [Fact]
    public void Credible_intervals_are_calibrated_when_the_prior_is_true()
    {
        var random = new Random(21);
        var a = Matrix<double>.Build.Dense(8, 3, (i, j) => Math.Exp(-Math.Abs(i - (3 * j)) / 2.0));
        var precision = (a.Transpose() * a) + Matrix<double>.Build.DenseIdentity(3);
        var lower = precision.Cholesky().Factor;
        double[] factor = lower.Transpose().Inverse().ToRowMajorArray();
        int covered = 0;
        int total = 0;
        for (int replicate = 0; replicate < 300; replicate++)
        {
            double[] truth = [.. Enumerable.Range(0, 3).Select(_ => Math.Abs(DrtTestSpectra.Normal(random)))];
            var y = (a * Vector<double>.Build.DenseOfArray(truth)) + Vector<double>.Build.Dense(8, _ => DrtTestSpectra.Normal(random));
            double[] mean = precision.Solve(a.Transpose() * y).ToArray();
            var sampler = new TruncatedGaussianSampler(factor, mean);
            var draws = new List<double[]>();
            sampler.Sample([.. mean.Select(m => Math.Max(m, 0) + 0.1)], 400, 50, new Random(replicate), x => draws.Add(x.ToArray()), CancellationToken.None);
            for (int i = 0; i < 3; i++)
            {
                double[] sorted = [.. draws.Select(x => x[i]).Order()];
                covered += truth[i] >= sorted[9] && truth[i] <= sorted[389] ? 1 : 0;
                total++;
            }
        }

        Assert.InRange((double)covered / total, 0.92, 0.98);
    }

    private static double Covariance(List<double[]> draws, int i, int j)
    {
        double mi = draws.Average(x => x[i]);
        double mj = draws.Average(x => x[j]);
        return draws.Sum(x => (x[i] - mi) * (x[j] - mj)) / (draws.Count - 1);
    }
}
