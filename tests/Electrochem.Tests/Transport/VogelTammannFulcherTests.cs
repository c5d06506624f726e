using Electrochem.Constants;
using Electrochem.Fitting;
using Electrochem.Transport;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Electrochem.Tests.Transport;

public class VogelTammannFulcherTests
{
    internal static double[] Vtf(double[] t, double a, double b, double t0, double noise, TestData? random) =>
        t.Select(v => a / Math.Sqrt(v) * Math.Exp(-b / (v - t0)) * Math.Exp(noise * (random?.Normal() ?? 0))).ToArray();

    [Fact]
    public void Model_evaluates_the_closed_form()
    {
        var model = new VogelTammannFulcher(5.0, 900, 200);
        Assert.Equal(5.0 / Math.Sqrt(320) * Math.Exp(-900.0 / 120), model.Evaluate(320), 15);
        Assert.Equal(PhysicalConstants.BoltzmannConstantInElectronVoltsPerKelvin * 900, model.PseudoActivationEnergyElectronVolts, 15);
        Assert.Equal(PhysicalConstants.MolarGasConstant * 900 / 1000, model.PseudoActivationEnergyKilojoulesPerMole, 12);
        var below = Assert.Throws<ArgumentOutOfRangeException>(() => model.Evaluate(150));
        Assert.Contains("above T₀", below.Message, StringComparison.Ordinal);
        var span = new double[3];
        model.Evaluate([300.0, 310, 320], span);
        Assert.Equal(model.Evaluate(310), span[1], 15);
        Assert.Throws<ArgumentException>(() => model.Evaluate([300.0, 190], new double[2]));
    }

    // Random A, B and T₀ with data 30–200 K above T₀: exact data must come back (the profile start + LM converge to
    // the exact zero-residual point; 1e-6 relative allows for the T₀–B correlation near the solver tolerance).
    [Property(MaxTest = 80)]
    public Property Exact_data_round_trip(int seed)
    {
        var random = new TestData((ulong)seed);
        double a = Math.Exp(random.Uniform(-2, 4));
        double b = random.Uniform(400, 2000);
        double t0 = random.Uniform(150, 250);
        double[] t = TestData.Linspace(t0 + random.Uniform(30, 60), t0 + random.Uniform(150, 200), 8 + (Math.Abs(seed) % 8));
        FitResult<VogelTammannFulcher> fit = VogelTammannFulcher.Fit(t, Vtf(t, a, b, t0, 0, null));
        VogelTammannFulcher m = fit.Model;
        return (fit.Converged
                && Math.Abs(m.PseudoActivationTemperature / b - 1) < 1e-6
                && Math.Abs(m.IdealGlassTransitionTemperature / t0 - 1) < 1e-6
                && Math.Abs(m.PreExponentialFactor / a - 1) < 1e-5).Label($"{fit.Status}: {fit.StatusReason}; truth A={a}, B={b}, T0={t0}; got {m}");
    }

    [Fact]
    public void Noisy_polymer_electrolyte_data_are_recovered_within_their_intervals()
    {
        double[] t = ArrheniusTests.Celsius(20, 90, 5);
        double[] sigma = Vtf(t, 2.0, 1100, 190, 0.01, new TestData(5));
        FitResult<VogelTammannFulcher> fit = VogelTammannFulcher.Fit(t, sigma);

        Assert.True(fit.Converged, fit.StatusReason);
        Assert.InRange(1100, fit["PseudoActivationTemperature"].ConfidenceLower, fit["PseudoActivationTemperature"].ConfidenceUpper);
        Assert.InRange(190, fit["IdealGlassTransitionTemperature"].ConfidenceLower, fit["IdealGlassTransitionTemperature"].ConfidenceUpper);
        ParameterEstimate ea = fit.PseudoActivationEnergyElectronVolts();
        Assert.Equal(fit["PseudoActivationTemperature"].Value * PhysicalConstants.BoltzmannConstantInElectronVoltsPerKelvin, ea.Value, 15);
        Assert.Equal("eV", ea.Unit);
        Assert.Equal("kJ/mol", fit.PseudoActivationEnergyKilojoulesPerMole().Unit);
        Prediction p = fit.Predict(330);
        double truth = new VogelTammannFulcher(2.0, 1100, 190).Evaluate(330);
        Assert.InRange(truth, p.PredictionLower, p.PredictionUpper);
        Assert.InRange(fit.PreExponentialFactor().Value, fit.PreExponentialFactor().ConfidenceLower, fit.PreExponentialFactor().ConfidenceUpper);
    }

    [Fact]
    public void T0_never_reaches_the_lowest_temperature()
    {
        // Steeply curving data: the best T₀ is pushed towards min(T); the fit must keep T₀ ≤ min(T) − 1 K.
        double[] t = [300, 305, 310, 320, 340, 370];
        double[] sigma = Vtf(t, 1, 50, 299.5, 0, null);
        FitResult<VogelTammannFulcher> fit = VogelTammannFulcher.Fit(t, sigma);
        Assert.True(fit.Model.IdealGlassTransitionTemperature <= 300 - VogelTammannFulcher.MinimumGapKelvin);
        Assert.Equal(FitStatus.ParameterAtBound, fit.Status);
        Assert.Equal(BoundState.AtUpperBound, fit["IdealGlassTransitionTemperature"].Bound);
    }

    [Fact]
    public void Conductivity_falling_with_temperature_ends_with_B_at_its_bound_not_a_wrong_number()
    {
        double[] t = [300, 310, 320, 330, 340, 350];
        double[] sigma = [5e-4, 4.6e-4, 4.3e-4, 4.1e-4, 3.8e-4, 3.6e-4];
        FitResult<VogelTammannFulcher> fit = VogelTammannFulcher.Fit(t, sigma);
        Assert.Equal(FitStatus.ParameterAtBound, fit.Status);
        Assert.Equal(BoundState.AtLowerBound, fit["PseudoActivationTemperature"].Bound);
        Assert.Contains("PseudoActivationTemperature", fit.StatusReason, StringComparison.Ordinal);
        Assert.True(double.IsNaN(fit["PseudoActivationTemperature"].StandardError));
    }

    // Beyond 2048 points the starting T₀ comes from a strided subsample; the fit itself must still use every point.
    [Fact]
    public void Large_datasets_converge_to_the_same_answer()
    {
        double[] t = TestData.Linspace(260, 380, 5001);
        double[] sigma = Vtf(t, 3.0, 900, 180, 0.02, new TestData(77));
        FitResult<VogelTammannFulcher> fit = VogelTammannFulcher.Fit(t, sigma);
        Assert.True(fit.Converged, fit.StatusReason);
        Assert.Equal(5001, fit.Residuals.Length);
        Assert.InRange(900, fit["PseudoActivationTemperature"].ConfidenceLower, fit["PseudoActivationTemperature"].ConfidenceUpper);
        Assert.InRange(180, fit["IdealGlassTransitionTemperature"].ConfidenceLower, fit["IdealGlassTransitionTemperature"].ConfidenceUpper);
    }

    // Straight Arrhenius data want T₀ < 0: the fit creeps towards the T₀ = 0 bound without reaching it exactly. Within
    // a thousandth of its standard error of the bound it is reported at the bound, not as an interior estimate.
    [Fact]
    public void Arrhenius_like_data_put_T0_at_its_lower_bound()
    {
        double[] t = ArrheniusTests.Celsius(30, 70, 5);
        double[] sigma = ArrheniusTests.Conductivities(t, 0.24, 3.6e-4, 301.15, 0.02, new TestData(21));
        FitResult<VogelTammannFulcher> fit = VogelTammannFulcher.Fit(t, sigma);
        Assert.Equal(FitStatus.ParameterAtBound, fit.Status);
        Assert.Equal(BoundState.AtLowerBound, fit["IdealGlassTransitionTemperature"].Bound);
        Assert.True(fit["IdealGlassTransitionTemperature"].Value < 1e-3, $"T0 = {fit["IdealGlassTransitionTemperature"].Value}");
        Assert.True(fit["PseudoActivationTemperature"].StandardError > 0);
    }

    [Fact]
    public void Bad_input_is_rejected_with_the_argument_named()
    {
        Assert.Contains("at least 4", Assert.Throws<ArgumentException>(() => VogelTammannFulcher.Fit([300.0, 310, 320], [1.0, 2, 3])).Message, StringComparison.Ordinal);
        Assert.Equal("conductivity", Assert.Throws<ArgumentException>(() => VogelTammannFulcher.Fit([300.0, 310, 320, 330], [1.0, 2, -3, 4])).ParamName);
        Assert.Equal("temperatureKelvin", Assert.Throws<ArgumentException>(() => VogelTammannFulcher.Fit([300.0, 300, 300, 300], [1.0, 2, 3, 4])).ParamName);
        Assert.Equal("temperatureKelvin", Assert.Throws<ArgumentException>(() => VogelTammannFulcher.Fit([0.5, 310, 320, 330], [1.0, 2, 3, 4])).ParamName);
    }
}
