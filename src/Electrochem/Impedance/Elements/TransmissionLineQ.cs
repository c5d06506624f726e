using System.Collections.Immutable;
using System.Runtime.Intrinsics;

namespace Electrochem.Impedance;

/// <summary>
/// Simplified transmission line with a CPE surface <c>TLMQ</c> (Landesfeind et al., J. Electrochem. Soc. 163 (2016)
/// A1373, eq. 11): Z = √(R_ion·Z_S)·coth√(R_ion/Z_S) with the surface impedance Z_S = 1/(Q_S·(jω)^γ); equivalently
/// Z = R_ion·coth(u)/u with u = √(R_ion·Q_S·(jω)^γ) = √(R_ion·Q_S)·ω^{γ/2}·e^{jγπ/4}. R_ion in Ω (≥ 0), Q_S in
/// F s^{γ−1} (≥ 0), γ dimensionless (0 &lt; γ ≤ 1). With q·h′ = −csch²u − coth(u)/u: ∂Z/∂R_ion = coth(u)/u + q·h′/2;
/// ∂Z/∂Q_S = R_ion·q·h′/(2Q_S); ∂Z/∂γ = R_ion·q·h′·(ln ω + jπ/2)/2. Limits: Z → 1/(Q_S(jω)^γ) + R_ion/3 as ω → 0;
/// Z → √(R_ion/(Q_S(jω)^γ)) as ω → ∞. Parameter order as impedance.py: R_ion, Q_S, γ.
/// </summary>
public sealed class TransmissionLineQ : CircuitElement
{
    private TransmissionLineQ()
    {
    }

    /// <summary>The single instance.</summary>
    public static TransmissionLineQ Instance { get; } = new();

    /// <inheritdoc/>
    public override string Symbol => "TLMQ";

    /// <inheritdoc/>
    public override string Description => "transmission line with a CPE surface (Landesfeind)";

    /// <inheritdoc/>
    public override string Formula => "Z = √(R_ion·Z_S)·coth√(R_ion/Z_S), Z_S = 1/(Q_S·(jω)^γ)";

    /// <inheritdoc/>
    public override ImmutableArray<ElementParameter> Parameters { get; } =
    [
        ElementParameter.NonNegative("R_ion", "ionic resistance of the pore electrolyte", "Ω"),
        ElementParameter.NonNegative("Q_S", "surface CPE coefficient", "F s^(γ-1)"),
        ElementParameter.Exponent("γ", "surface CPE exponent"),
    ];

    internal override bool UsesLogAngularFrequency => true;

    internal override void Evaluate(in FrequencyBlock block, ReadOnlySpan<double> parameters, Span<double> real, Span<double> imaginary, Span<double> derivativeReal, Span<double> derivativeImaginary)
    {
        double resistance = parameters[0];
        double q = parameters[1];
        double gamma = parameters[2];
        double scale = Math.Sqrt(resistance * q);
        (double sin, double cos) = Math.SinCos(gamma * Math.PI / 4);
        int n = block.Length;
        bool derivatives = !derivativeReal.IsEmpty;
        for (int i = 0; i < n; i += Vector256<double>.Count)
        {
            Vector256<double> logOmega = Load(block.LogAngularFrequency, i);
            Vector256<double> modulus = Vector256.Exp(logOmega * (gamma / 2)) * scale;
            var terms = HyperbolicTerms.Of(new ComplexVector(modulus * cos, modulus * sin));
            ComplexVector h = terms.CothOverArgument;
            (h * resistance).Store(real, imaginary, i);
            if (derivatives)
            {
                ComplexVector qh = terms.ArgumentTimesDerivativeOfCothOverArgument;
                StoreDerivative(h + (qh * 0.5), derivativeReal, derivativeImaginary, 0, n, i);
                StoreDerivative(qh * (resistance / (2 * q)), derivativeReal, derivativeImaginary, 1, n, i);
                StoreDerivative(qh * new ComplexVector(logOmega, Vector256.Create(Math.PI / 2)) * (resistance / 2), derivativeReal, derivativeImaginary, 2, n, i);
            }
        }
    }
}
