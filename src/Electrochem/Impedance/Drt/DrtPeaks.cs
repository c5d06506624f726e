using System.Collections.Immutable;
using System.Globalization;

namespace Electrochem.Impedance.Drt;

/// <summary>
/// Finds the peaks of a distribution of relaxation times and divides its area among them at the valleys: each peak's
/// position τ_peak (and f = 1/(2πτ_peak)), height γ_max and area ∫γ d ln τ between the minima of γ that separate it from
/// its neighbours, which for a resolved peak is the resistance of the process it shows.
/// </summary>
/// <remarks>
/// <para>
/// γ is sampled at 10 points per grid step in ln τ across the grid (and along its tails past the grid's ends). A peak is
/// a local maximum higher than <c>minimumRelativeHeight</c> × the highest one; its position and height are refined by
/// the parabola through the three samples around it. Lower maxima are not reported, because ridge regression makes
/// maxima that are not processes: side lobes either side of every sharp peak (Tikhonov's ringing; on exact ZARC data,
/// φ = 0.6 to 0.95, λ = 10⁻⁶ to 10⁻², penalty order 1 or 2, the largest reached 8 % of the peak, and 6 % for the
/// issue's reference ZARC at λ = 10⁻³) and bends of γ at the grid's ends, where no data constrain it. Hence the default
/// <see cref="DefaultMinimumRelativeHeight"/> = 0.1; lower it to look for small processes, and believe a small peak only
/// if it persists over λ. The area of unreported maxima goes to the neighbouring peak, so the peaks' areas sum to
/// <see cref="DrtResult.PolarizationResistance"/>; those above 1 % of the highest are named in a warning.
/// </para>
/// <para>
/// Between two neighbouring peaks the area is split at the lowest point of γ between them (refined by a parabola); the
/// first peak takes everything below, the last everything above. Splitting at a valley is exact only for peaks that do
/// not overlap. A peak's <see cref="DrtPeak.ValleyRatio"/> is the higher of its bounding valleys over the smaller of the
/// two heights; above <see cref="OverlapThreshold"/> (γ does not fall to half the smaller peak between them) its area is not a
/// resistance. For two Gaussian peaks of equal width a valley at half the smaller height misassigns nothing when they
/// are equal, 3 % of the smaller peak's area at an area ratio 1:3 and 6 % at 1:10; peaks shaped like a ZARC's, whose
/// tails fall only as exp(−φ|ln(τ/τ₀)|), misassign a few per cent even at deeper valleys (φ = 0.9, areas 1:2.5, valley
/// at a quarter of the smaller height: 4 %). Fit peak shapes (<see cref="DrtPeakFit.FitShapes"/>) when areas must be resistances.
/// </para>
/// <para>
/// A peak whose γ at the grid's end is more than <see cref="GridEndThreshold"/> of its height runs into the end: the
/// process lies partly beyond the measured frequencies, where γ is extrapolated by the regularisation alone (a ZARC at
/// τ₀ = 100 s measured down to 10 mHz gave a peak at 59 s holding 34 of its 50 Ω), so its area is not a resistance either.
/// </para>
/// <para>
/// Two processes closer than the DRT resolves make one maximum and are reported as one peak, whose area is their sum:
/// two ZARCs (φ = 0.8 or 0.9) half a decade apart merged at every λ from 10⁻⁵ to 10⁻³ with 10 points per decade.
/// Conversely the ringing can raise the shallow valley between two ZARCs 2.5 to 3 decades apart into a small third
/// peak above the threshold (in 12 to 40 % of random pairs at λ = 10⁻⁵ to 10⁻³; none at 3 decades or more with
/// λ ≤ 10⁻⁴); it is flagged as overlapping its neighbours, and it does not persist over λ.
/// </para>
/// </remarks>
public static class DrtPeaks
{
    /// <summary>
    /// A valley higher than this fraction of the smaller of the two peaks it separates (0.5) marks both as overlapping:
    /// γ does not fall to half the smaller peak between them, and splitting the area at the valley misassigns several per cent.
    /// </summary>
    public const double OverlapThreshold = 0.5;

    /// <summary>
    /// γ at a grid end higher than this fraction of the nearest peak (0.1) marks that peak as cut off by the grid: more
    /// than the regularisation's side lobes reach, so it is the peak's own tail, and the process lies partly beyond the
    /// measured frequencies (the grid extends a decade past them by default).
    /// </summary>
    public const double GridEndThreshold = 0.1;

    /// <summary>
    /// The default height threshold, 0.1 of the highest peak: above the side lobes ridge regression puts beside a sharp
    /// peak (up to 8 % of it on exact data).
    /// </summary>
    public const double DefaultMinimumRelativeHeight = 0.1;

    /// <summary>Maxima below this fraction of the highest are rounding noise in γ's zero regions and never count, whatever the threshold.</summary>
    private const double RoundingFloor = 1e-9;

    /// <summary>Unreported maxima at least this fraction of the highest are named in a warning (lower ones are ripples too small to matter).</summary>
    private const double MentionedFraction = 0.01;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Finds the peaks of a DRT and divides its area among them at the valleys.</summary>
    /// <param name="drt">A DRT from <see cref="DistributionOfRelaxationTimes.Compute"/>.</param>
    /// <param name="minimumRelativeHeight">
    /// Maxima lower than this fraction of the highest peak are taken as ripples or edge artefacts of the regularisation
    /// and not reported (their area goes to the neighbouring peak). From 0 (every maximum) to below 1. Default
    /// <see cref="DefaultMinimumRelativeHeight"/> (0.1).
    /// </param>
    /// <returns>The peaks in ascending τ, with warnings about overlap and grid ends.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="drt"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="minimumRelativeHeight"/> is not in [0, 1).</exception>
    /// <exception cref="ArgumentException">The DRT has fewer than two grid points.</exception>
    public static DrtPeaksResult Find(DrtResult drt, double minimumRelativeHeight = DefaultMinimumRelativeHeight)
    {
        ArgumentNullException.ThrowIfNull(drt);
        CheckMinimumRelativeHeight(minimumRelativeHeight);
        CheckGrid(drt);
        return FindOnSamples(drt, DrtFineGrid.Sample(drt), minimumRelativeHeight);
    }

    /// <summary>Checks the height threshold.</summary>
    /// <param name="minimumRelativeHeight">The threshold.</param>
    /// <exception cref="ArgumentOutOfRangeException">Not in [0, 1).</exception>
    internal static void CheckMinimumRelativeHeight(double minimumRelativeHeight)
    {
        if (!(minimumRelativeHeight >= 0 && minimumRelativeHeight < 1))
        {
            throw new ArgumentOutOfRangeException(
                nameof(minimumRelativeHeight),
                minimumRelativeHeight,
                "The minimum relative height must be a fraction of the highest peak from 0 to below 1 (0.1, the default, ignores maxima lower than 10 % of the highest: ripples and edge artefacts of the regularisation).");
        }
    }

    /// <summary>Checks a DRT has a grid to sample.</summary>
    /// <param name="drt">The DRT.</param>
    /// <exception cref="ArgumentException">Fewer than two grid points.</exception>
    internal static void CheckGrid(DrtResult drt)
    {
        if (drt.Tau.IsDefault || drt.Tau.Length < 2)
        {
            throw new ArgumentException("The DRT has fewer than two τ grid points; compute it with DistributionOfRelaxationTimes.Compute.", nameof(drt));
        }
    }

    /// <summary>Finds the peaks on sampled γ.</summary>
    /// <param name="drt">The DRT (for γ at the refined peaks, its grid ends and its area).</param>
    /// <param name="grid">γ sampled by <see cref="DrtFineGrid.Sample"/>.</param>
    /// <param name="minimumRelativeHeight">The height threshold.</param>
    /// <returns>The peaks.</returns>
    internal static DrtPeaksResult FindOnSamples(DrtResult drt, DrtFineGrid grid, double minimumRelativeHeight)
    {
        double polarizationResistance = drt.PolarizationResistance;
        double[] g = grid.Gamma;
        var maxima = new List<int>();
        double highest = 0;
        for (int i = 1; i < g.Length - 1; i++)
        {
            if (g[i] > g[i - 1] && g[i] >= g[i + 1])
            {
                maxima.Add(i);
                highest = Math.Max(highest, g[i]);
            }
        }

        var warnings = ImmutableArray.CreateBuilder<string>();
        if (!(highest > 0))
        {
            warnings.Add(g.Max() > 0
                ? $"γ has no maximum inside the τ grid: it rises towards the grid's {(g[grid.First] > g[grid.Last] ? "short" : "long")}-τ end, so the process lies beyond the measured frequencies (a diffusion or capacitive tail, or a process faster or slower than the data reach); no peak is reported."
                : "γ is zero everywhere: the DRT holds no polarisation to divide into peaks.");
            return new DrtPeaksResult([], polarizationResistance, minimumRelativeHeight, warnings.ToImmutable());
        }

        double threshold = Math.Max(minimumRelativeHeight, RoundingFloor) * highest;
        int[] kept = [.. maxima.Where(i => g[i] > threshold)];
        int count = kept.Length;

        // Each peak: the parabola's vertex through the samples around the maximum, and γ there.
        double[] positions = new double[count];
        double[] heights = new double[count];
        for (int k = 0; k < count; k++)
        {
            positions[k] = grid.Vertex(kept[k]).LnTau;
            heights[k] = drt.Gamma(Math.Exp(positions[k]));
        }

        // The valleys between neighbouring peaks: the lowest sample between them, refined by a parabola. The outermost
        // bounds are the ends of the samples, so the first and last peak take γ's tails beyond the grid.
        double[] valleyLnTau = new double[count + 1];
        double[] valleyRatio = new double[count + 1];
        valleyLnTau[0] = grid.LnTau[0];
        valleyLnTau[count] = grid.LnTau[^1];
        for (int k = 1; k < count; k++)
        {
            int lowest = kept[k - 1];
            for (int i = kept[k - 1]; i <= kept[k]; i++)
            {
                if (g[i] < g[lowest])
                {
                    lowest = i;
                }
            }

            (valleyLnTau[k], double value) = grid.Vertex(lowest);
            valleyRatio[k] = Math.Max(0, value) / Math.Min(heights[k - 1], heights[k]);
        }

        double shortEnd = count > 0 ? drt.Gamma(drt.Tau[0]) / heights[0] : 0;
        double longEnd = count > 0 ? drt.Gamma(drt.Tau[^1]) / heights[count - 1] : 0;
        var peaks = ImmutableArray.CreateBuilder<DrtPeak>(count);
        for (int k = 0; k < count; k++)
        {
            double ratio = Math.Max(valleyRatio[k], valleyRatio[k + 1]);
            double end = Math.Max(k == 0 ? shortEnd : 0, k == count - 1 ? longEnd : 0);
            double area = grid.Area(valleyLnTau[k], valleyLnTau[k + 1]);
            peaks.Add(new DrtPeak(
                Math.Exp(positions[k]),
                heights[k],
                area,
                k == 0 ? drt.Tau[0] : Math.Exp(valleyLnTau[k]),
                k == count - 1 ? drt.Tau[^1] : Math.Exp(valleyLnTau[k + 1]),
                polarizationResistance > 0 ? area / polarizationResistance : 0,
                ratio,
                end,
                ratio <= OverlapThreshold && end <= GridEndThreshold));
        }

        for (int k = 1; k < count; k++)
        {
            if (valleyRatio[k] > OverlapThreshold)
            {
                warnings.Add(
                    $"The peaks at τ = {Text(peaks[k - 1].Tau)} s (f = {Text(peaks[k - 1].Frequency)} Hz) and τ = {Text(peaks[k].Tau)} s (f = {Text(peaks[k].Frequency)} Hz) overlap: "
                    + $"the valley between them is {Percent(valleyRatio[k])} of the smaller peak's height (more than {Percent(OverlapThreshold)}), so each peak's tail runs into the other's side "
                    + "and their areas split at the valley are not the two processes' resistances. Fit peak shapes to the DRT (DrtPeakFit.FitShapes) or an equivalent circuit to the spectrum to separate them.");
            }
        }

        if (shortEnd > GridEndThreshold)
        {
            warnings.Add(EndWarning(peaks[0], shortEnd, "short", "higher"));
        }

        if (longEnd > GridEndThreshold)
        {
            warnings.Add(EndWarning(peaks[count - 1], longEnd, "long", "lower"));
        }

        int[] ignored = [.. maxima.Where(i => g[i] <= threshold && g[i] >= MentionedFraction * highest)];
        if (ignored.Length > 0)
        {
            string list = string.Join(", ", ignored.Select(i => $"τ = {Text(Math.Exp(grid.LnTau[i]))} s ({Percent(g[i] / highest)})"));
            warnings.Add(
                $"Maxima lower than {Percent(minimumRelativeHeight)} of the highest peak were not reported as peaks: {list}. "
                + "Beside a sharp peak they are usually side lobes of the regularisation (on exact data they reach 8 % of the peak, in pairs either side of it); their area is counted in the neighbouring peak's. "
                + "Lower minimumRelativeHeight to see them as peaks, and believe one only if it persists over λ.");
        }

        return new DrtPeaksResult(peaks.MoveToImmutable(), polarizationResistance, minimumRelativeHeight, warnings.ToImmutable());
    }

    private static string EndWarning(DrtPeak peak, double ratio, string end, string frequencies) =>
        $"The peak at τ = {Text(peak.Tau)} s (f = {Text(peak.Frequency)} Hz) runs into the {end}-τ end of the grid (γ there is {Percent(ratio)} of the peak's height, more than {Percent(GridEndThreshold)}): "
        + $"the process lies partly beyond the measured frequencies, where γ is extrapolated by the regularisation alone, so its position and area are not the process's. Measure to {frequencies} frequencies.";

    private static string Text(double value) => UncertaintyText.Significant(value, 3);

    /// <summary>A fraction as a percentage for a person: <c>1 %</c>, <c>0.5 %</c>, <c>78 %</c>.</summary>
    internal static string Percent(double fraction) => (100 * fraction).ToString(fraction < 0.1 ? "0.#" : "0", Invariant) + " %";
}
