using System.Numerics;
using Electrochem.Impedance;

namespace Electrochem.Tests.Impedance;

/// <summary>
/// Plain System.Numerics.Complex implementations of every element and of series/parallel combination, written from the
/// textbook formulas independently of the vectorised kernels; the reference the kernels are checked against.
/// </summary>
internal static class ComplexReference
{
    private static readonly Complex J = Complex.ImaginaryOne;

    public static Complex Element(string symbol, double omega, ReadOnlySpan<double> p) => symbol switch
    {
        "R" => p[0],
        "C" => 1 / (J * omega * p[0]),
        "L" => J * omega * p[0],
        "CPE" => 1 / (p[0] * Complex.Pow(J * omega, p[1])),
        "W" => p[0] * (1 - J) / Math.Sqrt(omega),
        "Ws" => p[0] * Tanh(Complex.Sqrt(J * omega * p[1])) / Complex.Sqrt(J * omega * p[1]),
        "Wo" => p[0] / (Complex.Sqrt(J * omega * p[1]) * Tanh(Complex.Sqrt(J * omega * p[1]))),
        "G" => p[0] / Complex.Sqrt(1 + (J * omega * p[1])),
        "Gs" => p[0] / (Complex.Sqrt(1 + (J * omega * p[1])) * Tanh(p[2] * Complex.Sqrt(1 + (J * omega * p[1])))),
        "K" => p[0] / (1 + (J * omega * p[1])),
        "Zarc" => p[0] / (1 + Complex.Pow(J * omega * p[1], p[2])),
        "La" => p[0] * Complex.Pow(J * omega, p[1]),
        "TLMQ" => Tlmq(omega, p[0], p[1], p[2]),
        "T" => Porous(omega, p[0], p[1], p[2], p[3]),
        _ => throw new ArgumentException(symbol),
    };

    /// <summary>Z of a circuit tree by recursion: series sums, parallel sums admittances.</summary>
    public static Complex Circuit(CircuitNode node, double omega, ReadOnlySpan<double> parameters)
    {
        int offset = 0;
        return Evaluate(node, omega, parameters, ref offset);
    }

    private static Complex Evaluate(CircuitNode node, double omega, ReadOnlySpan<double> parameters, ref int offset)
    {
        switch (node)
        {
            case ElementNode e:
                int count = e.Element.Parameters.Length;
                Complex z = Element(e.Element.Symbol, omega, parameters.Slice(offset, count));
                offset += count;
                return z;
            case SeriesNode s:
                Complex sum = Complex.Zero;
                foreach (CircuitNode part in s.Parts)
                {
                    sum += Evaluate(part, omega, parameters, ref offset);
                }

                return sum;
            case ParallelNode p:
                Complex admittance = Complex.Zero;
                foreach (CircuitNode branch in p.Branches)
                {
                    admittance += 1 / Evaluate(branch, omega, parameters, ref offset);
                }

                return 1 / admittance;
            default:
                throw new ArgumentException(node.GetType().Name);
        }
    }

    private static Complex Tlmq(double omega, double rion, double qs, double gamma)
    {
        Complex zs = qs * Complex.Pow(J * omega, gamma);
        return Complex.Sqrt(rion / zs) / Tanh(Complex.Sqrt(rion * zs));
    }

    private static Complex Porous(double omega, double a, double b, double smallA, double smallB)
    {
        Complex beta = Complex.Sqrt(smallA + (J * omega * smallB));
        return (a / (beta * Tanh(beta))) + (b * Csch(beta) / beta);
    }

    /// <summary>Complex.Tanh, except far from the origin where cosh and sinh overflow: there 1 − 2e^{−2z}/(1 + e^{−2z}).</summary>
    public static Complex Tanh(Complex z)
    {
        if (Math.Abs(z.Real) < 20)
        {
            return Complex.Tanh(z);
        }

        double sign = Math.Sign(z.Real);
        Complex w = Complex.Exp(-2 * sign * z);
        return sign * (1 - w) / (1 + w);
    }

    /// <summary>1/Complex.Sinh, except far from the origin: there 2e^{−z}/(1 − e^{−2z}) (Re z &gt; 0).</summary>
    private static Complex Csch(Complex z) => Math.Abs(z.Real) < 20 ? 1 / Complex.Sinh(z) : 2 * Complex.Exp(-z) / (1 - Complex.Exp(-2 * z));
}
