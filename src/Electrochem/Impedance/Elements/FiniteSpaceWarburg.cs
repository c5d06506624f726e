using System.Collections.Immutable;
using System.Runtime.CompilerServices;
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
        if (!derivatives)
        {
            for (int i = 0; i < n; i += Vector256<double>.Count)
            {
                (CothOverArgument(Load(block.SqrtAngularFrequency, i) * scale) * z0).Store(real, imaginary, i);
            }

            return;
        }

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

    /// <summary>
    /// coth(u)/u for u = x(1 + j), x = √(ωτ/2) &gt; 0, with ρ = e^{−2x} and m = 1 − ρ = −expm1(−2x):
    /// coth u = (sinh 2x − j sin 2x)/(cosh 2x − cos 2x) = (m(1 + ρ) − 2jρ sin 2x)/(m² + 4ρ sin²x), and 1/(1 + j) = (1 − j)/2,
    /// so coth(u)/u = ((N′ − N″) − j(N′ + N″))/(2x·D) with N′ = m(1 + ρ), N″ = 2ρ sin 2x, D = m² + 4ρ sin²x (no
    /// cancellation in D). One exponential, one sin/cos and one division; for x &gt; 20 in every lane ρ vanishes and
    /// coth(u)/u = (1 − j)/(2x); where |u|² &lt; 0.05² the general Laurent-series path of <see cref="HyperbolicTerms"/> is used.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ComplexVector CothOverArgument(Vector256<double> x)
    {
        if (Vector256.GreaterThanAll(x, Vector256.Create(20.0)))
        {
            Vector256<double> half = Vector256.Create(0.5) / x;
            return new ComplexVector(half, -half);
        }

        if (!Vector256.GreaterThanOrEqualAll(2 * x * x, Vector256.Create(0.05 * 0.05)))
        {
            return SmallArgumentCothOverArgument(x);
        }

        Vector256<double> a = x * -2.0;
        Vector256<double> rho = Vector256.Exp(a);
        Vector256<double> m = -HyperbolicTerms.ExpM1(a, rho);
        (Vector256<double> sin, Vector256<double> cos) = BoundedMath.SinCos(x);
        Vector256<double> twoRho = rho + rho;
        Vector256<double> numeratorReal = m * (rho + Vector256<double>.One);
        Vector256<double> numeratorImaginary = twoRho * (2.0 * sin * cos);
        Vector256<double> denominator = (m * m) + (2.0 * twoRho * sin * sin);
        Vector256<double> inverse = Vector256.Create(0.5) / (x * denominator);
        return new ComplexVector((numeratorReal - numeratorImaginary) * inverse, -(numeratorReal + numeratorImaginary) * inverse);
    }

    /// <summary>The rare vectors with some |u| &lt; 0.05: the general path, kept out of line so the hot loop stays small.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static ComplexVector SmallArgumentCothOverArgument(Vector256<double> x) => HyperbolicTerms.Of(new ComplexVector(x, x)).CothOverArgument;
}
