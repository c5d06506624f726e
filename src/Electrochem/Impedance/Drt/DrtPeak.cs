namespace Electrochem.Impedance.Drt;

/// <summary>
/// One peak of a distribution of relaxation times, found by <see cref="DrtPeaks.Find"/>: where it is, how high, and the
/// area ∫γ d ln τ between the valleys that bound it.
/// </summary>
/// <remarks>
/// The area of an isolated peak is the resistance of the process it shows. When the valley to a neighbour is higher than
/// <see cref="DrtPeaks.OverlapThreshold"/> of the smaller of the two peaks, each peak's tail runs far past the valley
/// into the other's share, splitting at the valley misassigns it, and <see cref="AreaIsResistance"/> is false: fit peak
/// shapes instead (<see cref="DrtPeakFit.FitShapes"/>). So it is for a peak that runs into an end of the grid.
/// </remarks>
/// <param name="Tau">τ_peak, in s: the maximum of γ, refined by a parabola through the three samples around it (samples 1/10 of a grid step apart in ln τ).</param>
/// <param name="Height">γ_max = γ(τ_peak), in Ω (per unit ln τ).</param>
/// <param name="Area">∫γ d ln τ from <paramref name="LowerBoundTau"/> to <paramref name="UpperBoundTau"/>, in Ω (the first and last peak include γ's tails beyond the grid's ends).</param>
/// <param name="LowerBoundTau">τ of the valley below the peak, or the grid's first τ, in s.</param>
/// <param name="UpperBoundTau">τ of the valley above the peak, or the grid's last τ, in s.</param>
/// <param name="PolarizationShare">The area over the DRT's polarisation resistance ∫γ d ln τ (0 to 1).</param>
/// <param name="ValleyRatio">
/// How far the peak merges with its neighbours: the higher of the valleys between it and the neighbouring peaks, each
/// divided by the smaller height of the two peaks it separates (0 without neighbours).
/// </param>
/// <param name="GridEndRatio">
/// For the first and last peak, γ at the grid's end on that side over the peak's height (0 for the others): large when
/// the peak runs into the end of the grid, i.e. the process lies partly beyond the measured frequencies.
/// </param>
/// <param name="AreaIsResistance">
/// True when <paramref name="ValleyRatio"/> ≤ <see cref="DrtPeaks.OverlapThreshold"/> and <paramref name="GridEndRatio"/>
/// ≤ <see cref="DrtPeaks.GridEndThreshold"/>: the peak is resolved within the grid, so its area can be read as the
/// resistance of one process. False for overlapping peaks and for a peak cut off by a grid end.
/// </param>
public sealed record DrtPeak(
    double Tau,
    double Height,
    double Area,
    double LowerBoundTau,
    double UpperBoundTau,
    double PolarizationShare,
    double ValleyRatio,
    double GridEndRatio,
    bool AreaIsResistance)
{
    /// <summary>The frequency of the peak, f = 1/(2πτ_peak), in Hz: where the process's arc has its apex.</summary>
    public double Frequency => 1 / (2 * Math.PI * Tau);
}
