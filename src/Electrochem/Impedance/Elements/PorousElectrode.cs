using System.Collections.Immutable;
using System.Runtime.Intrinsics;

namespace Electrochem.Impedance;

/// <summary>
/// Macrohomogeneous porous electrode <c>T</c> (Paasch, Micka and Gersdorf, Electrochim. Acta 38 (1993) 2653), in
/// impedance.py's parametrisation: Z = A·coth(β)/β + B/(β·sinh β) with β = √(a + jωb), where A = d(ρ₁² + ρ₂²)/(ρ₁ + ρ₂)
/// and B = 2dρ₁ρ₂/(ρ₁ + ρ₂) carry the unit of Z (Ω, or Ω m² for area-specific impedance; impedance.py labels them
/// Ohm-m^2), a = kd²/K is dimensionless and b = d²/K is in s; all ≥ 0 by default.
/// ∂Z/∂A = coth(β)/β; ∂Z/∂B = csch(β)/β; with dZ/dβ = A·(−csch²β − coth(β)/β)/β − B·(csch(β)/β)·(1/β + coth β):
/// ∂Z/∂a = (dZ/dβ)/(2β), ∂Z/∂b = (dZ/dβ)·jω/(2β). Built from e^{−β} and e^{−2β}: no overflow at large ω (impedance.py
/// clips sinh instead). Parameter order as impedance.py: A, B, a, b.
/// </summary>
public sealed class PorousElectrode : CircuitElement
{
    private PorousElectrode()
    {
    }

    /// <summary>The single instance.</summary>
    public static PorousElectrode Instance { get; } = new();

    /// <inheritdoc/>
    public override string Symbol => "T";

    /// <inheritdoc/>
    public override string Description => "macrohomogeneous porous electrode (Paasch)";

    /// <inheritdoc/>
    public override string Formula => "Z = A·coth(β)/β + B/(β·sinh β), β = √(a + jωb)";

    /// <inheritdoc/>
    public override ImmutableArray<ElementParameter> Parameters { get; } =
    [
        ElementParameter.NonNegative("A", "d(ρ₁² + ρ₂²)/(ρ₁ + ρ₂)", "Ω"),
        ElementParameter.NonNegative("B", "2dρ₁ρ₂/(ρ₁ + ρ₂)", "Ω"),
        ElementParameter.NonNegative("a", "kd²/K", string.Empty),
        ElementParameter.NonNegative("b", "d²/K", "s"),
    ];

    internal override void Evaluate(in FrequencyBlock block, ReadOnlySpan<double> parameters, Span<double> real, Span<double> imaginary, Span<double> derivativeReal, Span<double> derivativeImaginary)
    {
        double a = parameters[0];
        double b = parameters[1];
        double smallA = parameters[2];
        double smallB = parameters[3];
        int n = block.Length;
        bool derivatives = !derivativeReal.IsEmpty;
        for (int i = 0; i < n; i += Vector256<double>.Count)
        {
            Vector256<double> omega = Load(block.AngularFrequency, i);
            ComplexVector beta = new ComplexVector(Vector256.Create(smallA), omega * smallB).Sqrt();
            var terms = HyperbolicTerms.Of(beta, needExpMinusArgument: true);
            beta = terms.Argument;
            ComplexVector cothOverBeta = terms.CothOverArgument;
            ComplexVector cschOverBeta = terms.CschOverArgument;
            ((cothOverBeta * a) + (cschOverBeta * b)).Store(real, imaginary, i);
            if (derivatives)
            {
                ComplexVector inverseBeta = beta.Reciprocal();
                ComplexVector dZdBeta = (terms.ArgumentTimesDerivativeOfCothOverArgument * inverseBeta * a) - (cschOverBeta * (inverseBeta + terms.Coth) * b);
                ComplexVector halfOverBeta = dZdBeta * inverseBeta * 0.5;
                StoreDerivative(cothOverBeta, derivativeReal, derivativeImaginary, 0, n, i);
                StoreDerivative(cschOverBeta, derivativeReal, derivativeImaginary, 1, n, i);
                StoreDerivative(halfOverBeta, derivativeReal, derivativeImaginary, 2, n, i);
                StoreDerivative(halfOverBeta * new ComplexVector(Vector256<double>.Zero, omega), derivativeReal, derivativeImaginary, 3, n, i);
            }
        }
    }
}
