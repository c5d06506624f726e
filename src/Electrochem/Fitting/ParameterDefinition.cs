namespace Electrochem.Fitting;

/// <summary>
/// One adjustable parameter of a model: its name (unique within the model, used to hold it fixed and to look up
/// its estimate), its unit as text, and its box bounds. Infinite bounds mean unbounded on that side.
/// </summary>
/// <param name="Name">Name, e.g. <c>"ActivationEnergy"</c> or <c>"R0"</c>.</param>
/// <param name="Unit">Unit of the value, e.g. <c>"eV"</c>, <c>"K"</c>, <c>"Ω"</c>; empty for dimensionless.</param>
/// <param name="LowerBound">Smallest allowed value (may be <see cref="double.NegativeInfinity"/>).</param>
/// <param name="UpperBound">Largest allowed value (may be <see cref="double.PositiveInfinity"/>).</param>
public sealed record ParameterDefinition(
    string Name,
    string Unit,
    double LowerBound = double.NegativeInfinity,
    double UpperBound = double.PositiveInfinity)
{
    /// <summary>Checks the name is not blank and the bounds are ordered and not NaN.</summary>
    /// <exception cref="ArgumentException">The name is blank, a bound is NaN, or the lower bound exceeds the upper.</exception>
    internal void Validate()
    {
        if (string.IsNullOrWhiteSpace(Name))
        {
            throw new ArgumentException("A parameter name must not be blank.", nameof(Name));
        }

        if (double.IsNaN(LowerBound) || double.IsNaN(UpperBound) || LowerBound > UpperBound)
        {
            throw new ArgumentException(
                $"Parameter '{Name}' has bounds [{Preconditions.Format(LowerBound)}, {Preconditions.Format(UpperBound)}]; the lower bound must not exceed the upper and neither may be NaN.",
                nameof(LowerBound));
        }
    }
}
