using System.Collections.Immutable;
using System.Numerics;

namespace Electrochem.Impedance;

/// <summary>
/// A circuit element defined by the user from its impedance function: give it a symbol, its parameters (names, units,
/// bounds) and Z(ω; θ), optionally ∂Z/∂θ (central differences otherwise), and pass it to
/// <see cref="Circuit.Parse(string, IReadOnlyCollection{CustomElement})"/>,
/// <see cref="CircuitModel.FromJson(string, IReadOnlyCollection{CustomElement})"/> or an <see cref="ElementNode"/>; fitting,
/// prediction and JSON then treat it like a built-in element. The functions must be pure and thread-safe (batch fits
/// call them from several threads) and return finite values inside the parameters' bounds.
/// </summary>
/// <example><code>
/// // A CPE written by hand: Z = 1/(Q·(jω)^α)
/// var q = new CustomElement("Qx", "constant-phase element", "Z = 1/(Q·(jω)^α)",
///     [new ElementParameter("Q", "CPE coefficient", "S s^α", 1e-300, double.PositiveInfinity), new ElementParameter("α", "exponent", "", 1e-300, 1)],
///     (w, p) => 1 / (p[0] * Complex.Pow(new Complex(0, w), p[1])));
/// Circuit circuit = Circuit.Parse("R0-p(R1,Qx1)", [q]);
/// </code></example>
public sealed class CustomElement : CircuitElement
{
    private readonly ElementImpedance _impedance;
    private readonly ElementImpedanceGradient? _gradient;

    /// <summary>Defines an element.</summary>
    /// <param name="symbol">Its symbol in circuit strings: ASCII letters, not a built-in symbol and not <c>p</c> (an element is named symbol + identifier, e.g. <c>Qx1</c>).</param>
    /// <param name="description">What it is, in words.</param>
    /// <param name="formula">Its impedance in plain text, e.g. <c>Z = 1/(Q·(jω)^α)</c>.</param>
    /// <param name="parameters">Its parameters in order (at least one), each with a symbol, description, unit and bounds (lower &lt; upper, not NaN).</param>
    /// <param name="impedance">Z(ω; θ) in Ω.</param>
    /// <param name="gradient">∂Z/∂θ, or null for central differences (step 10⁻⁶ of each parameter's magnitude).</param>
    /// <exception cref="ArgumentException">The symbol is empty, not letters, <c>p</c> or a built-in symbol; there is no parameter; a parameter's bounds are invalid.</exception>
    /// <exception cref="ArgumentNullException">A required argument is null.</exception>
    public CustomElement(string symbol, string description, string formula, IEnumerable<ElementParameter> parameters, ElementImpedance impedance, ElementImpedanceGradient? gradient = null)
    {
        ArgumentNullException.ThrowIfNull(symbol);
        ArgumentNullException.ThrowIfNull(description);
        ArgumentNullException.ThrowIfNull(formula);
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(impedance);
        if (symbol.Length == 0 || !symbol.All(char.IsAsciiLetter) || symbol == "p")
        {
            throw new ArgumentException($"The symbol '{symbol}' is not usable: a custom element's symbol is one or more ASCII letters, and not 'p' (parallel).", nameof(symbol));
        }

        if (CircuitElements.TryFromSymbol(symbol, out _))
        {
            throw new ArgumentException($"'{symbol}' is a built-in element type; give the custom element another symbol.", nameof(symbol));
        }

        ImmutableArray<ElementParameter> list = [.. parameters];
        if (list.IsEmpty)
        {
            throw new ArgumentException("A custom element needs at least one parameter.", nameof(parameters));
        }

        foreach (ElementParameter p in list)
        {
            if (p is null || !(p.LowerBound < p.UpperBound))
            {
                throw new ArgumentException($"The parameter '{p?.Symbol}' of {symbol} needs a lower bound below its upper bound.", nameof(parameters));
            }
        }

        Symbol = symbol;
        Description = description;
        Formula = formula;
        Parameters = list;
        _impedance = impedance;
        _gradient = gradient;
    }

    /// <inheritdoc/>
    public override string Symbol { get; }

    /// <inheritdoc/>
    public override string Description { get; }

    /// <inheritdoc/>
    public override string Formula { get; }

    /// <inheritdoc/>
    public override ImmutableArray<ElementParameter> Parameters { get; }

    /// <summary>Whether ∂Z/∂θ is analytic (given) rather than by central differences.</summary>
    public bool HasAnalyticGradient => _gradient is not null;

    internal override void Evaluate(in FrequencyBlock block, ReadOnlySpan<double> parameters, Span<double> real, Span<double> imaginary, Span<double> derivativeReal, Span<double> derivativeImaginary)
    {
        int n = block.Length;
        int count = Parameters.Length;
        bool derivatives = !derivativeReal.IsEmpty;
        Span<Complex> gradient = stackalloc Complex[count];
        Span<double> shifted = stackalloc double[count];
        for (int k = 0; k < n; k++)
        {
            double omega = block.AngularFrequency[k];
            Complex z = _impedance(omega, parameters);
            real[k] = z.Real;
            imaginary[k] = z.Imaginary;
            if (!derivatives)
            {
                continue;
            }

            if (_gradient is not null)
            {
                _gradient(omega, parameters, gradient);
            }
            else
            {
                parameters.CopyTo(shifted);
                for (int j = 0; j < count; j++)
                {
                    double step = 1e-6 * Math.Max(Math.Abs(parameters[j]), 1e-12);
                    shifted[j] = parameters[j] + step;
                    Complex up = _impedance(omega, shifted);
                    shifted[j] = parameters[j] - step;
                    Complex down = _impedance(omega, shifted);
                    shifted[j] = parameters[j];
                    gradient[j] = (up - down) / (2 * step);
                }
            }

            for (int j = 0; j < count; j++)
            {
                derivativeReal[(j * n) + k] = gradient[j].Real;
                derivativeImaginary[(j * n) + k] = gradient[j].Imaginary;
            }
        }
    }
}
