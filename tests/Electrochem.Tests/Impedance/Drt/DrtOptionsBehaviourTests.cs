using System.Collections.Immutable;
using Electrochem.Impedance;
using Electrochem.Impedance.Drt;

namespace Electrochem.Tests.Impedance.Drt;

/// <summary>The fitted part, the λ criteria, the λ sensitivity and the credible band on synthetic ZARC spectra.</summary>
public sealed class DrtOptionsBehaviourTests
{
    private static readonly ImpedanceSpectrum Clean = DrtTestSpectra.Zarcs(10, (50, 0.1, 0.8));

    [Fact]
    public void A_real_only_fit_recovers_the_zarc_and_predicts_the_imaginary_part()
    {
        DrtResult drt = DistributionOfRelaxationTimes.Compute(Clean, new DrtOptions(1e-3) { Part = DrtDataPart.Real });
        Assert.Equal(DrtDataPart.Real, drt.Part);
        Assert.InRange(drt.PolarizationResistance, 48, 52);
        Assert.InRange(drt.SeriesResistance!.Value, 9.8, 10.2);
        Assert.Null(drt.Inductance);
        Assert.Contains(drt.Warnings, w => w.Contains("L₀ was left out", StringComparison.Ordinal));

        // Z″ was not fitted but follows from the DRT (Kramers–Kronig): predicted to 1 % of |Z|.
        Assert.True(drt.RelativeResidualsImaginary.Max(Math.Abs) < 0.01);
    }

    [Fact]
    public void An_imaginary_only_fit_recovers_the_zarc_and_leaves_out_the_series_resistance()
    {
        DrtResult drt = DistributionOfRelaxationTimes.Compute(Clean, new DrtOptions(1e-3) { Part = DrtDataPart.Imaginary });
        Assert.InRange(drt.PolarizationResistance, 48, 52);
        Assert.Null(drt.SeriesResistance);
        Assert.NotNull(drt.Inductance);
        Assert.Contains(drt.Warnings, w => w.Contains("R_∞ was left out", StringComparison.Ordinal));
        Assert.True(drt.RelativeResidualsImaginary.Max(Math.Abs) < 0.01);
    }

    /// <summary>Every criterion picks an interior λ on a noisy ZARC (σ = 0.5 Ω, as pyDRTtools' tutorial) and the DRT keeps R_pol within 3 Ω and explains the data to the noise; mGCV and rGCV smooth more than GCV by construction.</summary>
    [Fact]
    public void Every_criterion_chooses_a_usable_lambda()
    {
        ImpedanceSpectrum noisy = DrtTestSpectra.WithNoise(Clean, 0.5, 4);
        var lambdas = new Dictionary<DrtLambdaCriterion, double>();
        foreach (DrtLambdaCriterion criterion in Enum.GetValues<DrtLambdaCriterion>())
        {
            DrtResult drt = DistributionOfRelaxationTimes.Compute(noisy, new DrtOptions { Criterion = criterion, NoiseStandardDeviation = 0.5 });
            Assert.Equal(criterion, drt.Criterion);
            // GCV undersmooths this realisation (λ = 4.8e-4): a 2 Ω bump appears beyond 1/ω_min, where the data barely
            // constrain γ, so R_pol is 52.6 Ω; every criterion still explains the data to the noise.
            Assert.InRange(drt.NoiseStandardDeviation, 0.4, 0.6);
            Assert.True(Math.Abs(drt.PolarizationResistance - 50) < 3, $"{criterion}: λ = {drt.Lambda}, R_pol = {drt.PolarizationResistance}");
            Assert.Empty(drt.Warnings);
            Assert.Contains(drt.CriterionCurve, point => point.Lambda == drt.Lambda);
            lambdas[criterion] = drt.Lambda;
        }

        Assert.True(lambdas[DrtLambdaCriterion.ModifiedGcv] > lambdas[DrtLambdaCriterion.Gcv]);
        Assert.True(lambdas[DrtLambdaCriterion.RobustGcv] > lambdas[DrtLambdaCriterion.Gcv]);
    }

    /// <summary>The discrepancy principle makes the residual's mean square equal σ²: the estimated noise is then close to the given one, and a larger σ gives a larger λ.</summary>
    [Fact]
    public void The_discrepancy_principle_matches_the_residual_to_the_noise()
    {
        ImpedanceSpectrum noisy = DrtTestSpectra.WithNoise(Clean, 0.5, 9);
        DrtResult small = DistributionOfRelaxationTimes.Compute(noisy, new DrtOptions { Criterion = DrtLambdaCriterion.Discrepancy, NoiseStandardDeviation = 0.5 });
        DrtResult large = DistributionOfRelaxationTimes.Compute(noisy, new DrtOptions { Criterion = DrtLambdaCriterion.Discrepancy, NoiseStandardDeviation = 0.6 });
        Assert.True(large.Lambda > small.Lambda);
        double meanSquare = small.RelativeResidualsReal.Select((r, i) => r * Magnitude(noisy, i)).Concat(small.RelativeResidualsImaginary.Select((r, i) => r * Magnitude(noisy, i))).Average(e => e * e);
        Assert.Equal(0.25, meanSquare, 0.25 * 0.05);   // the unconstrained residual is matched; γ ≥ 0 moves it by < 5 %
        Assert.Contains("noise", Assert.Throws<ArgumentException>(() => DistributionOfRelaxationTimes.Compute(noisy, new DrtOptions { Criterion = DrtLambdaCriterion.Discrepancy })).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Less_smoothing_gives_a_higher_peak_and_more_gives_a_lower_one()
    {
        DrtResult drt = DistributionOfRelaxationTimes.Compute(DrtTestSpectra.WithNoise(Clean, 0.1, 2), new DrtOptions(1e-3));
        Assert.Equal(drt.Tau.Length, drt.GammaAtTenthLambda.Length);
        Assert.True(drt.GammaAtTenthLambda.Max() > drt.GammaOnGrid.Max());
        Assert.True(drt.GammaAtTenfoldLambda.Max() < drt.GammaOnGrid.Max());
    }

    /// <summary>
    /// The band brackets the posterior mean, is non-negative, is reproducible for a seed, and widens with the noise. Where
    /// the data determine γ (τ inside the measured range, away from γ ≈ 0) it contains the reported DRT.
    /// </summary>
    [Fact]
    public void The_credible_band_is_ordered_reproducible_and_widens_with_noise()
    {
        var options = new DrtOptions(3e-3) { CredibleBandSamples = 400 };
        DrtResult quiet = DistributionOfRelaxationTimes.Compute(DrtTestSpectra.WithNoise(Clean, 0.2, 1), options);
        DrtResult again = DistributionOfRelaxationTimes.Compute(DrtTestSpectra.WithNoise(Clean, 0.2, 1), options);
        DrtResult loud = DistributionOfRelaxationTimes.Compute(DrtTestSpectra.WithNoise(Clean, 1.0, 1), options);
        DrtCredibleBand band = quiet.Band!;
        Assert.Equal(400, band.Samples);
        Assert.Equal(band.Lower, again.Band!.Lower);
        for (int m = 0; m < quiet.Tau.Length; m++)
        {
            Assert.InRange(band.Lower[m], 0, band.Mean[m]);
            Assert.InRange(band.Upper[m], band.Mean[m], double.PositiveInfinity);
        }

        ImmutableArray<double> gamma = quiet.GammaOnGrid;
        int peak = gamma.IndexOf(gamma.Max());
        Assert.InRange(gamma[peak], band.Lower[peak], band.Upper[peak]);
        Assert.True(loud.Band!.Upper[peak] - loud.Band.Lower[peak] > 2 * (band.Upper[peak] - band.Lower[peak]));
        Assert.Null(DistributionOfRelaxationTimes.Compute(Clean, new DrtOptions(1e-3)).Band);
        Assert.Throws<ArgumentOutOfRangeException>(() => DistributionOfRelaxationTimes.Compute(Clean, new DrtOptions(1e-3) { CredibleBandSamples = 50 }));
    }

    [Fact]
    public void The_estimated_noise_matches_the_added_noise()
    {
        DrtResult drt = DistributionOfRelaxationTimes.Compute(DrtTestSpectra.WithNoise(Clean, 0.5, 6), new DrtOptions());
        Assert.InRange(drt.NoiseStandardDeviation, 0.4, 0.6);   // 162 values: σ̂'s sampling SE is about 6 %
    }

    [Fact]
    public void A_cancelled_token_stops_the_computation()
    {
        using var source = new CancellationTokenSource();
        source.Cancel();
        Assert.Throws<OperationCanceledException>(() => DistributionOfRelaxationTimes.Compute(Clean, new DrtOptions(), source.Token));
    }

    private static double Magnitude(ImpedanceSpectrum spectrum, int i) =>
        Math.Sqrt((spectrum.Real[i] * spectrum.Real[i]) + (spectrum.Imaginary[i] * spectrum.Imaginary[i]));
}
