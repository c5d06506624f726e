using System.Collections.Immutable;
using System.Runtime.Intrinsics;

namespace Electrochem.Impedance;

/// <summary>
/// Semi-infinite Warburg element <c>W</c> (impedance.py's definition): Z = σ_W·(1 − j)/√ω, with the Warburg coefficient
/// σ_W in Ω s^−½ (bounds σ_W ≥ 0). ∂Z/∂σ_W = (1 − j)/√ω. The phase is −45° at every frequency.
/// </summary>
public sealed class SemiInfiniteWarburg : CircuitElement
{
    private SemiInfiniteWarburg()
    {
    }

    /// <summary>The single instance.</summary>
    public static SemiInfiniteWarburg Instance { get; } = new();

    /// <inheritdoc/>
    public override string Symbol => "W";

    /// <inheritdoc/>
    public override string Description => "semi-infinite Warburg element";

    /// <inheritdoc/>
    public override string Formula => "Z = σ·(1 − j)/√ω";

    /// <inheritdoc/>
    public override ImmutableArray<ElementParameter> Parameters { get; } = [ElementParameter.NonNegative("σ", "Warburg coefficient", "Ω s^-1/2")];

    internal override bool UsesSqrtAngularFrequency => true;

    internal override void Evaluate(in FrequencyBlock block, ReadOnlySpan<double> parameters, Span<double> real, Span<double> imaginary, Span<double> derivativeReal, Span<double> derivativeImaginary)
    {
        double sigma = parameters[0];
        int n = block.Length;
        bool derivatives = !derivativeReal.IsEmpty;
        for (int i = 0; i < n; i += Vector256<double>.Count)
        {
            Vector256<double> inverseSqrt = Vector256<double>.One / Load(block.SqrtAngularFrequency, i);
            Vector256<double> part = inverseSqrt * sigma;
            new ComplexVector(part, -part).Store(real, imaginary, i);
            if (derivatives)
            {
                StoreDerivative(new ComplexVector(inverseSqrt, -inverseSqrt), derivativeReal, derivativeImaginary, 0, n, i);
            }
        }
    }
}
