using System.Collections.Immutable;
using System.Runtime.Intrinsics;

namespace Electrochem.Impedance;

/// <summary>
/// Gerischer element <c>G</c> (impedance.py's form): Z = R_G/√(1 + jωτ_G), with R_G in Ω (bounds R_G ≥ 0) and τ_G in s
/// (τ_G &gt; 0); the other common form Z₀/√(k + jω) has Z₀ = R_G/√τ_G and k = 1/τ_G. Limits: Z → R_G as ω → 0,
/// Z → R_G/√(jωτ_G) as ω → ∞. ∂Z/∂R_G = 1/√(1 + jωτ_G); ∂Z/∂τ_G = −Z·jω/(2(1 + jωτ_G)), with jω/(1 + jωτ_G) evaluated as 1/(τ_G − j/ω). Parameter order: R_G, τ_G.
/// </summary>
public sealed class Gerischer : CircuitElement
{
    private Gerischer()
    {
    }

    /// <summary>The single instance.</summary>
    public static Gerischer Instance { get; } = new();

    /// <inheritdoc/>
    public override string Symbol => "G";

    /// <inheritdoc/>
    public override string Description => "Gerischer element";

    /// <inheritdoc/>
    public override string Formula => "Z = R/√(1 + jωτ)";

    /// <inheritdoc/>
    public override ImmutableArray<ElementParameter> Parameters { get; } =
    [
        ElementParameter.NonNegative("R_G", "Gerischer resistance", "Ω"),
        ElementParameter.Positive("τ_G", "Gerischer time constant", "s"),
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
            var squared = new ComplexVector(Vector256<double>.One, omega * tau);
            ComplexVector inverseRoot = squared.Sqrt().Reciprocal();
            ComplexVector z = inverseRoot * resistance;
            z.Store(real, imaginary, i);
            if (derivatives)
            {
                StoreDerivative(inverseRoot, derivativeReal, derivativeImaginary, 0, n, i);
                ComplexVector jOmegaOverSquared = new ComplexVector(Vector256.Create(tau), -(Vector256<double>.One / omega)).Reciprocal();
                StoreDerivative(z * jOmegaOverSquared * -0.5, derivativeReal, derivativeImaginary, 1, n, i);
            }
        }
    }
}
