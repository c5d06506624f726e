namespace Electrochem.Voltammetry;

/// <summary>The onset potential one criterion gives, or why it gives none.</summary>
/// <param name="Criterion">The criterion in words, with its threshold (e.g. "|j| ≥ 10 µA/cm²").</param>
/// <param name="PotentialVolts">The onset (V), interpolated between samples; null when the criterion is not met or was skipped.</param>
/// <param name="Note">Why there is no onset, or how it was found.</param>
public sealed record StabilityOnset(string Criterion, double? PotentialVolts, string Note);
