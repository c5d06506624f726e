namespace Electrochem.Voltammetry;

/// <summary>A cyclic-voltammetry peak: where it is, how high it stands above the baseline extrapolated under it.</summary>
/// <param name="Index">The point of the record at the peak.</param>
/// <param name="PotentialVolts">E_p (V).</param>
/// <param name="CurrentAmperes">The current at the peak (A; &gt; 0 anodic, &lt; 0 cathodic).</param>
/// <param name="BaselineAmperes">The baseline line's current at E_p (A).</param>
/// <param name="HeightAmperes">i_p = current − baseline (A), signed like the current.</param>
public sealed record VoltammetricPeak(int Index, double PotentialVolts, double CurrentAmperes, double BaselineAmperes, double HeightAmperes);
