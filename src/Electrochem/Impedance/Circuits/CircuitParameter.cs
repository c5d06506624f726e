using Electrochem.Fitting;

namespace Electrochem.Impedance;

/// <summary>
/// One parameter of a circuit: its impedance.py-style name (<c>R0</c>, <c>CPE1_0</c>), the element it belongs to, its
/// position among that element's parameters, and (from the element type) its symbol, unit and default bounds.
/// </summary>
/// <param name="Name">The parameter's name in the circuit.</param>
/// <param name="ElementName">The name of the element it belongs to, e.g. <c>CPE1</c>.</param>
/// <param name="Element">The element type.</param>
/// <param name="ElementParameterIndex">Its index among the element's parameters.</param>
public sealed record CircuitParameter(string Name, string ElementName, CircuitElement Element, int ElementParameterIndex)
{
    /// <summary>The element type's description of this parameter (symbol, unit, default bounds).</summary>
    public ElementParameter Definition => Element.Parameters[ElementParameterIndex];

    /// <summary>The unit, e.g. <c>"Ω"</c>; empty for dimensionless.</summary>
    public string Unit => Definition.Unit;

    /// <summary>The default lower bound for fitting.</summary>
    public double LowerBound => Definition.LowerBound;

    /// <summary>The default upper bound for fitting.</summary>
    public double UpperBound => Definition.UpperBound;

    /// <summary>The parameter as the fitting engine describes it: name, unit and default bounds.</summary>
    /// <returns>A <see cref="ParameterDefinition"/>.</returns>
    public ParameterDefinition ToParameterDefinition() => new(Name, Unit, LowerBound, UpperBound);
}
