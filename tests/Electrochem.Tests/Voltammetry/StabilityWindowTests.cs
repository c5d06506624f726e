using Electrochem.Voltammetry;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Electrochem.Tests.Voltammetry;

public sealed class StabilityWindowTests
{
    // j(E) = c + a·exp((E − E₀)/β) on 1 cm², swept at 1 mV/s from 3.0 to 6.0 V: every onset in closed form.
    private const double Area = 1e-4, C = 0.002, A = 0.001, Beta = 0.05;

    private static (double[] E, double[] I, double[] T) Sweep(double e0, double from = 3.0, double to = 6.0, double noise = 0, int seed = 1)
    {
        int n = (int)Math.Round(Math.Abs(to - from) / 0.001) + 1;
        var random = new Random(seed);
        double[] e = [.. Enumerable.Range(0, n).Select(k => from + (Math.Sign(to - from) * k * 0.001))];
        double[] i = [.. e.Select(v => Area * Math.Sign(to - from) * (C + (A * Math.Exp(Math.Sign(to - from) * (v - e0) / Beta)) + (noise * ((2 * random.NextDouble()) - 1))))];
        double[] t = [.. Enumerable.Range(0, n).Select(k => (double)k)];
        return (e, i, t);
    }

    [Fact]
    public void Each_criterion_gives_its_closed_form_onset()
    {
        (double[] e, double[] i, double[] t) = Sweep(e0: 4.5);
        StabilityWindow w = StabilityWindow.Analyse(e, i, t, new StabilityWindowOptions { AreaSquareMetres = Area });
        Assert.Equal(SweepDirection.Anodic, w.Direction);
        Assert.Equal(0.001, w.ScanRateVoltsPerSecond!.Value, 1e-12);
        Assert.Equal(4.5 + (Beta * Math.Log((0.1 - C) / A)), w.Threshold.PotentialVolts!.Value, 1e-4); // 4.7292 V: j = 10 µA/cm²
        Assert.Equal(4.5 + (Beta * Math.Log(Beta / A)), w.Derivative.PotentialVolts!.Value, 0.003);   // dj/dE = 1 S/m²; the ±25 mV fit reads 2.5 % steep
        Assert.Equal(6.0 - Beta, w.Tangent.PotentialVolts!.Value, 0.015);                             // the tangent at the sweep's end meets the baseline β before it
        Assert.Equal(C, w.BaselineIntercept, 1e-4);
        Assert.Contains(w.Warnings, x => x.Contains("spread over", StringComparison.Ordinal));
    }

    [Fact]
    public void A_reduction_sweep_is_read_toward_the_sweep_and_a_return_sweep_is_cut_off()
    {
        (double[] e, double[] i, double[] t) = Sweep(e0: 0.5, from: 2.5, to: 0.0);
        double[] eBack = [.. e, .. e.Reverse().Skip(1).Take(200)];
        double[] iBack = [.. i, .. Enumerable.Repeat(0.0, 200)];
        StabilityWindow w = StabilityWindow.Analyse(eBack, iBack, default, new StabilityWindowOptions { AreaSquareMetres = Area });
        Assert.Equal(SweepDirection.Cathodic, w.Direction);
        Assert.Equal(0.5 - (Beta * Math.Log((0.1 - C) / A)), w.Threshold.PotentialVolts!.Value, 1e-4);
        Assert.Null(w.ScanRateVoltsPerSecond);
        Assert.Contains(w.Warnings, x => x.Contains("turns at point", StringComparison.Ordinal));
    }

    [Fact]
    public void Without_an_area_density_criteria_are_skipped_and_said_so_never_guessed()
    {
        (double[] e, double[] i, double[] t) = Sweep(e0: 4.5);
        StabilityWindow w = StabilityWindow.Analyse(e, i, t);
        Assert.Null(w.Threshold.PotentialVolts);
        Assert.Null(w.Derivative.PotentialVolts);
        Assert.NotNull(w.Tangent.PotentialVolts);
        Assert.Contains(w.Warnings, x => x.Contains("no electrode area", StringComparison.Ordinal));
        StabilityWindow amps = StabilityWindow.Analyse(e, i, t, new StabilityWindowOptions { CurrentThreshold = 1e-5 });
        Assert.Equal(4.5 + (Beta * Math.Log((0.1 - C) / A)), amps.Threshold.PotentialVolts!.Value, 1e-4); // 1e-5 A on 1 cm² is 10 µA/cm²
        Assert.Throws<ArgumentException>(() => StabilityWindow.Analyse(new double[5], new double[5]));
        Assert.Throws<ArgumentException>(() => StabilityWindow.Analyse(new double[20], new double[20]));
    }

    [Fact]
    public void A_sweep_that_never_reaches_the_threshold_says_so()
    {
        (double[] e, double[] i, double[] t) = Sweep(e0: 9.0);
        StabilityWindow w = StabilityWindow.Analyse(e, i, t, new StabilityWindowOptions { AreaSquareMetres = Area });
        Assert.Null(w.Threshold.PotentialVolts);
        Assert.Contains("not reached", w.Threshold.Note, StringComparison.Ordinal);
    }

    [Property(MaxTest = 50)]
    public Property The_threshold_onset_moves_with_the_decomposition_and_ignores_noise_below_it(byte shift, PositiveInt seed)
    {
        double e0 = 4.0 + (shift / 255.0);
        (double[] e, double[] i, double[] t) = Sweep(e0, noise: 0.02, seed: seed.Get); // ±2 µA/cm² of noise
        StabilityWindow w = StabilityWindow.Analyse(e, i, t, new StabilityWindowOptions { AreaSquareMetres = Area });
        double expected = e0 + (Beta * Math.Log((0.1 - C) / A));
        return (Math.Abs(w.Threshold.PotentialVolts!.Value - expected) < 0.012).Label($"{w.Threshold.PotentialVolts} vs {expected}");
    }
}
