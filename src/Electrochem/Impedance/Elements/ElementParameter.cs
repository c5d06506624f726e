namespace Electrochem.Impedance;

/// <summary>
/// One parameter of a circuit element type: its symbol in the element's formula, what it is, its unit, and the default
/// (physical) bounds a fit uses unless told otherwise. Bounds are closed; a strictly positive quantity has the smallest
/// positive double (<see cref="double.Epsilon"/>) as its lower bound.
/// </summary>
/// <param name="Symbol">Symbol in the formula, e.g. <c>"Q"</c> or <c>"α"</c>.</param>
/// <param name="Description">What the parameter is, e.g. <c>"CPE coefficient"</c>.</param>
/// <param name="Unit">Unit, e.g. <c>"Ω"</c>, <c>"s"</c>, <c>"S s^α"</c>; empty for dimensionless.</param>
/// <param name="LowerBound">Default lower bound.</param>
/// <param name="UpperBound">Default upper bound (<see cref="double.PositiveInfinity"/> when unbounded).</param>
public sealed record ElementParameter(string Symbol, string Description, string Unit, double LowerBound, double UpperBound)
{
    /// <summary>Default bounds of a quantity that may be zero or positive: [0, ∞).</summary>
    internal static ElementParameter NonNegative(string symbol, string description, string unit) =>
        new(symbol, description, unit, 0, double.PositiveInfinity);

    /// <summary>Default bounds of a strictly positive quantity: [ε_min, ∞) with ε_min = 4.9·10⁻³²⁴.</summary>
    internal static ElementParameter Positive(string symbol, string description, string unit) =>
        new(symbol, description, unit, double.Epsilon, double.PositiveInfinity);

    /// <summary>Default bounds of an exponent 0 &lt; α ≤ 1: [ε_min, 1].</summary>
    internal static ElementParameter Exponent(string symbol, string description) =>
        new(symbol, description, string.Empty, double.Epsilon, 1);
}
