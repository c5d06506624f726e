using System.Numerics;

namespace Electrochem.Impedance;

/// <summary>The impedance Z in Ω of a user-defined element (<see cref="CustomElement"/>) at one angular frequency.</summary>
/// <param name="angularFrequency">ω = 2πf in rad s⁻¹, &gt; 0.</param>
/// <param name="parameters">The element's parameters, in the order of its definition.</param>
/// <returns>Z(ω; θ) in Ω.</returns>
public delegate Complex ElementImpedance(double angularFrequency, ReadOnlySpan<double> parameters);
