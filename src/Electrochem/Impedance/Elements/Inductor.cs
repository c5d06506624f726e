using System.Collections.Immutable;
using System.Runtime.Intrinsics;

namespace Electrochem.Impedance;

/// <summary>
/// Inductor <c>L</c>: Z = jωL, with L in H (default bounds L ≥ 0). ∂Z/∂L = jω.
/// </summary>
public sealed class Inductor : CircuitElement
{
    private Inductor()
    {
    }

    /// <summary>The single instance.</summary>
    public static Inductor Instance { get; } = new();

    /// <inheritdoc/>
    public override string Symbol => "L";

    /// <inheritdoc/>
    public override string Description => "inductor";

    /// <inheritdoc/>
    public override string Formula => "Z = jωL";

    /// <inheritdoc/>
    public override ImmutableArray<ElementParameter> Parameters { get; } = [ElementParameter.NonNegative("L", "inductance", "H")];

    internal override void Evaluate(in FrequencyBlock block, ReadOnlySpan<double> parameters, Span<double> real, Span<double> imaginary, Span<double> derivativeReal, Span<double> derivativeImaginary)
    {
        double inductance = parameters[0];
        int n = block.Length;
        bool derivatives = !derivativeReal.IsEmpty;
        for (int i = 0; i < n; i += Vector256<double>.Count)
        {
            Vector256<double> omega = Load(block.AngularFrequency, i);
            new ComplexVector(Vector256<double>.Zero, omega * inductance).Store(real, imaginary, i);
            if (derivatives)
            {
                StoreDerivative(new ComplexVector(Vector256<double>.Zero, omega), derivativeReal, derivativeImaginary, 0, n, i);
            }
        }
    }
}
