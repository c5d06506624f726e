using System.Collections.Immutable;

namespace Electrochem.Impedance;

/// <summary>
/// Resistor <c>R</c>: Z = R, with R in Ω (default bounds R ≥ 0). ∂Z/∂R = 1.
/// </summary>
public sealed class Resistor : CircuitElement
{
    private Resistor()
    {
    }

    /// <summary>The single instance.</summary>
    public static Resistor Instance { get; } = new();

    /// <inheritdoc/>
    public override string Symbol => "R";

    /// <inheritdoc/>
    public override string Description => "resistor";

    /// <inheritdoc/>
    public override string Formula => "Z = R";

    /// <inheritdoc/>
    public override ImmutableArray<ElementParameter> Parameters { get; } = [ElementParameter.NonNegative("R", "resistance", "Ω")];

    internal override void Evaluate(in FrequencyBlock block, ReadOnlySpan<double> parameters, Span<double> real, Span<double> imaginary, Span<double> derivativeReal, Span<double> derivativeImaginary)
    {
        int n = block.Length;
        real[..n].Fill(parameters[0]);
        imaginary[..n].Clear();
        if (!derivativeReal.IsEmpty)
        {
            derivativeReal[..n].Fill(1);
            derivativeImaginary[..n].Clear();
        }
    }
}
