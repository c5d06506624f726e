using System.Collections.Immutable;
using System.Runtime.Intrinsics;

namespace Electrochem.Impedance;

/// <summary>
/// Constant phase element <c>CPE</c>: Z = 1/(Q·(jω)^α) = Q⁻¹·ω^{−α}·e^{−jαπ/2}, with Q in S s^α (= Ω⁻¹ s^α = F s^{α−1};
/// bounds Q ≥ 0) and α dimensionless (0 &lt; α ≤ 1; α = 1 is a capacitor, α = 0 a resistor 1/Q).
/// ∂Z/∂Q = −Z/Q; ∂Z/∂α = −Z·(ln ω + jπ/2). Parameter order as impedance.py: Q, α.
/// </summary>
public sealed class ConstantPhaseElement : CircuitElement
{
    private ConstantPhaseElement()
    {
    }

    /// <summary>The single instance.</summary>
    public static ConstantPhaseElement Instance { get; } = new();

    /// <inheritdoc/>
    public override string Symbol => "CPE";

    /// <inheritdoc/>
    public override string Description => "constant phase element";

    /// <inheritdoc/>
    public override string Formula => "Z = 1/(Q·(jω)^α)";

    /// <inheritdoc/>
    public override ImmutableArray<ElementParameter> Parameters { get; } =
    [
        ElementParameter.NonNegative("Q", "CPE coefficient", "S s^α"),
        ElementParameter.Exponent("α", "CPE exponent"),
    ];

    internal override bool UsesLogAngularFrequency => true;

    internal override void Evaluate(in FrequencyBlock block, ReadOnlySpan<double> parameters, Span<double> real, Span<double> imaginary, Span<double> derivativeReal, Span<double> derivativeImaginary)
    {
        double q = parameters[0];
        double alpha = parameters[1];
        (double sin, double cos) = Math.SinCos(-alpha * Math.PI / 2);
        double inverseQ = 1 / q;
        int n = block.Length;
        bool derivatives = !derivativeReal.IsEmpty;
        for (int i = 0; i < n; i += Vector256<double>.Count)
        {
            Vector256<double> logOmega = Load(block.LogAngularFrequency, i);
            Vector256<double> modulus = Vector256.Exp(logOmega * -alpha) * inverseQ;
            var z = new ComplexVector(modulus * cos, modulus * sin);
            z.Store(real, imaginary, i);
            if (derivatives)
            {
                StoreDerivative(z * -inverseQ, derivativeReal, derivativeImaginary, 0, n, i);
                StoreDerivative(-(z * new ComplexVector(logOmega, Vector256.Create(Math.PI / 2))), derivativeReal, derivativeImaginary, 1, n, i);
            }
        }
    }
}
