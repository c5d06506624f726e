using System.Collections.Immutable;
using System.Runtime.Intrinsics;

namespace Electrochem.Impedance;

/// <summary>
/// ZARC element <c>Zarc</c> (an R–CPE parallel written with R and a time constant; Cole–Cole): Z = R/(1 + (jωτ)^α),
/// with R in Ω (≥ 0), τ in s (&gt; 0) and α dimensionless (0 &lt; α ≤ 1; α = 1 is the Voigt element K).
/// With x = (jωτ)^α = (ωτ)^α·e^{jαπ/2}: ∂Z/∂R = 1/(1 + x); ∂Z/∂τ = −R·x·α/(τ(1 + x)²);
/// ∂Z/∂α = −R·x·(ln(ωτ) + jπ/2)/(1 + x)². Parameter order as impedance.py: R, τ, α.
/// </summary>
public sealed class Zarc : CircuitElement
{
    private Zarc()
    {
    }

    /// <summary>The single instance.</summary>
    public static Zarc Instance { get; } = new();

    /// <inheritdoc/>
    public override string Symbol => "Zarc";

    /// <inheritdoc/>
    public override string Description => "ZARC (R parallel to a CPE, by time constant)";

    /// <inheritdoc/>
    public override string Formula => "Z = R/(1 + (jωτ)^α)";

    /// <inheritdoc/>
    public override ImmutableArray<ElementParameter> Parameters { get; } =
    [
        ElementParameter.NonNegative("R", "resistance", "Ω"),
        ElementParameter.Positive("τ", "time constant", "s"),
        ElementParameter.Exponent("α", "dispersion exponent"),
    ];

    internal override bool UsesLogAngularFrequency => true;

    internal override void Evaluate(in FrequencyBlock block, ReadOnlySpan<double> parameters, Span<double> real, Span<double> imaginary, Span<double> derivativeReal, Span<double> derivativeImaginary)
    {
        double resistance = parameters[0];
        double tau = parameters[1];
        double alpha = parameters[2];
        double logTau = Math.Log(tau);
        (double sin, double cos) = Math.SinCos(alpha * Math.PI / 2);
        int n = block.Length;
        bool derivatives = !derivativeReal.IsEmpty;
        for (int i = 0; i < n; i += Vector256<double>.Count)
        {
            Vector256<double> logOmegaTau = Load(block.LogAngularFrequency, i) + Vector256.Create(logTau);
            Vector256<double> modulus = Vector256.Exp(logOmegaTau * alpha);
            var x = new ComplexVector(modulus * cos, modulus * sin);
            ComplexVector inverse = (x + Vector256<double>.One).Reciprocal();
            (inverse * resistance).Store(real, imaginary, i);
            if (derivatives)
            {
                ComplexVector common = x * inverse * inverse * -resistance;
                StoreDerivative(inverse, derivativeReal, derivativeImaginary, 0, n, i);
                StoreDerivative(common * (alpha / tau), derivativeReal, derivativeImaginary, 1, n, i);
                StoreDerivative(common * new ComplexVector(logOmegaTau, Vector256.Create(Math.PI / 2)), derivativeReal, derivativeImaginary, 2, n, i);
            }
        }
    }
}
