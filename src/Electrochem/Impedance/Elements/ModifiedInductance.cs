using System.Collections.Immutable;
using System.Runtime.Intrinsics;

namespace Electrochem.Impedance;

/// <summary>
/// Modified inductance <c>La</c> (BioLogic EC-Lab application note 42): Z = L·(jω)^α = L·ω^α·e^{jαπ/2}, with L in
/// Ω s^α (= H s^{α−1}; bounds L ≥ 0) and α dimensionless (0 &lt; α ≤ 1; α = 1 is an inductor).
/// ∂Z/∂L = (jω)^α; ∂Z/∂α = Z·(ln ω + jπ/2). Parameter order as impedance.py: L, α.
/// impedance.py documents this formula but evaluates (L·jω)^α = L^α·(jω)^α, which agrees only at α = 1 (or L = 1);
/// an L fitted with impedance.py corresponds to L^α here (and its unit is not H s^{α−1}).
/// </summary>
public sealed class ModifiedInductance : CircuitElement
{
    private ModifiedInductance()
    {
    }

    /// <summary>The single instance.</summary>
    public static ModifiedInductance Instance { get; } = new();

    /// <inheritdoc/>
    public override string Symbol => "La";

    /// <inheritdoc/>
    public override string Description => "modified inductance";

    /// <inheritdoc/>
    public override string Formula => "Z = L·(jω)^α";

    /// <inheritdoc/>
    public override ImmutableArray<ElementParameter> Parameters { get; } =
    [
        ElementParameter.NonNegative("L", "modified inductance", "Ω s^α"),
        ElementParameter.Exponent("α", "exponent"),
    ];

    internal override bool UsesLogAngularFrequency => true;

    internal override void Evaluate(in FrequencyBlock block, ReadOnlySpan<double> parameters, Span<double> real, Span<double> imaginary, Span<double> derivativeReal, Span<double> derivativeImaginary)
    {
        double inductance = parameters[0];
        double alpha = parameters[1];
        (double sin, double cos) = Math.SinCos(alpha * Math.PI / 2);
        int n = block.Length;
        bool derivatives = !derivativeReal.IsEmpty;
        for (int i = 0; i < n; i += Vector256<double>.Count)
        {
            Vector256<double> logOmega = Load(block.LogAngularFrequency, i);
            Vector256<double> modulus = Vector256.Exp(logOmega * alpha);
            var power = new ComplexVector(modulus * cos, modulus * sin);
            ComplexVector z = power * inductance;
            z.Store(real, imaginary, i);
            if (derivatives)
            {
                StoreDerivative(power, derivativeReal, derivativeImaginary, 0, n, i);
                StoreDerivative(z * new ComplexVector(logOmega, Vector256.Create(Math.PI / 2)), derivativeReal, derivativeImaginary, 1, n, i);
            }
        }
    }
}
