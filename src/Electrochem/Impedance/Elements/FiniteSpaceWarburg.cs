using System.Collections.Immutable;
using System.Runtime.Intrinsics;

namespace Electrochem.Impedance;

/// <summary>
/// Finite-space ("open", reflective) Warburg element <c>Wo</c>: Z = Z₀·coth(u)/u with u = √(jωτ), Z₀ in Ω (bounds
/// Z₀ ≥ 0) and τ = L²/D in s (τ &gt; 0). Limits: Z → Z₀/(jωτ) + Z₀/3 as ω → 0 (a capacitor τ/Z₀ in series with Z₀/3);
/// Z → Z₀/√(jωτ) as ω → ∞. ∂Z/∂Z₀ = coth(u)/u; ∂Z/∂τ = Z₀·(−csch²u − coth(u)/u)/(2τ).
/// coth and csch are built from e^{−2u}, so large ωτ cannot overflow. Parameter order as impedance.py: Z₀, τ.
/// </summary>
public sealed class FiniteSpaceWarburg : CircuitElement
{
    private FiniteSpaceWarburg()
    {
    }

    /// <summary>The single instance.</summary>
    public static FiniteSpaceWarburg Instance { get; } = new();

    /// <inheritdoc/>
    public override string Symbol => "Wo";

    /// <inheritdoc/>
    public override string Description => "finite-space (open, reflective) Warburg element";

    /// <inheritdoc/>
    public override string Formula => "Z = Z₀·coth√(jωτ)/√(jωτ)";

    /// <inheritdoc/>
    public override ImmutableArray<ElementParameter> Parameters { get; } =
    [
        ElementParameter.NonNegative("Z₀", "diffusion resistance", "Ω"),
        ElementParameter.Positive("τ", "diffusion time constant L²/D", "s"),
    ];

    internal override bool UsesSqrtAngularFrequency => true;

    internal override void Evaluate(in FrequencyBlock block, ReadOnlySpan<double> parameters, Span<double> real, Span<double> imaginary, Span<double> derivativeReal, Span<double> derivativeImaginary)
    {
        double z0 = parameters[0];
        double tau = parameters[1];
        double scale = Math.Sqrt(tau / 2);
        int n = block.Length;
        bool derivatives = !derivativeReal.IsEmpty;
        for (int i = 0; i < n; i += Vector256<double>.Count)
        {
            Vector256<double> part = Load(block.SqrtAngularFrequency, i) * scale;
            var terms = HyperbolicTerms.Of(new ComplexVector(part, part));
            ComplexVector cothOverU = terms.CothOverArgument;
            (cothOverU * z0).Store(real, imaginary, i);
            if (derivatives)
            {
                StoreDerivative(cothOverU, derivativeReal, derivativeImaginary, 0, n, i);
                StoreDerivative(terms.ArgumentTimesDerivativeOfCothOverArgument * (z0 / (2 * tau)), derivativeReal, derivativeImaginary, 1, n, i);
            }
        }
    }
}
