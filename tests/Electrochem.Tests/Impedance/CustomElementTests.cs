using System.Numerics;
using Electrochem.Fitting;
using Electrochem.Impedance;

namespace Electrochem.Tests.Impedance;

/// <summary>
/// A user-defined element behaves like a built-in one: a CPE written by hand (Z = 1/(Q·(jω)^α)) must give the built-in
/// CPE's impedance, fit and JSON round trip, with numerical or analytic derivatives.
/// </summary>
public sealed class CustomElementTests
{
    private static readonly ElementParameter[] CpeParameters =
    [
        new("Q", "CPE coefficient", "S s^α", 1e-300, double.PositiveInfinity),
        new("α", "CPE exponent", string.Empty, 1e-300, 1),
    ];

    private static Complex HandCpe(double omega, ReadOnlySpan<double> p) => 1 / (p[0] * Complex.Pow(new Complex(0, omega), p[1]));

    private static readonly CustomElement Numerical = new("Qx", "CPE written by hand", "Z = 1/(Q·(jω)^α)", CpeParameters, HandCpe);

    private static readonly CustomElement Analytic = new("Qa", "CPE written by hand", "Z = 1/(Q·(jω)^α)", CpeParameters, HandCpe, (omega, p, gradient) =>
    {
        Complex z = HandCpe(omega, p);
        gradient[0] = -z / p[0];
        gradient[1] = -z * Complex.Log(new Complex(0, omega));
    });

    private static readonly double[] Frequencies = [.. Enumerable.Range(0, 40).Select(k => 1e5 * Math.Pow(10, -7.0 * k / 39))];

    [Fact]
    public void A_hand_written_CPE_equals_the_built_in_one()
    {
        double[] values = [10, 100, 2e-5, 0.85];
        ImpedanceSpectrum builtIn = new CircuitModel(Circuit.Parse("R0-p(R1,CPE1)"), values).Predict(Frequencies);
        ImpedanceSpectrum custom = new CircuitModel(Circuit.Parse("R0-p(R1,Qx1)", [Numerical]), values).Predict(Frequencies);
        for (int i = 0; i < Frequencies.Length; i++)
        {
            Assert.Equal(builtIn.Real[i], custom.Real[i], Math.Abs(builtIn.Real[i]) * 1e-12);
            Assert.Equal(builtIn.Imaginary[i], custom.Imaginary[i], Math.Abs(builtIn.Imaginary[i]) * 1e-12);
        }

        Assert.Equal("Qx", Circuit.Parse("R0-p(R1,Qx1)", [Numerical]).Parameters[2].ElementName[..2]);
        Assert.Equal("S s^α", Circuit.Parse("R0-p(R1,Qx1)", [Numerical]).Parameters[2].Unit);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void It_is_fitted_like_the_built_in_element(bool analytic)
    {
        var random = new TestData(11);
        ImpedanceSpectrum exact = new CircuitModel(Circuit.Parse("R0-p(R1,CPE1)"), [10, 100, 2e-5, 0.85]).Predict(Frequencies);
        ImpedanceSpectrum noisy = ImpedanceSpectrum.FromComplex(Frequencies, [.. Enumerable.Range(0, Frequencies.Length).Select(i => exact[i] * new Complex(1 + (0.005 * random.Normal()), 0.005 * random.Normal()))]);
        FitResult<CircuitModel> builtIn = CircuitModel.Fit(Circuit.Parse("R0-p(R1,CPE1)"), noisy);
        CustomElement element = analytic ? Analytic : Numerical;
        FitResult<CircuitModel> custom = CircuitModel.Fit(Circuit.Parse($"R0-p(R1,{element.Symbol}1)", [element]), noisy, CircuitFitOptions.Default.WithInitialGuess(Circuit.Parse($"R0-p(R1,{element.Symbol}1)", [element]), 12, 90, 1e-5, 0.8));
        Assert.True(custom.Converged, custom.StatusReason);
        for (int j = 0; j < 4; j++)
        {
            Assert.Equal(builtIn.Parameters[j].Value, custom.Parameters[j].Value, Math.Abs(builtIn.Parameters[j].Value) * 1e-5);
            Assert.Equal(builtIn.Parameters[j].StandardError, custom.Parameters[j].StandardError, Math.Abs(builtIn.Parameters[j].StandardError) * 1e-3);
        }
    }

    [Fact]
    public void Models_with_custom_elements_round_trip_through_JSON_given_the_elements()
    {
        var model = new CircuitModel(Circuit.Parse("R0-p(R1,Qx1)", [Numerical]), [10, 100, 2e-5, 0.85]);
        CircuitModel back = CircuitModel.FromJson(model.ToJson(), [Numerical]);
        Assert.Equal(model.Values, back.Values);
        Assert.Equal(model.Circuit, back.Circuit);
        Assert.Throws<CircuitFormatException>(() => CircuitModel.FromJson(model.ToJson()));
        CircuitModel peer = CircuitModel.FromImpedancePyJson(model.ToImpedancePyJson(), [Numerical]);
        Assert.Equal(model.Values, peer.Values);
    }

    [Fact]
    public void Bad_definitions_and_unknown_symbols_are_errors()
    {
        Assert.Equal("symbol", Assert.Throws<ArgumentException>(() => new CustomElement("R", "x", "x", CpeParameters, HandCpe)).ParamName);
        Assert.Equal("symbol", Assert.Throws<ArgumentException>(() => new CustomElement("Q1", "x", "x", CpeParameters, HandCpe)).ParamName);
        Assert.Equal("symbol", Assert.Throws<ArgumentException>(() => new CustomElement("p", "x", "x", CpeParameters, HandCpe)).ParamName);
        Assert.Equal("parameters", Assert.Throws<ArgumentException>(() => new CustomElement("Qz", "x", "x", [], HandCpe)).ParamName);
        Assert.Equal("parameters", Assert.Throws<ArgumentException>(() => new CustomElement("Qz", "x", "x", [new ElementParameter("Q", "x", "", 1, 1)], HandCpe)).ParamName);
        Assert.Equal("customElements", Assert.Throws<ArgumentException>(() => Circuit.Parse("R0", [Numerical, new CustomElement("Qx", "x", "x", CpeParameters, HandCpe)])).ParamName);
        CircuitFormatException unknown = Assert.Throws<CircuitFormatException>(() => Circuit.Parse("R0-p(R1,Qy1)", [Numerical]));
        Assert.Contains("unknown element type 'Qy'", unknown.Message, StringComparison.Ordinal);
        Assert.Contains("Qx", unknown.Message, StringComparison.Ordinal);
    }
}
