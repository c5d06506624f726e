using System.Collections.Immutable;
using System.Runtime.Intrinsics;

namespace Electrochem.Impedance;

/// <summary>
/// Capacitor <c>C</c>: Z = 1/(jωC) = −j/(ωC), with C in F (default bounds C ≥ 0). ∂Z/∂C = −Z/C = j/(ωC²).
/// Z → ∞ as ω → 0 and → 0 as ω → ∞.
/// </summary>
public sealed class Capacitor : CircuitElement
{
    private Capacitor()
    {
    }

    /// <summary>The single instance.</summary>
    public static Capacitor Instance { get; } = new();

    /// <inheritdoc/>
    public override string Symbol => "C";

    /// <inheritdoc/>
    public override string Description => "capacitor";

    /// <inheritdoc/>
    public override string Formula => "Z = 1/(jωC)";

    /// <inheritdoc/>
    public override ImmutableArray<ElementParameter> Parameters { get; } = [ElementParameter.NonNegative("C", "capacitance", "F")];

    internal override void Evaluate(in FrequencyBlock block, ReadOnlySpan<double> parameters, Span<double> real, Span<double> imaginary, Span<double> derivativeReal, Span<double> derivativeImaginary)
    {
        double c = parameters[0];
        int n = block.Length;
        bool derivatives = !derivativeReal.IsEmpty;
        for (int i = 0; i < n; i += Vector256<double>.Count)
        {
            Vector256<double> inverseOmega = Vector256<double>.One / Load(block.AngularFrequency, i);
            Vector256<double> zImaginary = -inverseOmega / c;
            var z = new ComplexVector(Vector256<double>.Zero, zImaginary);
            z.Store(real, imaginary, i);
            if (derivatives)
            {
                StoreDerivative(new ComplexVector(Vector256<double>.Zero, inverseOmega / (c * c)), derivativeReal, derivativeImaginary, 0, n, i);
            }
        }
    }
}
