using System.Numerics;
using Electrochem.Fitting;
using Electrochem.Impedance;
using Electrochem.Transport;

namespace Electrochem.Tests.Impedance;

public class EffectiveCapacitanceTests
{
    [Fact]
    public void An_ideal_capacitor_is_its_own_effective_capacitance()
    {
        Assert.Equal(2e-5, EffectiveCapacitance.HsuMansfeld(new(2e-5, 0), new(1, 0), new(100, 0)).Value, 1e-18);
        Assert.Equal(2e-5, EffectiveCapacitance.Brug(new(2e-5, 0), new(1, 0), new(10, 0), new(100, 0)).Value, 1e-18);
    }

    [Fact]
    public void Hsu_Mansfeld_and_Brug_match_their_closed_forms()
    {
        double hm = Math.Pow(2e-5, 1 / 0.9) * Math.Pow(100, 0.1 / 0.9);
        Assert.Equal(hm, EffectiveCapacitance.HsuMansfeld(new(2e-5, 0), new(0.9, 0), new(100, 0)).Value, hm * 1e-14);
        double brug = Math.Pow(2e-5, 1 / 0.9) * Math.Pow((1 / 10.0) + (1 / 100.0), -0.1 / 0.9);
        Assert.Equal(brug, EffectiveCapacitance.Brug(new(2e-5, 0), new(0.9, 0), new(10, 0), new(100, 0)).Value, brug * 1e-14);
        // A blocking electrode (no charge transfer): Brug with R_ct = ∞ is Hsu–Mansfeld with R = R_s.
        Measurement blocking = EffectiveCapacitance.Brug(new(2e-5, 1e-6), new(0.9, 0.01), new(10, 0.1), new(double.PositiveInfinity, 0));
        Measurement parallel = EffectiveCapacitance.HsuMansfeld(new(2e-5, 1e-6), new(0.9, 0.01), new(10, 0.1));
        Assert.Equal(parallel.Value, blocking.Value, parallel.Value * 1e-14);
        Assert.Equal(parallel.StandardUncertainty, blocking.StandardUncertainty, parallel.StandardUncertainty * 1e-6);
    }

    [Fact]
    public void Uncertainty_of_Q_alone_propagates_as_C_over_alpha_Q()
    {
        // ∂C/∂Q = C/(α·Q), so u_C = C·(u_Q/Q)/α.
        Measurement c = EffectiveCapacitance.HsuMansfeld(new(2e-5, 2e-7), new(0.8, 0), new(100, 0));
        Assert.Equal(c.Value * 0.01 / 0.8, c.StandardUncertainty, c.StandardUncertainty * 1e-6);
    }

    [Fact]
    public void Out_of_range_inputs_are_rejected()
    {
        Assert.Equal("alpha", Assert.Throws<ArgumentOutOfRangeException>(() => EffectiveCapacitance.HsuMansfeld(new(2e-5, 0), new(1.2, 0), new(100, 0))).ParamName);
        Assert.Equal("alpha", Assert.Throws<ArgumentOutOfRangeException>(() => EffectiveCapacitance.HsuMansfeld(new(2e-5, 0), new(0, 0), new(100, 0))).ParamName);
        Assert.Equal("q", Assert.Throws<ArgumentOutOfRangeException>(() => EffectiveCapacitance.HsuMansfeld(new(-1, 0), new(0.9, 0), new(100, 0))).ParamName);
        Assert.Equal("parallelResistance", Assert.Throws<ArgumentOutOfRangeException>(() => EffectiveCapacitance.HsuMansfeld(new(1e-5, 0), new(0.9, 0), new(0, 0))).ParamName);
        Assert.Equal("chargeTransferResistance", Assert.Throws<ArgumentOutOfRangeException>(() => EffectiveCapacitance.Brug(new(1e-5, 0), new(0.9, 0), new(10, 0), new(0, 0))).ParamName);
    }

    /// <summary>R0-p(R1,CPE1) (10 Ω, 100 Ω, Q = 2e-5 S·s^α, α = 0.85) at 50 frequencies 100 kHz–10 mHz, 1 % relative complex noise.</summary>
    private static ImpedanceSpectrum Noisy(TestData random)
    {
        double[] f = [.. Enumerable.Range(0, 50).Select(k => 1e5 * Math.Pow(10, -7.0 * k / 49))];
        Complex[] z = [.. f.Select(v =>
        {
            Complex cpe = 2e-5 * Complex.Pow(new Complex(0, 2 * Math.PI * v), 0.85);
            Complex exact = 10 + (100 / (1 + (100 * cpe)));
            return exact * new Complex(1 + (0.01 * random.Normal()), 0.01 * random.Normal());
        })];
        return ImpedanceSpectrum.FromComplex(f, z);
    }

    private static readonly double TrueHsuMansfeld = Math.Pow(2e-5, 1 / 0.85) * Math.Pow(100, 0.15 / 0.85);

    private static readonly double TrueBrug = Math.Pow(2e-5, 1 / 0.85) * Math.Pow((1 / 10.0) + (1 / 100.0), -0.15 / 0.85);

    [Fact]
    public void From_a_fit_the_value_is_the_closed_form_at_the_estimates()
    {
        FitResult<CircuitModel> fit = CircuitModel.Fit(Circuit.Parse("R0-p(R1,CPE1)"), Noisy(new TestData(5)));
        ParameterEstimate hm = fit.EffectiveCapacitanceHsuMansfeld("CPE1", "R1");
        Measurement independent = EffectiveCapacitance.HsuMansfeld(new(fit["CPE1_0"].Value, 0), new(fit["CPE1_1"].Value, 0), new(fit["R1"].Value, 0));
        Assert.Equal(independent.Value, hm.Value, independent.Value * 1e-14);
        Assert.Equal("C_eff(CPE1)", hm.Name);
        Assert.Equal("F", hm.Unit);
        ParameterEstimate brug = fit.EffectiveCapacitanceBrug("CPE1", "R0", "R1");
        Assert.Equal(EffectiveCapacitance.Brug(new(fit["CPE1_0"].Value, 0), new(fit["CPE1_1"].Value, 0), new(fit["R0"].Value, 0), new(fit["R1"].Value, 0)).Value, brug.Value, brug.Value * 1e-14);
        ParameterEstimate blocking = fit.EffectiveCapacitanceBrug("CPE1", "R0", null);
        Assert.Equal(EffectiveCapacitance.HsuMansfeld(new(fit["CPE1_0"].Value, 0), new(fit["CPE1_1"].Value, 0), new(fit["R0"].Value, 0)).Value, blocking.Value, blocking.Value * 1e-14);

        Assert.Equal("constantPhaseElement", Assert.Throws<ArgumentException>(() => fit.EffectiveCapacitanceHsuMansfeld("CPE2", "R1")).ParamName);
        Assert.Equal("parallelResistance", Assert.Throws<ArgumentException>(() => fit.EffectiveCapacitanceHsuMansfeld("CPE1", "R7")).ParamName);
    }

    // The covariance form must be honest: over 2000 noisy spectra its 95 % interval covers the true C_eff 93.5–96.5 %
    // (binomial SD 0.49 %) and its mean SE matches the spread of the estimates; the independent-inputs form fed the
    // fit's SEs overstates the SE several-fold because Q and α are strongly anti-correlated.
    [Fact]
    public void From_a_fit_the_interval_covers_95_percent_and_the_SE_matches_the_spread()
    {
        var random = new TestData(20261203);
        Circuit circuit = Circuit.Parse("R0-p(R1,CPE1)");
        const int trials = 2000;
        int coveredHm = 0;
        int coveredBrug = 0;
        var estimates = new List<double>();
        var errors = new List<double>();
        var independentErrors = new List<double>();
        for (int trial = 0; trial < trials; trial++)
        {
            FitResult<CircuitModel> fit = CircuitModel.Fit(circuit, Noisy(random));
            ParameterEstimate hm = fit.EffectiveCapacitanceHsuMansfeld("CPE1", "R1");
            ParameterEstimate brug = fit.EffectiveCapacitanceBrug("CPE1", "R0", "R1");
            coveredHm += hm.ConfidenceLower <= TrueHsuMansfeld && TrueHsuMansfeld <= hm.ConfidenceUpper ? 1 : 0;
            coveredBrug += brug.ConfidenceLower <= TrueBrug && TrueBrug <= brug.ConfidenceUpper ? 1 : 0;
            estimates.Add(hm.Value);
            errors.Add(hm.StandardError);
            ParameterEstimate q = fit["CPE1_0"];
            ParameterEstimate a = fit["CPE1_1"];
            ParameterEstimate r = fit["R1"];
            independentErrors.Add(EffectiveCapacitance.HsuMansfeld(new(q.Value, q.StandardError), new(a.Value, a.StandardError), new(r.Value, r.StandardError)).StandardUncertainty);
        }

        double mean = estimates.Average();
        double spread = Math.Sqrt(estimates.Sum(e => (e - mean) * (e - mean)) / (trials - 1));
        Assert.InRange((double)coveredHm / trials, 0.935, 0.965);
        Assert.InRange((double)coveredBrug / trials, 0.935, 0.965);
        Assert.InRange(errors.Average() / spread, 0.9, 1.1);
        Assert.True(independentErrors.Average() / spread > 2, $"the independent-inputs SE is {independentErrors.Average() / spread:F2} × the spread");
    }
}
