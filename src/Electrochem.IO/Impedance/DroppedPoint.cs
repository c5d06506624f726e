namespace Electrochem.IO.Impedance;

/// <summary>A data row of an impedance file that is not in the spectrum, and why. Rows are never dropped silently.</summary>
/// <param name="LineNumber">The 1-based line of the row.</param>
/// <param name="Reason">Why the row is not an impedance point, in one sentence.</param>
public sealed record DroppedPoint(int LineNumber, string Reason);
