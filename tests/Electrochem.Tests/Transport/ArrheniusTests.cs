using Electrochem.Constants;
using Electrochem.Fitting;
using Electrochem.Transport;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Electrochem.Tests.Transport;

public class ArrheniusTests
{
    private const double KB = PhysicalConstants.BoltzmannConstantInElectronVoltsPerKelvin;

    internal static double[] Celsius(double from, double to, double step) =>
        Enumerable.Range(0, (int)Math.Round((to - from) / step) + 1).Select(i => UnitConversions.CelsiusToKelvin(from + (i * step))).ToArray();

    /// <summary>σ-form data through σ(T_ref) = σ_ref with activation energy Ea, with multiplicative log-normal scatter.</summary>
    internal static double[] Conductivities(double[] kelvin, double ea, double sigmaRef, double tRef, double relativeNoise, TestData? random)
    {
        return kelvin.Select(t => sigmaRef * Math.Exp(-ea / KB * ((1 / t) - (1 / tRef))) * Math.Exp(relativeNoise * (random?.Normal() ?? 0))).ToArray();
    }

    [Fact]
    public void Model_evaluates_both_forms()
    {
        var sigmaForm = new Arrhenius(100.0, 0.3, ArrheniusForm.Conductivity);
        var sigmaTForm = new Arrhenius(100.0, 0.3, ArrheniusForm.ConductivityTimesTemperature);
        Assert.Equal(100.0 * Math.Exp(-0.3 / (KB * 300)), sigmaForm.Evaluate(300), 15);
        Assert.Equal(100.0 / 300 * Math.Exp(-0.3 / (KB * 300)), sigmaTForm.Evaluate(300), 15);
        Assert.Equal(0.3 * 96.48533212331001, sigmaForm.ActivationEnergyKilojoulesPerMole, 12);
        Assert.Throws<ArgumentOutOfRangeException>(() => sigmaForm.Evaluate(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => sigmaForm.Evaluate(double.NaN));
    }

    // Every length 0..256 exercises every vector tail; in-place evaluation (destination = input) must work too.
    [Theory]
    [InlineData(ArrheniusForm.Conductivity)]
    [InlineData(ArrheniusForm.ConductivityTimesTemperature)]
    public void Span_evaluation_equals_scalar_evaluation_for_every_length(ArrheniusForm form)
    {
        var model = new Arrhenius(3.2e3, 0.41, form);
        for (int length = 0; length <= 256; length++)
        {
            double[] t = Enumerable.Range(0, length).Select(i => 250 + (0.7 * i)).ToArray();
            var destination = new double[length];
            model.Evaluate(t, destination);
            double[] inPlace = (double[])t.Clone();
            model.Evaluate(inPlace, inPlace);
            for (int i = 0; i < length; i++)
            {
                double expected = model.Evaluate(t[i]);
                Assert.Equal(expected, destination[i], expected * 1e-14);
                Assert.Equal(expected, inPlace[i], expected * 1e-14);
            }
        }

        Assert.Throws<ArgumentException>(() => model.Evaluate([300.0, 310], new double[1]));
        Assert.Throws<ArgumentException>(() => model.Evaluate([300.0, -1], new double[2]));
        double[] shared = [300.0, 310, 320];
        Assert.Throws<ArgumentException>(() => model.Evaluate(shared.AsSpan(0, 2), shared.AsSpan(1, 2)));
    }

    [Property(MaxTest = 200)]
    public Property Exact_data_recover_the_activation_energy_to_1e_9(int seed)
    {
        var random = new TestData((ulong)seed);
        double ea = random.Uniform(0.02, 1.5);
        double lowT = random.Uniform(250, 330);
        double highT = random.Uniform(lowT + 20, 400);
        double[] t = TestData.Linspace(lowT, highT, 3 + (Math.Abs(seed) % 20));
        double[] sigma = Conductivities(t, ea, 1e-3, 300, 0, null);
        FitResult<Arrhenius> fit = Arrhenius.Fit(t, sigma, ArrheniusForm.Conductivity);
        return (Math.Abs(fit.Model.ActivationEnergyElectronVolts - ea) <= 1e-9 * ea
                && Math.Abs(fit.Model.Evaluate(300) / 1e-3 - 1) <= 1e-9).Label($"Ea = {ea}, fitted {fit.Model.ActivationEnergyElectronVolts}");
    }

    // The 95 % interval must be honest: over many generated datasets (random Ea 0.02–1.5 eV, T windows inside
    // 250–400 K, 5–15 points, 1–10 % log-normal scatter) it must cover the true Ea in 93–97 % of them. With 4000
    // datasets the binomial standard deviation of the coverage is 0.34 %, so the band is ±6σ wide: a correct
    // interval cannot fail by chance, a z-interval (1.96 instead of t) or a missing √χ²_ν scaling would.
    [Fact]
    public void Confidence_interval_covers_the_true_activation_energy_95_percent_of_the_time()
    {
        var random = new TestData(20241125);
        const int trials = 4000;
        int covered = 0;
        int coveredSigma = 0;
        for (int trial = 0; trial < trials; trial++)
        {
            double ea = random.Uniform(0.02, 1.5);
            double lowT = random.Uniform(250, 340);
            double highT = random.Uniform(lowT + 30, 400);
            int n = 5 + (trial % 11);
            double noise = random.Uniform(0.01, 0.10);
            double[] t = TestData.Linspace(lowT, highT, n);
            double[] sigma = Conductivities(t, ea, 2e-4, 300, noise, random);
            FitResult<Arrhenius> fit = Arrhenius.Fit(t, sigma, ArrheniusForm.Conductivity);
            ParameterEstimate estimate = fit.ActivationEnergyElectronVolts();
            covered += estimate.ConfidenceLower <= ea && ea <= estimate.ConfidenceUpper ? 1 : 0;
            Prediction atRef = fit.Predict(300);
            coveredSigma += atRef.ConfidenceLower <= 2e-4 && 2e-4 <= atRef.ConfidenceUpper ? 1 : 0;
        }

        double coverage = (double)covered / trials;
        double sigmaCoverage = (double)coveredSigma / trials;
        Assert.InRange(coverage, 0.93, 0.97);
        Assert.InRange(sigmaCoverage, 0.93, 0.97);
    }

    // With absolute weights the σ are known: the covariance is not rescaled by χ²/ν and the estimate is normal, so the
    // interval must use z, not t(ν). Eight temperatures (ν = 6, t = 2.447 vs z = 1.960) make the difference plain: a
    // t-interval covers ≈ 98.5 %. 5000 datasets give a binomial SD of 0.31 %, so 93.5–96.5 % is a ±4.8σ band.
    [Fact]
    public void Absolute_weights_give_normal_intervals_that_cover_95_percent()
    {
        var random = new TestData(20261203);
        const int trials = 5000;
        int covered = 0;
        int coveredPrediction = 0;
        double[] t = TestData.Linspace(303.15, 343.15, 8);
        var options = new LinearFitOptions(WeightsAreAbsolute: true);
        for (int trial = 0; trial < trials; trial++)
        {
            double noise = 0.02 + (0.06 * (trial % 7) / 6.0);
            double[] sigma = Conductivities(t, 0.24, 3.6e-4, 300, noise, random);
            double[] u = [.. sigma.Select(v => v * noise)];
            FitResult<Arrhenius> fit = Arrhenius.Fit(t, sigma, ArrheniusForm.Conductivity, u, options);
            ParameterEstimate ea = fit.ActivationEnergyElectronVolts();
            covered += ea.ConfidenceLower <= 0.24 && 0.24 <= ea.ConfidenceUpper ? 1 : 0;
            Prediction at = fit.Predict(300);
            coveredPrediction += at.ConfidenceLower <= 3.6e-4 && 3.6e-4 <= at.ConfidenceUpper ? 1 : 0;
        }

        Assert.InRange((double)covered / trials, 0.935, 0.965);
        Assert.InRange((double)coveredPrediction / trials, 0.935, 0.965);
    }

    // Least squares is linear in the response, and ln(σT) = ln σ + ln T, so the σT-form activation energy exceeds the
    // σ-form one by exactly the fitted slope of ln T against −1/(k_B·T): ≈ k_B·T̄ (0.026 eV near room temperature).
    [Property(MaxTest = 100)]
    public Property Sigma_and_sigmaT_forms_differ_by_the_slope_of_ln_T(int seed)
    {
        var random = new TestData((ulong)seed);
        double[] t = TestData.Linspace(random.Uniform(280, 320), random.Uniform(340, 400), 9);
        double[] sigma = Conductivities(t, random.Uniform(0.05, 1.0), 1e-4, 300, 0.03, random);
        double difference = Arrhenius.Fit(t, sigma, ArrheniusForm.ConductivityTimesTemperature).Model.ActivationEnergyElectronVolts
            - Arrhenius.Fit(t, sigma, ArrheniusForm.Conductivity).Model.ActivationEnergyElectronVolts;
        double expected = LinearLeastSquares.FitLine(t.Select(v => -1 / (KB * v)).ToArray(), t.Select(v => Math.Log(v)).ToArray())["Slope"].Value;
        double meanT = t.Average();
        return (Math.Abs(difference - expected) <= 1e-12 && Math.Abs(difference / (KB * meanT) - 1) < 0.02)
            .Label($"difference {difference} eV, expected {expected} eV, k_B·T̄ = {KB * meanT} eV");
    }

    // PyBaMM's Ecker2015 electrolyte conductivity is an Arrhenius law in the σT form with E = 1.71e4 J/mol; its
    // values at 1 M (shared/data/cycling/pybamm/SOURCE.md, 6 significant figures) must give E back. Tolerance: the
    // 6-digit rounding of σ moves E by at most ~0.002 kJ/mol over this 50 K span.
    [Fact]
    public void PyBaMM_Ecker2015_conductivity_gives_back_its_activation_energy_in_the_sigmaT_form()
    {
        double[] t = [273.15, 296, 323.15];
        double[] sigma = [0.565323, 0.932900, 1.531960];
        FitResult<Arrhenius> fit = Arrhenius.Fit(t, sigma, ArrheniusForm.ConductivityTimesTemperature);
        Assert.Equal(17.1, fit.ActivationEnergyKilojoulesPerMole().Value, 0.005);
        Assert.Equal(17.1 / 96.48533212331001, fit.ActivationEnergyElectronVolts().Value, 0.00005);
        // The σ form of the same data is lower by about R·T̄ ≈ 2.5 kJ/mol.
        double sigmaForm = Arrhenius.Fit(t, sigma, ArrheniusForm.Conductivity).ActivationEnergyKilojoulesPerMole().Value;
        Assert.InRange(17.1 - sigmaForm, 2.2, 2.7);
    }

    // The reference study: Base-PTA 0.24 eV, 3.6e-4 S/cm at 28 °C; ISPN-PTA 0.09 eV, 5.3e-4 S/cm; 30–70 °C.
    [Theory]
    [InlineData(0.24, 3.6e-4, 11UL)]
    [InlineData(0.09, 5.3e-4, 12UL)]
    public void Paper_like_data_give_the_reported_activation_energy_within_its_interval(double ea, double sigma28, ulong seed)
    {
        double[] t = Celsius(30, 70, 5);
        double[] sigma = Conductivities(t, ea, sigma28, UnitConversions.CelsiusToKelvin(28), 0.02, new TestData(seed));
        FitResult<Arrhenius> fit = Arrhenius.Fit(t, sigma, ArrheniusForm.Conductivity);

        ParameterEstimate fitted = fit.ActivationEnergyElectronVolts();
        Assert.InRange(ea, fitted.ConfidenceLower, fitted.ConfidenceUpper);
        ParameterEstimate kj = fit.ActivationEnergyKilojoulesPerMole();
        Assert.Equal(fitted.Value * 96.48533212331001, kj.Value, 10);
        Assert.Equal(fitted.StandardError * 96.48533212331001, kj.StandardError, 10);
        Prediction at28 = fit.Predict(UnitConversions.CelsiusToKelvin(28));
        Assert.InRange(sigma28, at28.ConfidenceLower, at28.ConfidenceUpper);
        Assert.True(at28.PredictionLower < at28.ConfidenceLower && at28.PredictionUpper > at28.ConfidenceUpper);
        ParameterEstimate a = fit.PreExponentialFactor();
        Assert.InRange(a.Value, a.ConfidenceLower, a.ConfidenceUpper);
        Assert.Equal("σ unit", a.Unit);
    }

    [Fact]
    public void Consistency_of_the_papers_numbers_from_30_to_70_degrees()
    {
        // PAPER.md: 0.09 eV means σ rises only ~1.5× from 30 to 70 °C, 0.24 eV means ~3×.
        double Ratio(double ea) => new Arrhenius(1, ea, ArrheniusForm.Conductivity).Evaluate(343.15) / new Arrhenius(1, ea, ArrheniusForm.Conductivity).Evaluate(303.15);
        Assert.InRange(Ratio(0.09), 1.4, 1.6);
        Assert.InRange(Ratio(0.24), 2.7, 3.2);
    }

    [Fact]
    public void Uncertainties_weight_the_fit_in_log_space()
    {
        double[] t = Celsius(30, 70, 10);
        double[] sigma = Conductivities(t, 0.3, 1e-4, 300, 0, null);
        sigma[2] *= 1.5; // an outlier with a large stated uncertainty
        double[] u = sigma.Select(s => 0.01 * s).ToArray();
        u[2] = sigma[2];
        double weighted = Arrhenius.Fit(t, sigma, ArrheniusForm.Conductivity, u).Model.ActivationEnergyElectronVolts;
        double unweighted = Arrhenius.Fit(t, sigma, ArrheniusForm.Conductivity).Model.ActivationEnergyElectronVolts;
        Assert.True(Math.Abs(weighted - 0.3) < Math.Abs(unweighted - 0.3) / 10);
    }

    // A fit weighted by 2 % uncertainties (weights (σ/u)² = 2500) must give a prediction interval for a new 2 %
    // measurement of a few per cent, not the factor-of-ten interval of a weight-1 observation.
    [Fact]
    public void Weighted_fits_predict_new_measurements_of_their_own_precision()
    {
        double[] t = Celsius(30, 70, 5);
        double[] sigma = Conductivities(t, 0.24, 3.6e-4, 301.15, 0.02, new TestData(4));
        double[] u = sigma.Select(s => 0.02 * s).ToArray();
        FitResult<Arrhenius> weighted = Arrhenius.Fit(t, sigma, ArrheniusForm.Conductivity, u);
        FitResult<Arrhenius> unweighted = Arrhenius.Fit(t, sigma, ArrheniusForm.Conductivity);

        Prediction p = weighted.Predict(301.15);
        Prediction q = unweighted.Predict(301.15);
        Assert.Equal(2500, weighted.MeanWeight, 9);
        Assert.Equal(q.PredictionUpper, p.PredictionUpper, 1e-12);
        Assert.InRange(p.PredictionUpper / p.Value, 1.02, 1.10);
        Prediction precise = weighted.Predict(301.15, newMeasurementRelativeUncertainty: 0.001);
        Assert.True(precise.PredictionUpper < p.PredictionUpper);
        Assert.Throws<ArgumentOutOfRangeException>(() => weighted.Predict(301.15, newMeasurementRelativeUncertainty: -0.1));
    }

    [Fact]
    public void Bad_input_is_rejected_with_the_argument_named()
    {
        double[] t = [300, 310, 320, 330];
        double[] s = [1e-4, 2e-4, 3e-4, 4e-4];
        Assert.Equal("conductivity", Assert.Throws<ArgumentException>(() => Arrhenius.Fit(t, s.AsSpan(0, 3), ArrheniusForm.Conductivity)).ParamName);
        Assert.Equal("temperatureKelvin", Assert.Throws<ArgumentException>(() => Arrhenius.Fit(t.AsSpan(0, 2), s.AsSpan(0, 2), ArrheniusForm.Conductivity)).ParamName);
        Assert.Contains("greater than zero", Assert.Throws<ArgumentException>(() => Arrhenius.Fit([300.0, -10, 320], s.AsSpan(0, 3), ArrheniusForm.Conductivity)).Message, StringComparison.Ordinal);
        Assert.Equal("temperatureKelvin", Assert.Throws<ArgumentException>(() => Arrhenius.Fit([300.0, double.NaN, 320], s.AsSpan(0, 3), ArrheniusForm.Conductivity)).ParamName);
        Assert.Equal("conductivity", Assert.Throws<ArgumentException>(() => Arrhenius.Fit(t, [1e-4, 0, 3e-4, 4e-4], ArrheniusForm.Conductivity)).ParamName);
        Assert.Equal("conductivity", Assert.Throws<ArgumentException>(() => Arrhenius.Fit(t, [1e-4, -2e-4, 3e-4, 4e-4], ArrheniusForm.Conductivity)).ParamName);
        Assert.Equal("conductivity", Assert.Throws<ArgumentException>(() => Arrhenius.Fit(t, [1e-4, double.PositiveInfinity, 3e-4, 4e-4], ArrheniusForm.Conductivity)).ParamName);
        var equal = Assert.Throws<ArgumentException>(() => Arrhenius.Fit([300.0, 300, 300], s.AsSpan(0, 3), ArrheniusForm.Conductivity));
        Assert.Equal("temperatureKelvin", equal.ParamName);
        Assert.Contains("distinct", equal.Message, StringComparison.Ordinal);
        Assert.Equal("conductivityStandardUncertainty", Assert.Throws<ArgumentException>(() => Arrhenius.Fit(t, s, ArrheniusForm.Conductivity, [1e-5, 1e-5])).ParamName);
        Assert.Equal("conductivityStandardUncertainty", Assert.Throws<ArgumentException>(() => Arrhenius.Fit(t, s, ArrheniusForm.Conductivity, [1e-5, 0, 1e-5, 1e-5])).ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => Arrhenius.Fit(t, s, (ArrheniusForm)7));
    }
}
