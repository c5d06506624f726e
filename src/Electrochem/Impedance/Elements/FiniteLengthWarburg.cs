using System.Collections.Immutable;
using System.Runtime.Intrinsics;

namespace Electrochem.Impedance;

/// <summary>
/// Finite-length ("short", transmissive) Warburg element <c>Ws</c>: Z = Z₀·tanh(u)/u with u = √(jωτ), Z₀ in Ω (bounds
/// Z₀ ≥ 0) and τ = L²/D in s (τ &gt; 0). Limits: Z → Z₀ as ω → 0 (a resistor); Z → Z₀/√(jωτ), a Warburg line at −45°,
/// as ω → ∞. ∂Z/∂Z₀ = tanh(u)/u; ∂Z/∂τ = Z₀·(sech²u − tanh(u)/u)/(2τ), evaluated for |u| &lt; 0.05 by its series
/// Z₀·(jω/2)·(−2/3 + 8u²/15 − 34u⁴/105 + 496u⁶/2835 − 2764u⁸/31185) because the two terms cancel there.
/// tanh is built from e^{−2u}, so large ωτ cannot overflow. Parameter order as impedance.py: Z₀, τ.
/// </summary>
public sealed class FiniteLengthWarburg : CircuitElement
{
    private const double SeriesLimitSquared = 0.05 * 0.05;

    private FiniteLengthWarburg()
    {
    }

    /// <summary>The single instance.</summary>
    public static FiniteLengthWarburg Instance { get; } = new();

    /// <inheritdoc/>
    public override string Symbol => "Ws";

    /// <inheritdoc/>
    public override string Description => "finite-length (short, transmissive) Warburg element";

    /// <inheritdoc/>
    public override string Formula => "Z = Z₀·tanh√(jωτ)/√(jωτ)";

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
            var u = new ComplexVector(part, part);
            var terms = HyperbolicTerms.Of(u);
            Vector256<double> squaredModulus = u.SquaredModulus;
            ComplexVector tanhOverU = terms.Tanh / u;
            tanhOverU = ComplexVector.Select(Vector256.Equals(squaredModulus, Vector256<double>.Zero), ComplexVector.FromReal(Vector256<double>.One), tanhOverU);
            (tanhOverU * z0).Store(real, imaginary, i);
            if (derivatives)
            {
                StoreDerivative(tanhOverU, derivativeReal, derivativeImaginary, 0, n, i);
                Vector256<double> omega = Load(block.AngularFrequency, i);
                var s = new ComplexVector(Vector256<double>.Zero, omega * tau);
                ComplexVector series = SeriesNode(s);
                ComplexVector direct = (terms.SechSquared - tanhOverU) / s;
                ComplexVector ratio = ComplexVector.Select(Vector256.LessThan(squaredModulus, Vector256.Create(SeriesLimitSquared)), series, direct);
                StoreDerivative(new ComplexVector(Vector256<double>.Zero, omega * (z0 / 2)) * ratio, derivativeReal, derivativeImaginary, 1, n, i);
            }
        }
    }

    /// <summary>(sech²u − tanh(u)/u)/u² as a series in s = u² (coefficients 2k·c_k of tanh(u)/u = Σ c_k u^{2k}).</summary>
    private static ComplexVector SeriesNode(ComplexVector s)
    {
        ComplexVector sum = ComplexVector.Broadcast(-13820.0 / 155925, 0);
        sum = (sum * s) + Vector256.Create(496.0 / 2835);
        sum = (sum * s) + Vector256.Create(-102.0 / 315);
        sum = (sum * s) + Vector256.Create(8.0 / 15);
        return (sum * s) + Vector256.Create(-2.0 / 3);
    }
}
