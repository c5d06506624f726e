using System.Collections.Immutable;
using System.Runtime.Intrinsics;

namespace Electrochem.Impedance;

/// <summary>
/// Voigt RC element <c>K</c> (the element of Lin-KK): Z = R/(1 + jωτ), a resistor R in Ω in parallel with a capacitor
/// τ/R; R may take either sign in Lin-KK but its default bounds are R ≥ 0; τ in s (&gt; 0).
/// ∂Z/∂R = 1/(1 + jωτ); ∂Z/∂τ = −Z·jω/(1 + jωτ). Parameter order as impedance.py: R, τ.
/// </summary>
public sealed class VoigtElement : CircuitElement
{
    private VoigtElement()
    {
    }

    /// <summary>The single instance.</summary>
    public static VoigtElement Instance { get; } = new();

    /// <inheritdoc/>
    public override string Symbol => "K";

    /// <inheritdoc/>
    public override string Description => "Voigt RC element";

    /// <inheritdoc/>
    public override string Formula => "Z = R/(1 + jωτ)";

    /// <inheritdoc/>
    public override ImmutableArray<ElementParameter> Parameters { get; } =
    [
        ElementParameter.NonNegative("R", "resistance", "Ω"),
        ElementParameter.Positive("τ", "time constant", "s"),
    ];

    internal override void Evaluate(in FrequencyBlock block, ReadOnlySpan<double> parameters, Span<double> real, Span<double> imaginary, Span<double> derivativeReal, Span<double> derivativeImaginary)
    {
        double resistance = parameters[0];
        double tau = parameters[1];
        int n = block.Length;
        bool derivatives = !derivativeReal.IsEmpty;
        for (int i = 0; i < n; i += Vector256<double>.Count)
        {
            Vector256<double> omega = Load(block.AngularFrequency, i);
            ComplexVector inverse = new ComplexVector(Vector256<double>.One, omega * tau).Reciprocal();
            ComplexVector z = inverse * resistance;
            z.Store(real, imaginary, i);
            if (derivatives)
            {
                StoreDerivative(inverse, derivativeReal, derivativeImaginary, 0, n, i);
                StoreDerivative(z * inverse * new ComplexVector(Vector256<double>.Zero, -omega), derivativeReal, derivativeImaginary, 1, n, i);
            }
        }
    }
}
