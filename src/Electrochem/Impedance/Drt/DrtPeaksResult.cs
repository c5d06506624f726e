using System.Collections.Immutable;

namespace Electrochem.Impedance.Drt;

/// <summary>The peaks of a distribution of relaxation times, as <see cref="DrtPeaks.Find"/> found them, and what to beware of.</summary>
/// <param name="Peaks">The peaks in ascending τ (empty when γ has no maximum inside the grid).</param>
/// <param name="PolarizationResistance">The DRT's whole area ∫γ d ln τ, in Ω; the peaks' areas sum to it.</param>
/// <param name="MinimumRelativeHeight">The height threshold used, as a fraction of the highest peak.</param>
/// <param name="Warnings">Overlapping peaks, peaks cut off by a grid end, and a DRT without peaks, each in words.</param>
public sealed record DrtPeaksResult(
    ImmutableArray<DrtPeak> Peaks,
    double PolarizationResistance,
    double MinimumRelativeHeight,
    ImmutableArray<string> Warnings)
{
    /// <summary>True when every peak's area can be read as a process's resistance (no overlap, none cut off by a grid end).</summary>
    public bool AllAreasAreResistances => Peaks.All(peak => peak.AreaIsResistance);
}
