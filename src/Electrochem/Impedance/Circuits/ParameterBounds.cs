namespace Electrochem.Impedance;

/// <summary>
/// A closed box [<paramref name="Lower"/>, <paramref name="Upper"/>] for one circuit parameter in a fit, replacing the
/// element's physical default (see docs/impedance.md). Units are the parameter's. Either end may be infinite.
/// </summary>
/// <param name="Lower">Lowest allowed value, in the parameter's unit.</param>
/// <param name="Upper">Highest allowed value, in the parameter's unit; greater than <paramref name="Lower"/>.</param>
public sealed record ParameterBounds(double Lower, double Upper);
