using System.Numerics;

namespace Electrochem.Impedance;

/// <summary>The derivatives ∂Z/∂θⱼ of a user-defined element (<see cref="CustomElement"/>) at one angular frequency.</summary>
/// <param name="angularFrequency">ω = 2πf in rad s⁻¹, &gt; 0.</param>
/// <param name="parameters">The element's parameters, in the order of its definition.</param>
/// <param name="gradient">Receives ∂Z/∂θⱼ (Ω per unit of θⱼ), one per parameter.</param>
public delegate void ElementImpedanceGradient(double angularFrequency, ReadOnlySpan<double> parameters, Span<System.Numerics.Complex> gradient);
