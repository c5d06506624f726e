using System.Numerics;
using Electrochem.Impedance;

namespace Electrochem.Tests.Impedance;

public class ElementTests
{
    /// <summary>impedance.py's test_circuit_elements values: parameters [0.1, 0.2, 0.3, 0.4][..count] at 0.001, 1 and 1000 Hz.</summary>
    public static TheoryData<string, double[], double[]> ImpedancePyValues => new()
    {
        { "R", [0.1, 0.1, 0.1], [0, 0, 0] },
        { "C", [0, 0, 0], [-1591.5494309189532, -1.5915494309189535, -0.0015915494309189533] },
        { "L", [0, 0, 0], [0.000628319, 0.628319, 628.319] },
        { "W", [1.26156626, 0.03989423, 0.00126157], [-1.26156626, -0.03989423, -0.00126157] },
        { "Wo", [0.033333332999112786, 0.03300437046673635, 0.0019947114020071634], [-79.57747433847442, -0.08232866785870396, -0.0019947114020071634] },
        { "Ws", [0.09999998, 0.08327519, 0.00199471], [-4.18878913e-05, -3.33838167e-02, -1.99471140e-03] },
        { "CPE", [26.216236841407248, 6.585220960717244, 1.6541327179718126], [-8.51817171087997, -2.139667994182814, -0.537460300252313] },
        { "G", [0.09999994078244179, 0.07107755021941357, 0.00199550459845528], [-0.00006283179105931961, -0.03427465211788068, -0.0019939172581851707] },
        { "Gs", [0.3432733166533134, 0.1391819314527732, 0.0019955029598887875], [-0.00041895248193532704, -0.16248466787637972, -0.0019939170758457437] },
        { "T", [1.00041, 0.0156037, 0.00141056], [-0.00837309, -0.114062, -0.00141039] },
        { "K", [0.099999842086579, 0.038772663673915, 6.332569967499333e-08], [-0.000125663507704, -0.048723166143232, -7.957742115295703e-05] },
    };

    [Theory]
    [MemberData(nameof(ImpedancePyValues))]
    public void Elements_match_impedance_py_reference_values(string symbol, double[] real, double[] imaginary)
    {
        CircuitElement element = CircuitElements.FromSymbol(symbol);
        double[] parameters = [0.1, 0.2, 0.3, 0.4];
        double[] hertz = [0.001, 1.0, 1000];
        for (int i = 0; i < 3; i++)
        {
            Complex z = element.Impedance(2 * Math.PI * hertz[i], parameters.AsSpan(0, element.Parameters.Length));
            // impedance.py's table is given to 6–9 significant figures (np.isclose: rtol 1e-5, atol 1e-8).
            Assert.True(Complex.Abs(z - new Complex(real[i], imaginary[i])) <= 1e-8 + (1e-5 * Complex.Abs(z)), $"{symbol} at {hertz[i]} Hz: {z} vs ({real[i]}, {imaginary[i]})");
        }
    }

    public static TheoryData<string> Symbols => [.. CircuitElements.All.Select(e => e.Symbol)];

    [Theory]
    [MemberData(nameof(Symbols))]
    public void Elements_equal_their_closed_forms_from_low_to_high_frequency(string symbol)
    {
        CircuitElement element = CircuitElements.FromSymbol(symbol);
        var random = new TestData(11);
        for (int trial = 0; trial < 20; trial++)
        {
            double[] p = RandomParameters(element, random);
            foreach (double omega in LogGrid(1e-4, 1e6, 41))
            {
                Complex expected = ComplexReference.Element(symbol, omega, p);
                Complex actual = element.Impedance(omega, p);
                Assert.True(Complex.Abs(actual - expected) <= 1e-12 * Complex.Abs(expected), $"{symbol}({string.Join(", ", p)}) at ω = {omega}: {actual} vs {expected}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Symbols))]
    public void Analytic_derivatives_equal_central_finite_differences(string symbol)
    {
        CircuitElement element = CircuitElements.FromSymbol(symbol);
        var random = new TestData(12);
        int count = element.Parameters.Length;
        var gradient = new Complex[count];
        for (int trial = 0; trial < 10; trial++)
        {
            double[] p = RandomParameters(element, random);
            foreach (double omega in LogGrid(1e-3, 1e5, 17))
            {
                element.Impedance(omega, p, gradient);
                for (int j = 0; j < count; j++)
                {
                    Complex numeric = CentralDifference(q => element.Impedance(omega, q), p, j);
                    Complex scale = Complex.Abs(element.Impedance(omega, p)) / Math.Abs(p[j]);
                    Assert.True(
                        Complex.Abs(gradient[j] - numeric) <= 1e-6 * (Complex.Abs(numeric) + (1e-3 * scale.Real)),
                        $"∂{symbol}/∂θ{j} at ω = {omega}, θ = ({string.Join(", ", p)}): analytic {gradient[j]}, numeric {numeric}");
                }
            }
        }
    }

    [Fact]
    public void Warburg_elements_have_the_right_limits_and_never_overflow()
    {
        double z0 = 3.0, tau = 2.0;
        Complex ws = FiniteLengthWarburg.Instance.Impedance(1e-14, [z0, tau]);
        Assert.Equal(z0, ws.Real, 12);
        Assert.Equal(0, ws.Imaginary, 12);
        foreach (double omega in new[] { 1e-12, 1e-9 })
        {
            // Wo → Z₀/(jωτ) + Z₀/3 at low frequency
            Complex wo = FiniteSpaceWarburg.Instance.Impedance(omega, [z0, tau]);
            Complex expected = (z0 / (Complex.ImaginaryOne * omega * tau)) + (z0 / 3);
            Assert.True(Complex.Abs(wo - expected) <= 1e-9 * Complex.Abs(expected), $"{wo} vs {expected}");
            Assert.Equal(z0 / 3, wo.Real, 9);
        }

        foreach (string symbol in new[] { "Ws", "Wo", "Gs", "TLMQ", "T" })
        {
            CircuitElement element = CircuitElements.FromSymbol(symbol);
            double[] p = [.. element.Parameters.Select((_, k) => k == 0 ? 3.0 : 2.0)];
            var gradient = new Complex[p.Length];
            foreach (double omega in new[] { 1e8, 1e12, 1e16, 1e300 })
            {
                Complex z = element.Impedance(omega, p, gradient);
                Assert.True(double.IsFinite(z.Real) && double.IsFinite(z.Imaginary), $"{symbol} at ω = {omega}: {z}");
                Assert.All(gradient, g => Assert.True(double.IsFinite(g.Real) && double.IsFinite(g.Imaginary), $"{symbol}′ at ω = {omega}: {g}"));
            }
        }

        // Ws and Wo both → Z₀/√(jωτ) at high frequency
        double high = 1e10;
        Complex line = z0 / Complex.Sqrt(Complex.ImaginaryOne * high * tau);
        Assert.True(Complex.Abs(FiniteLengthWarburg.Instance.Impedance(high, [z0, tau]) - line) <= 1e-13 * Complex.Abs(line));
        Assert.True(Complex.Abs(FiniteSpaceWarburg.Instance.Impedance(high, [z0, tau]) - line) <= 1e-13 * Complex.Abs(line));
    }

    [Fact]
    public void Ws_derivative_is_accurate_where_its_terms_cancel()
    {
        // |u| = √(ωτ) far below the series limit: ∂Z/∂τ → −jωZ₀/3
        double z0 = 2, tau = 1e-3, omega = 1e-5;
        var gradient = new Complex[2];
        FiniteLengthWarburg.Instance.Impedance(omega, [z0, tau], gradient);
        Complex u2 = Complex.ImaginaryOne * omega * tau;
        Complex expected = z0 * Complex.ImaginaryOne * omega / 2 * ((-2.0 / 3) + (8.0 / 15 * u2));
        Assert.True(Complex.Abs(gradient[1] - expected) <= 1e-14 * Complex.Abs(expected), $"{gradient[1]} vs {expected}");
    }

    [Fact]
    public void Modified_inductance_follows_its_documented_formula_not_impedance_py()
    {
        double l = 0.5, alpha = 0.7, omega = 10;
        Complex z = ModifiedInductance.Instance.Impedance(omega, [l, alpha]);
        Assert.True(Complex.Abs(z - (l * Complex.Pow(Complex.ImaginaryOne * omega, alpha))) < 1e-14);
        Complex impedancePy = Complex.Pow(l * Complex.ImaginaryOne * omega, alpha);
        Assert.True(Complex.Abs(z - impedancePy) > 0.1 * Complex.Abs(z));
        Assert.True(Complex.Abs(ModifiedInductance.Instance.Impedance(omega, [Math.Pow(l, alpha), alpha]) - impedancePy) < 1e-13);
    }

    [Fact]
    public void Element_inputs_are_checked()
    {
        Assert.Throws<ArgumentException>(() => ConstantPhaseElement.Instance.Impedance(1, [1.0]));
        Assert.Contains("finite", Assert.Throws<ArgumentException>(() => ConstantPhaseElement.Instance.Impedance(1, [1.0, double.NaN])).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => Resistor.Instance.Impedance(0, [1.0]));
        Assert.Throws<ArgumentOutOfRangeException>(() => Resistor.Instance.Impedance(-1, [1.0]));
        Assert.Throws<ArgumentException>(() => CircuitElements.FromSymbol("Q"));
        Assert.Equal(["R", "C", "L", "CPE", "W", "Ws", "Wo", "G", "Gs", "K", "Zarc", "La", "TLMQ", "T"], CircuitElements.All.Select(e => e.Symbol));
        Assert.All(CircuitElements.All.SelectMany(e => e.Parameters), p => Assert.True(p.LowerBound >= 0 && p.UpperBound > p.LowerBound));
    }

    internal static double[] RandomParameters(CircuitElement element, TestData random) =>
        [.. element.Parameters.Select(p => p.UpperBound == 1 ? random.Uniform(0.3, 1) : Math.Exp(random.Uniform(Math.Log(1e-3), Math.Log(1e2))))];

    internal static double[] LogGrid(double low, double high, int count) =>
        [.. TestData.Linspace(Math.Log10(low), Math.Log10(high), count).Select(e => Math.Pow(10, e))];

    internal static Complex CentralDifference(Func<double[], Complex> f, double[] p, int j)
    {
        double h = 1e-5 * Math.Max(Math.Abs(p[j]), 1e-3);
        double[] plus = [.. p];
        double[] minus = [.. p];
        plus[j] += h;
        minus[j] -= h;
        return (f(plus) - f(minus)) / (2 * h);
    }
}
