using Electrochem.Constants;
using Electrochem.Fitting;
using Electrochem.Kinetics;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Electrochem.Tests.Kinetics;

public class ButlerVolmerTests
{
    internal const double RoomTemperature = 298.15;

    /// <summary>A polarisation curve from a model with multiplicative noise of relative size <paramref name="relativeNoise"/>.</summary>
    internal static double[] Curve(ButlerVolmer model, double[] eta, double relativeNoise, TestData? random) =>
        eta.Select(e => model.Evaluate(e) * (1 + (relativeNoise * (random?.Normal() ?? 0)))).ToArray();

    [Fact]
    public void Closed_form_at_plus_and_minus_100_mV_is_6_858408_mA_per_cm2()
    {
        var bv = new ButlerVolmer(1.0, 0.5, 0.5, 1, RoomTemperature); // mA/cm² in → mA/cm² out
        Assert.Equal(6.858408, bv.Evaluate(0.1), 6);
        Assert.Equal(-6.858408, bv.Evaluate(-0.1), 6);
        double f = PhysicalConstants.FaradayConstant / (PhysicalConstants.MolarGasConstant * RoomTemperature);
        Assert.Equal(2 * Math.Sinh(0.05 * f), bv.Evaluate(0.1), 13);
        Assert.Equal(0.0, bv.Evaluate(0.0));
        Assert.Equal(f, bv.ReciprocalThermalVoltage, 12);
        Assert.Equal(1 / f, bv.AreaSpecificChargeTransferResistance, 14);

        // Unit transparency: A/cm² in → A/cm² out, the same number scaled.
        Assert.Equal(6.858408e-3, (bv with { ExchangeCurrentDensity = 1e-3 }).Evaluate(0.1), 9);

        // n = 2 doubles f.
        var two = new ButlerVolmer(1.0, 0.5, 0.5, 2, RoomTemperature);
        Assert.Equal(2 * Math.Sinh(0.1 * f), two.Evaluate(0.1), 12);
    }

    [Fact]
    public void Mass_transport_limited_form_levels_off_at_the_limiting_currents()
    {
        var bv = new ButlerVolmer(1.0, 0.5, 0.5, 1, RoomTemperature) { AnodicLimitingCurrentDensity = 5, CathodicLimitingCurrentDensity = 3 };
        Assert.True(bv.IsMassTransportLimited);
        Assert.Equal(5, bv.Evaluate(2.0), 10);
        Assert.Equal(-3, bv.Evaluate(-2.0), 10);
        Assert.Equal(5, bv.Evaluate(100.0), 12); // no ∞/∞
        double f = bv.ReciprocalThermalVoltage;
        double ea = Math.Exp(0.5 * f * 0.05);
        double ec = Math.Exp(-0.5 * f * 0.05);
        Assert.Equal((ea - ec) / (1 + (ea / 5) + (ec / 3)), bv.Evaluate(0.05), 14);
        Assert.Equal(0.05, bv.Overpotential(bv.Evaluate(0.05)), 12);
        Assert.Throws<ArgumentOutOfRangeException>(() => bv.Overpotential(5.0));
        Assert.Throws<ArgumentOutOfRangeException>(() => bv.Overpotential(-3.5));
    }

    [Fact]
    public void Vectorised_evaluate_equals_scalar_for_every_length_0_to_256()
    {
        ButlerVolmer[] models =
        [
            new(2.5e-4, 0.4, 0.6, 1, 303.15),
            new ButlerVolmer(1.0, 0.5, 0.7, 2, 330) { AnodicLimitingCurrentDensity = 20, CathodicLimitingCurrentDensity = 8 },
        ];
        var random = new TestData(11);
        foreach (ButlerVolmer model in models)
        {
            for (int length = 0; length <= 256; length++)
            {
                double[] eta = Enumerable.Range(0, length).Select(_ => random.Uniform(-0.6, 0.6)).ToArray();
                var vector = new double[length];
                model.Evaluate(eta, vector);
                for (int k = 0; k < length; k++)
                {
                    double scalar = model.Evaluate(eta[k]);
                    double scale = model.ExchangeCurrentDensity * (Math.Exp(Math.Max(model.AnodicTransferCoefficient, model.CathodicTransferCoefficient) * model.ReciprocalThermalVoltage * Math.Abs(eta[k])) + 1);
                    Assert.True(Math.Abs(vector[k] - scalar) <= 1e-14 * scale, $"length {length}, index {k}: {vector[k]} vs {scalar}");
                }

                // In place gives the same numbers.
                double[] inPlace = (double[])eta.Clone();
                model.Evaluate(inPlace, inPlace);
                Assert.Equal(vector, inPlace);
            }
        }
    }

    [Fact]
    public void Span_evaluate_checks_destination_overlap_and_values()
    {
        var bv = new ButlerVolmer(1.0, 0.5, 0.5, 1, RoomTemperature);
        Assert.Equal("currentDensity", Assert.Throws<ArgumentException>(() => bv.Evaluate([0.1, 0.2], new double[1])).ParamName);
        double[] buffer = [0.1, 0.2, 0.3];
        Assert.Equal("currentDensity", Assert.Throws<ArgumentException>(() => bv.Evaluate(buffer.AsSpan(0, 2), buffer.AsSpan(1, 2))).ParamName);
        Assert.Equal("overpotential", Assert.Throws<ArgumentException>(() => bv.Evaluate([0.1, double.NaN], new double[2])).ParamName);
        var bad = Assert.Throws<ArgumentOutOfRangeException>(() => (bv with { ExchangeCurrentDensity = -1 }).Evaluate(0.1));
        Assert.Equal("ExchangeCurrentDensity", bad.ParamName);
        Assert.Equal("ElectronCount", Assert.Throws<ArgumentOutOfRangeException>(() => (bv with { ElectronCount = 0 }).Evaluate(0.1)).ParamName);
    }

    // η(i(η)) = η over ±1 V for random kinetics, plain and mass-transport limited (limits well above the currents reached).
    [Property(MaxTest = 300)]
    public Property Inverse_recovers_the_overpotential(int seed)
    {
        var random = new TestData((ulong)seed);
        var model = new ButlerVolmer(Math.Pow(10, random.Uniform(-7, 1)), random.Uniform(0.1, 1.0), random.Uniform(0.1, 1.0), 1 + (Math.Abs(seed) % 3), random.Uniform(250, 400));
        if (seed % 2 == 0)
        {
            double ceiling = model.ExchangeCurrentDensity * Math.Pow(10, random.Uniform(0.5, 4));
            model = model with { AnodicLimitingCurrentDensity = ceiling, CathodicLimitingCurrentDensity = ceiling * random.Uniform(0.3, 3) };
        }

        double eta = random.Uniform(-1, 1);
        double i = model.Evaluate(eta);

        // Within 10⁻⁶ of a limiting current the inverse is ill-conditioned (dη/di → ∞); such draws are skipped.
        bool nearLimit = model.IsMassTransportLimited && (i / model.AnodicLimitingCurrentDensity > 1 - 1e-6 || -i / model.CathodicLimitingCurrentDensity > 1 - 1e-6);
        if (nearLimit)
        {
            return true.Label("near a limiting current");
        }

        double back = model.Overpotential(i);
        double tolerance = 1e-12 + (1e-12 * Math.Abs(eta));
        return (Math.Abs(back - eta) <= tolerance).Label($"{model}: η = {eta}, i = {i}, η(i) = {back}");
    }

    [Fact]
    public void Span_inverse_matches_scalar_and_rejects_currents_beyond_the_limit()
    {
        var bv = new ButlerVolmer(1e-3, 0.4, 0.6, 1, RoomTemperature);
        double[] eta = TestData.Linspace(-0.4, 0.4, 33);
        var i = new double[eta.Length];
        bv.Evaluate(eta, i);
        var back = new double[eta.Length];
        bv.Overpotential(i, back);
        for (int k = 0; k < eta.Length; k++)
        {
            Assert.Equal(eta[k], back[k], 12);
        }

        var limited = bv with { AnodicLimitingCurrentDensity = 1e-2 };
        Assert.Equal("currentDensity", Assert.Throws<ArgumentException>(() => limited.Overpotential([1e-3, 2e-2], new double[2])).ParamName);
    }

    [Fact]
    public void Fit_recovers_exact_kinetics_without_starting_values()
    {
        var truth = new ButlerVolmer(3.2e-4, 0.38, 0.55, 1, 303.15);
        double[] eta = TestData.Linspace(-0.25, 0.25, 61);
        FitResult<ButlerVolmer> fit = ButlerVolmer.Fit(eta, Curve(truth, eta, 0, null), 1, 303.15);
        Assert.True(fit.Converged, fit.StatusReason);
        Assert.Equal(3.2e-4, fit.Model.ExchangeCurrentDensity, 10);
        Assert.Equal(0.38, fit.Model.AnodicTransferCoefficient, 8);
        Assert.Equal(0.55, fit.Model.CathodicTransferCoefficient, 8);
        Assert.Equal(fit.Model.ExchangeCurrentDensity, fit.ExchangeCurrentDensity().Value, 15);
    }

    [Fact]
    public void Fit_with_limiting_currents_recovers_them()
    {
        var truth = new ButlerVolmer(1e-3, 0.5, 0.5, 1, RoomTemperature) { AnodicLimitingCurrentDensity = 2e-2, CathodicLimitingCurrentDensity = 1.2e-2 };
        double[] eta = TestData.Linspace(-0.35, 0.35, 81);
        double[] i = Curve(truth, eta, 0.005, new TestData(3));
        double[] u = eta.Select(e => (0.005 * Math.Abs(truth.Evaluate(e))) + 1e-7).ToArray();
        FitResult<ButlerVolmer> fit = ButlerVolmer.Fit(eta, i, 1, RoomTemperature, u, ButlerVolmerFitOptions.Default with { FitLimitingCurrents = true });
        Assert.True(fit.Converged, fit.StatusReason);
        Assert.InRange(1e-3, fit.ExchangeCurrentDensity().ConfidenceLower, fit.ExchangeCurrentDensity().ConfidenceUpper);
        Assert.InRange(2e-2, fit.AnodicLimitingCurrentDensity().ConfidenceLower, fit.AnodicLimitingCurrentDensity().ConfidenceUpper);
        Assert.InRange(1.2e-2, fit.CathodicLimitingCurrentDensity().ConfidenceLower, fit.CathodicLimitingCurrentDensity().ConfidenceUpper);
        Assert.Throws<KeyNotFoundException>(() => ButlerVolmer.Fit(eta, Curve(truth with { AnodicLimitingCurrentDensity = double.PositiveInfinity, CathodicLimitingCurrentDensity = double.PositiveInfinity }, eta, 0, null), 1, RoomTemperature).AnodicLimitingCurrentDensity());
    }

    [Fact]
    public void Fit_with_one_branch_needs_the_other_coefficient_held()
    {
        double[] eta = TestData.Linspace(0.01, 0.3, 30);
        var truth = new ButlerVolmer(1e-3, 0.45, 0.5, 1, RoomTemperature);
        double[] i = Curve(truth, eta, 0, null);
        var error = Assert.Throws<ArgumentException>(() => ButlerVolmer.Fit(eta, i, 1, RoomTemperature));
        Assert.Equal("overpotential", error.ParamName);
        Assert.Contains("negative (cathodic)", error.Message, StringComparison.Ordinal);

        var options = ButlerVolmerFitOptions.Default with
        {
            InitialGuess = new ButlerVolmer(1e-4, 0.5, 0.5, 1, RoomTemperature),
            Solver = NonlinearFitOptions.Default with { FixedParameters = [ButlerVolmer.CathodicTransferCoefficientName] },
        };
        FitResult<ButlerVolmer> fit = ButlerVolmer.Fit(eta, i, 1, RoomTemperature, default, options);
        Assert.True(fit.Converged, fit.StatusReason);
        Assert.Equal(0.45, fit.Model.AnodicTransferCoefficient, 8);
        Assert.True(fit[ButlerVolmer.CathodicTransferCoefficientName].IsFixed);
    }

    [Fact]
    public void Fit_rejects_bad_input_with_the_argument_named()
    {
        Assert.Equal("currentDensity", Assert.Throws<ArgumentException>(() => ButlerVolmer.Fit([-0.1, 0, 0.1, 0.2], [1.0, 2, 3], 1, RoomTemperature)).ParamName);
        Assert.Contains("at least 4", Assert.Throws<ArgumentException>(() => ButlerVolmer.Fit([-0.1, 0.1, 0.2], [1.0, 2, 3], 1, RoomTemperature)).Message, StringComparison.Ordinal);
        Assert.Equal("electronCount", Assert.Throws<ArgumentOutOfRangeException>(() => ButlerVolmer.Fit([-0.1, 0, 0.1, 0.2], [1.0, 2, 3, 4], 0, RoomTemperature)).ParamName);
        Assert.Equal("temperatureKelvin", Assert.Throws<ArgumentOutOfRangeException>(() => ButlerVolmer.Fit([-0.1, 0, 0.1, 0.2], [1.0, 2, 3, 4], 1, -5)).ParamName);
        Assert.Equal("currentDensity", Assert.Throws<ArgumentException>(() => ButlerVolmer.Fit([-0.1, 0, 0.1, 0.2], [1.0, double.NaN, 3, 4], 1, RoomTemperature)).ParamName);
        Assert.Equal("currentDensityStandardUncertainty", Assert.Throws<ArgumentException>(() => ButlerVolmer.Fit([-0.1, 0, 0.1, 0.2], [1.0, 2, 3, 4], 1, RoomTemperature, [1.0, 0, 1, 1])).ParamName);
    }

    // With i₀/i_lim ≳ 2e4 the textbook form overflowed (i₀·e^a/i_lim → ∞) and returned 0 beyond η ≈ 36 V; the
    // overflow-free form must approach the limiting currents at any overpotential, scalar and vectorised alike.
    [Fact]
    public void Limited_form_reaches_the_limiting_currents_at_any_overpotential_without_overflow()
    {
        var electrode = new ButlerVolmer(1e3, 0.5, 0.5, 1, 298.15) { AnodicLimitingCurrentDensity = 0.04, CathodicLimitingCurrentDensity = 0.03 };
        double[] eta = [-1e4, -100, -36.5, -1, 0, 1, 36.5, 100, 1e4];
        double[] vector = new double[eta.Length];
        electrode.Evaluate(eta, vector);
        for (int k = 0; k < eta.Length; k++)
        {
            double scalar = electrode.Evaluate(eta[k]);
            Assert.True(double.IsFinite(scalar));
            Assert.Equal(scalar, vector[k], Math.Abs(scalar) * 1e-12 + 1e-300);
        }

        Assert.Equal(0.04, electrode.Evaluate(36.5), 1e-12);
        Assert.Equal(-0.03, electrode.Evaluate(-1e4), 1e-12);
        Assert.Equal(0, electrode.Evaluate(0));

        // Near equilibrium the form is the textbook one: i ≈ i₀·(e^a − e^−c)/(1 + …) at small η.
        var gentle = new ButlerVolmer(1e-3, 0.5, 0.5, 1, 298.15) { AnodicLimitingCurrentDensity = 1, CathodicLimitingCurrentDensity = 2 };
        double f = gentle.ReciprocalThermalVoltage;
        double a = 0.5 * f * 0.05;
        double textbook = 1e-3 * (Math.Exp(a) - Math.Exp(-a)) / (1 + (1e-3 * Math.Exp(a) / 1) + (1e-3 * Math.Exp(-a) / 2));
        Assert.Equal(textbook, gentle.Evaluate(0.05), textbook * 1e-13);
    }
}
