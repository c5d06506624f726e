namespace Electrochem.Cycling;

/// <summary>One current level of a critical-current-density test: consecutive half-cycles at the same |I|.</summary>
/// <param name="Index">0-based step.</param>
/// <param name="CurrentAmperes">The step's |I| (A).</param>
/// <param name="CurrentDensity">|I|/area (A/m²; ×0.1 for mA/cm²) when an area was given.</param>
/// <param name="FirstHalfCycle">Its first half-cycle's index.</param>
/// <param name="HalfCycles">How many half-cycles it holds.</param>
/// <param name="ArealCapacity">Capacity per half-cycle per area (A·h/m²; ×0.1 for mAh/cm²) when an area was given.</param>
/// <param name="MeanPlateauVolts">The mean plateau overpotential of its half-cycles (V).</param>
/// <param name="Failed">True when a half-cycle in it met a short criterion.</param>
public sealed record CurrentDensityStep(int Index, double CurrentAmperes, double? CurrentDensity, int FirstHalfCycle, int HalfCycles, double? ArealCapacity, double MeanPlateauVolts, bool Failed);
