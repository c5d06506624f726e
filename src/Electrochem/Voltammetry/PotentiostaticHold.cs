namespace Electrochem.Voltammetry;

/// <summary>One potentiostatic hold of a float test, with the leakage current at its end.</summary>
/// <param name="Index">0-based hold.</param>
/// <param name="PotentialVolts">The mean potential over the hold (V).</param>
/// <param name="StartTime">Its first sample's time (s).</param>
/// <param name="DurationSeconds">Its length (s).</param>
/// <param name="LeakageAmperes">The mean current over the hold's last <see cref="FloatTest"/> tail fraction (A).</param>
/// <param name="LeakageStandardDeviation">The current's standard deviation over that tail (A).</param>
/// <param name="LeakageDensity">The leakage per area (A/m²; ×100 for µA/cm²) when an area was given.</param>
/// <param name="TailSlopeAmperesPerSecond">dI/dt over the tail (A/s): far from 0, the current had not settled.</param>
/// <param name="Charge">∫I dt over the whole hold (C).</param>
public sealed record PotentiostaticHold(int Index, double PotentialVolts, double StartTime, double DurationSeconds, double LeakageAmperes, double LeakageStandardDeviation, double? LeakageDensity, double TailSlopeAmperesPerSecond, double Charge);
