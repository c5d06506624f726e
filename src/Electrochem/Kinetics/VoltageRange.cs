namespace Electrochem.Kinetics;

/// <summary>A range of voltage magnitudes |V| in V, both ends included, e.g. a Tafel region given by hand.</summary>
/// <param name="MinimumMagnitude">Smallest |V| in V, ≥ 0.</param>
/// <param name="MaximumMagnitude">Largest |V| in V, &gt; <paramref name="MinimumMagnitude"/>.</param>
public sealed record VoltageRange(double MinimumMagnitude, double MaximumMagnitude)
{
    internal void Validate(string name)
    {
        if (!(MinimumMagnitude >= 0) || !(MaximumMagnitude > MinimumMagnitude) || !double.IsFinite(MaximumMagnitude))
        {
            throw new ArgumentException(
                $"{name} is [{Preconditions.Format(MinimumMagnitude)}, {Preconditions.Format(MaximumMagnitude)}] V; it must be a finite range of magnitudes with 0 ≤ minimum < maximum.",
                name);
        }
    }

    internal bool Contains(double magnitude) => magnitude >= MinimumMagnitude && magnitude <= MaximumMagnitude;
}
