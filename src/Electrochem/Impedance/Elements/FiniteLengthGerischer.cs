using System.Collections.Immutable;
using System.Runtime.Intrinsics;

namespace Electrochem.Impedance;

/// <summary>
/// Finite-length Gerischer element <c>Gs</c> (impedance.py's form): Z = R_G/(v·tanh(φ·v)) with v = √(1 + jωτ_G),
/// R_G in Ω (bounds ≥ 0), τ_G in s (&gt; 0) and the dimensionless thickness φ (≥ 0). Writing q = φ·v and
/// h(q) = coth(q)/q: Z = R_G·φ·h(q); ∂Z/∂R_G = φ·h(q); ∂Z/∂φ = R_G·(h(q) + q·h′(q));
/// ∂Z/∂τ_G = R_G·φ·q·h′(q)·jω/(2v²) (jω/v² evaluated as 1/(τ_G − j/ω), finite at any ω), with q·h′(q) = −csch²q − coth(q)/q. Built from e^{−2q}, so no overflow.
/// Limits: Z → R_G/tanh φ as ω → 0; Z → R_G/√(jωτ_G) as ω → ∞. Parameter order: R_G, τ_G, φ.
/// </summary>
public sealed class FiniteLengthGerischer : CircuitElement
{
    private FiniteLengthGerischer()
    {
    }

    /// <summary>The single instance.</summary>
    public static FiniteLengthGerischer Instance { get; } = new();

    /// <inheritdoc/>
    public override string Symbol => "Gs";

    /// <inheritdoc/>
    public override string Description => "finite-length Gerischer element";

    /// <inheritdoc/>
    public override string Formula => "Z = R/(√(1 + jωτ)·tanh(φ·√(1 + jωτ)))";

    /// <inheritdoc/>
    public override ImmutableArray<ElementParameter> Parameters { get; } =
    [
        ElementParameter.NonNegative("R_G", "Gerischer resistance", "Ω"),
        ElementParameter.Positive("τ_G", "Gerischer time constant", "s"),
        ElementParameter.NonNegative("φ", "dimensionless thickness", string.Empty),
    ];

    internal override void Evaluate(in FrequencyBlock block, ReadOnlySpan<double> parameters, Span<double> real, Span<double> imaginary, Span<double> derivativeReal, Span<double> derivativeImaginary)
    {
        double resistance = parameters[0];
        double tau = parameters[1];
        double phi = parameters[2];
        int n = block.Length;
        bool derivatives = !derivativeReal.IsEmpty;
        for (int i = 0; i < n; i += Vector256<double>.Count)
        {
            Vector256<double> omega = Load(block.AngularFrequency, i);
            var squared = new ComplexVector(Vector256<double>.One, omega * tau);
            ComplexVector v = squared.Sqrt();
            var terms = HyperbolicTerms.Of(v * phi);
            ComplexVector h = terms.CothOverArgument;
            (h * (resistance * phi)).Store(real, imaginary, i);
            if (derivatives)
            {
                ComplexVector qh = terms.ArgumentTimesDerivativeOfCothOverArgument;
                StoreDerivative(h * phi, derivativeReal, derivativeImaginary, 0, n, i);
                ComplexVector jOmegaOverSquared = new ComplexVector(Vector256.Create(tau), -(Vector256<double>.One / omega)).Reciprocal();
                StoreDerivative(qh * jOmegaOverSquared * (resistance * phi / 2), derivativeReal, derivativeImaginary, 1, n, i);
                StoreDerivative((h + qh) * resistance, derivativeReal, derivativeImaginary, 2, n, i);
            }
        }
    }
}
