using System.Collections.Immutable;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Electrochem.Impedance;

/// <summary>
/// A type of equivalent-circuit element (R, C, CPE, Wo, …): its symbol in circuit strings, its parameters in
/// impedance.py's order with units and default bounds, and its impedance Z(ω; θ) in Ω with analytic derivatives
/// ∂Z/∂θ. Each built-in type is a stateless singleton in <see cref="CircuitElements"/>; a user-defined one is a
/// <see cref="CustomElement"/>. Immutable and thread-safe.
/// Element kernels are vectorised over split real/imaginary arrays; the scalar methods here run the same kernel.
/// </summary>
public abstract class CircuitElement
{
    private protected CircuitElement()
    {
    }

    /// <summary>The type's symbol in circuit strings, e.g. <c>"CPE"</c> (an element is named symbol + identifier, <c>CPE1</c>).</summary>
    public abstract string Symbol { get; }

    /// <summary>What the element is, in words.</summary>
    public abstract string Description { get; }

    /// <summary>The formula of Z in plain text, e.g. <c>"Z = 1/(Q·(jω)^α)"</c>.</summary>
    public abstract string Formula { get; }

    /// <summary>The parameters in impedance.py's order, with units and default bounds.</summary>
    public abstract ImmutableArray<ElementParameter> Parameters { get; }

    /// <summary>The impedance Z in Ω at one angular frequency.</summary>
    /// <param name="angularFrequency">ω = 2πf in rad s⁻¹, finite and &gt; 0.</param>
    /// <param name="parameters">The element's parameters in <see cref="Parameters"/> order, each finite.</param>
    /// <returns>Z(ω; θ) in Ω.</returns>
    /// <exception cref="ArgumentException">ω is not positive and finite, the parameter count is wrong, or a parameter is not finite.</exception>
    public Complex Impedance(double angularFrequency, ReadOnlySpan<double> parameters) => Impedance(angularFrequency, parameters, []);

    /// <summary>The impedance Z in Ω at one angular frequency and its derivatives ∂Z/∂θⱼ.</summary>
    /// <param name="angularFrequency">ω = 2πf in rad s⁻¹, finite and &gt; 0.</param>
    /// <param name="parameters">The element's parameters in <see cref="Parameters"/> order, each finite.</param>
    /// <param name="gradient">Destination of ∂Z/∂θⱼ (unit Ω per unit of θⱼ), one per parameter, or empty to skip them.</param>
    /// <returns>Z(ω; θ) in Ω.</returns>
    /// <exception cref="ArgumentException">ω is not positive and finite, the parameter count is wrong, a parameter is not finite, or the gradient has the wrong length.</exception>
    public Complex Impedance(double angularFrequency, ReadOnlySpan<double> parameters, Span<Complex> gradient)
    {
        if (!(angularFrequency > 0) || !double.IsFinite(angularFrequency))
        {
            throw new ArgumentOutOfRangeException(nameof(angularFrequency), angularFrequency, $"angularFrequency must be finite and greater than zero (rad/s) but was {Preconditions.Format(angularFrequency)}.");
        }

        CheckParameters(parameters, nameof(parameters));
        int count = Parameters.Length;
        if (!gradient.IsEmpty)
        {
            Preconditions.CheckSameLength(count, gradient.Length, $"the parameters of {Symbol}", nameof(gradient));
        }

        int width = Vector256<double>.Count;
        Span<double> omega = stackalloc double[width];
        Span<double> logOmega = stackalloc double[width];
        Span<double> sqrtOmega = stackalloc double[width];
        omega.Fill(angularFrequency);
        logOmega.Fill(Math.Log(angularFrequency));
        sqrtOmega.Fill(Math.Sqrt(angularFrequency));
        Span<double> real = stackalloc double[width];
        Span<double> imaginary = stackalloc double[width];
        Span<double> derivativeReal = stackalloc double[width * count];
        Span<double> derivativeImaginary = stackalloc double[width * count];
        bool withDerivatives = !gradient.IsEmpty;
        Evaluate(
            new FrequencyBlock(omega, logOmega, sqrtOmega),
            parameters,
            real,
            imaginary,
            withDerivatives ? derivativeReal : [],
            withDerivatives ? derivativeImaginary : []);
        for (int j = 0; j < gradient.Length; j++)
        {
            gradient[j] = new Complex(derivativeReal[j * width], derivativeImaginary[j * width]);
        }

        return new Complex(real[0], imaginary[0]);
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Symbol}: {Description}, {Formula}";

    /// <summary>Whether the kernel reads <see cref="FrequencyBlock.LogAngularFrequency"/> (computed per block only if some element does).</summary>
    internal virtual bool UsesLogAngularFrequency => false;

    /// <summary>Whether the kernel reads <see cref="FrequencyBlock.SqrtAngularFrequency"/>.</summary>
    internal virtual bool UsesSqrtAngularFrequency => false;

    /// <summary>Checks a parameter vector: the right count, every value finite.</summary>
    internal void CheckParameters(ReadOnlySpan<double> parameters, string name)
    {
        Preconditions.CheckSameLength(Parameters.Length, parameters.Length, $"the parameters of {Symbol}", name);
        Preconditions.CheckAllFinite(parameters, name);
    }

    /// <summary>
    /// Writes Z for every ω of the block into <paramref name="real"/> and <paramref name="imaginary"/> (block length),
    /// and, unless the derivative spans are empty, ∂Z/∂θₖ into them at offset k·length.
    /// </summary>
    internal abstract void Evaluate(
        in FrequencyBlock block,
        ReadOnlySpan<double> parameters,
        Span<double> real,
        Span<double> imaginary,
        Span<double> derivativeReal,
        Span<double> derivativeImaginary);

    /// <summary>Loads four lanes of a real array.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private protected static Vector256<double> Load(ReadOnlySpan<double> values, int index) => ComplexVector.LoadReal(values, index);

    /// <summary>Stores four complex lanes as derivative column k of a block of the given length.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private protected static void StoreDerivative(ComplexVector value, Span<double> derivativeReal, Span<double> derivativeImaginary, int column, int length, int index) =>
        value.Store(derivativeReal, derivativeImaginary, (column * length) + index);
}
