namespace Electrochem.Cycling;

/// <summary>The first half-cycle that met a short criterion: when, after how much charge, and by which criteria.</summary>
/// <param name="HalfCycle">The half-cycle's index.</param>
/// <param name="Hours">Hours from the record's start to the half-cycle's start.</param>
/// <param name="CumulativeCapacityAmpereHours">Capacity passed before it (A·h).</param>
/// <param name="CumulativeArealCapacity">The same per area (A·h/m²; ×0.1 for mAh/cm²) when an area was given.</param>
/// <param name="Criteria">The signatures it showed.</param>
public sealed record ShortCircuit(int HalfCycle, double Hours, double CumulativeCapacityAmpereHours, double? CumulativeArealCapacity, ShortCriteria Criteria);
