using System.Collections.Immutable;
using System.Globalization;
using Electrochem.Fitting;

namespace Electrochem.Impedance.Drt;

/// <summary>
/// Separates the processes of a DRT by fitting it with a sum of N peak shapes, γ(τ) ≈ Σₖ γₖ(τ; Rₖ, τₖ, wₖ), each
/// normalised so that ∫γₖ d ln τ = Rₖ: the resistances of overlapping peaks, which splitting the area at the valleys
/// (<see cref="DrtPeaks.Find"/>) cannot give.
/// </summary>
/// <remarks>
/// <para>
/// The fit minimises Σᵢ (γ(τᵢ) − Σₖ γₖ(τᵢ))² over γ sampled 10 points per grid step across the grid, by the shared
/// Levenberg–Marquardt engine (<see cref="NonlinearLeastSquares"/>) with the analytic Jacobian. N and the starting values
/// come from <see cref="DrtPeaks.Find"/>: Rₖ from each peak's area, τₖ from its position, and the width that gives a
/// shape of that area and height. Asked for more peaks than were found, it adds them one at a time, trying a new peak
/// where γ exceeds the fit most (a shoulder) and each fitted peak split in two (processes merged into one maximum), and
/// keeps the start that fits best; asked for fewer, it keeps the peaks of largest area.
/// </para>
/// <para>
/// Bounds: Rₖ ≥ 0; τₖ within the grid; σₖ from a tenth of a grid step to the grid's span; φₖ from 0.05 to 0.99.
/// </para>
/// <para>
/// The standard errors and confidence intervals are the fit's, with γ's samples treated as data: they measure how well the
/// shapes describe the computed γ curve, whose samples are not independent measurements, and not the noise of the
/// impedance data. The spread of the result over λ (and the DRT's credible band) shows that.
/// </para>
/// <para>
/// A fit inherits the DRT's regularisation: the peaks of a ridge DRT are broader and lower than the truth, with side
/// lobes. On the exact data of one ZARC (R = 50 Ω, τ₀ = 0.1 s, φ = 0.8) the ZARC fit gave R = 50.45, 50.84, 51.44 and
/// 52.30 Ω and φ = 0.795, 0.791, 0.783 and 0.770 at λ = 10⁻⁶, 10⁻⁵, 10⁻⁴ and 10⁻³. Gaussians miss a ZARC's long
/// tails: on the same DRTs one Gaussian held 8 to 12 % less than the area, while on a DRT that is a Gaussian it held
/// the area to 0.5 %. pyDRTtools' ZARC peak integrates to πR, not R (see <see cref="DrtPeakShape.Zarc"/>).
/// </para>
/// </remarks>
public static class DrtPeakFit
{
    /// <summary>The most peaks one fit takes.</summary>
    public const int MaximumPeaks = 10;

    private const double MinimumPhi = 0.05;
    private const double MaximumPhi = 0.99;

    /// <summary>Totals further apart than this fraction of the DRT's area get a warning.</summary>
    private const double TotalMismatch = 0.02;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Fits a sum of peak shapes to a DRT.</summary>
    /// <param name="drt">A DRT from <see cref="DistributionOfRelaxationTimes.Compute"/>.</param>
    /// <param name="shape">The shape of each peak.</param>
    /// <param name="peakCount">How many peaks to fit (1 to <see cref="MaximumPeaks"/>), or null for as many as <see cref="DrtPeaks.Find"/> finds.</param>
    /// <param name="minimumRelativeHeight">Passed to <see cref="DrtPeaks.Find"/> for the peaks that start the fit. Default <see cref="DrtPeaks.DefaultMinimumRelativeHeight"/> (0.1).</param>
    /// <param name="options">Options of the least-squares fit (confidence level, iterations); null for the defaults.</param>
    /// <param name="cancellationToken">Checked once per iteration.</param>
    /// <returns>Each peak's resistance, position and width with the fit's standard errors and intervals, the total, and the fit's goodness and status.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="drt"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The shape is not defined, <paramref name="peakCount"/> is not 1 to <see cref="MaximumPeaks"/>, or <paramref name="minimumRelativeHeight"/> is not in [0, 1).</exception>
    /// <exception cref="ArgumentException">The DRT has no peak to start from.</exception>
    public static DrtPeakFitResult FitShapes(
        DrtResult drt,
        DrtPeakShape shape,
        int? peakCount = null,
        double minimumRelativeHeight = DrtPeaks.DefaultMinimumRelativeHeight,
        NonlinearFitOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(drt);
        if (!Enum.IsDefined(shape))
        {
            throw new ArgumentOutOfRangeException(nameof(shape), shape, $"The peak shape must be one of {string.Join(", ", Enum.GetNames<DrtPeakShape>())}.");
        }

        if (peakCount is { } requested && (requested < 1 || requested > MaximumPeaks))
        {
            throw new ArgumentOutOfRangeException(nameof(peakCount), peakCount, $"The number of peaks must be 1 to {MaximumPeaks}, or null to fit as many as the DRT shows.");
        }

        DrtPeaks.CheckMinimumRelativeHeight(minimumRelativeHeight);
        DrtPeaks.CheckGrid(drt);
        DrtFineGrid grid = DrtFineGrid.Sample(drt);
        DrtPeaksResult found = DrtPeaks.FindOnSamples(drt, grid, minimumRelativeHeight);
        if (found.Peaks.IsEmpty)
        {
            throw new ArgumentException(
                $"The DRT has no peak to fit: {(found.Warnings.IsEmpty ? "γ has no maximum inside the grid." : found.Warnings[0])}",
                nameof(drt));
        }

        int count = grid.Last - grid.First + 1;
        double[] x = grid.LnTau.AsSpan(grid.First, count).ToArray();
        double[] y = grid.Gamma.AsSpan(grid.First, count).ToArray();
        var warnings = ImmutableArray.CreateBuilder<string>();
        int target = peakCount ?? found.Peaks.Length;
        List<DrtPeak> starts = [.. found.Peaks];
        if (target < starts.Count)
        {
            warnings.Add($"The DRT shows {starts.Count} peaks; only the {target} of largest area were fitted, so the others' area is in no fitted peak (or is taken up by a neighbour's tail).");
            starts = [.. starts.OrderByDescending(peak => peak.Area).Take(target).OrderBy(peak => peak.Tau)];
        }

        List<double> theta = [];
        foreach (DrtPeak peak in starts)
        {
            theta.AddRange(Start(shape, peak.Area, Math.Log(peak.Tau), peak.Height, grid, x));
        }

        FitResult fit = Run(shape, x, y, theta, grid, options, cancellationToken);
        int added = 0;
        while (fit.Parameters.Length / 3 < target)
        {
            // One more peak: at the largest shortfall of the fit (a shoulder), or by splitting one of the fitted peaks in
            // two (peaks merged into one maximum); the start that fits best wins.
            double[] current = [.. fit.Parameters.Select(p => p.Value)];
            FitResult? best = null;
            foreach (List<double> candidate in Candidates(shape, current, x, y, fit, grid))
            {
                FitResult trial = Run(shape, x, y, candidate, grid, options, cancellationToken);
                if (best is null || Better(trial, best))
                {
                    best = trial;
                }
            }

            fit = best!;
            added++;
        }

        if (added > 0)
        {
            warnings.Add(
                $"{target} peaks were asked for and {found.Peaks.Length} found above {DrtPeaks.Percent(minimumRelativeHeight)} of the highest; {added} more were started by splitting a fitted peak in two or where γ exceeds the fit most (a shoulder), whichever fitted better. "
                + "Peaks merged into one maximum are not determined by γ's shape alone: check the split against an equivalent-circuit fit, and that each peak persists over λ.");
        }

        return Result(shape, fit, drt.PolarizationResistance, warnings);
    }

    private static FitResult Run(DrtPeakShape shape, double[] x, double[] y, List<double> theta, DrtFineGrid grid, NonlinearFitOptions? options, CancellationToken cancellationToken)
    {
        int peaks = theta.Count / 3;
        string widthName = shape == DrtPeakShape.Gaussian ? "sigma" : "phi";
        var definitions = ImmutableArray.CreateBuilder<ParameterDefinition>(3 * peaks);
        for (int k = 1; k <= peaks; k++)
        {
            string number = k.ToString(Invariant);
            definitions.Add(new ParameterDefinition("R" + number, "Ω", 0, double.PositiveInfinity));
            definitions.Add(new ParameterDefinition("lnTau" + number, "ln(s)", x[0], x[^1]));
            definitions.Add(shape == DrtPeakShape.Gaussian
                ? new ParameterDefinition(widthName + number, string.Empty, grid.Step, x[^1] - x[0])
                : new ParameterDefinition(widthName + number, string.Empty, MinimumPhi, MaximumPhi));
        }

        int n = x.Length;
        var model = new NonlinearModel(
            definitions.MoveToImmutable(),
            (parameters, values) =>
            {
                values.Clear();
                for (int k = 0; k < peaks; k++)
                {
                    double r = parameters[3 * k];
                    double mu = parameters[(3 * k) + 1];
                    double w = parameters[(3 * k) + 2];
                    for (int i = 0; i < n; i++)
                    {
                        values[i] += DrtPeakFunctions.Value(shape, r, mu, w, x[i]);
                    }
                }
            },
            (parameters, jacobian) =>
            {
                for (int k = 0; k < peaks; k++)
                {
                    double r = parameters[3 * k];
                    double mu = parameters[(3 * k) + 1];
                    double w = parameters[(3 * k) + 2];
                    Span<double> columnR = jacobian.Slice(3 * k * n, n);
                    Span<double> columnMu = jacobian.Slice(((3 * k) + 1) * n, n);
                    Span<double> columnW = jacobian.Slice(((3 * k) + 2) * n, n);
                    for (int i = 0; i < n; i++)
                    {
                        DrtPeakFunctions.Evaluate(shape, r, mu, w, x[i], out columnR[i], out columnMu[i], out columnW[i]);
                    }
                }
            });
        return NonlinearLeastSquares.Fit(model, y, [.. theta], default, options, cancellationToken);
    }

    /// <summary>Starting values (R, ln τ, w) of a peak of the given area, position and height, inside the bounds.</summary>
    private static double[] Start(DrtPeakShape shape, double area, double lnTau, double height, DrtFineGrid grid, double[] x)
    {
        double w = DrtPeakFunctions.WidthFor(shape, area, height);
        w = shape == DrtPeakShape.Gaussian ? Math.Clamp(w, 2 * grid.Step, 0.5 * (x[^1] - x[0])) : Math.Clamp(w, MinimumPhi + 0.01, MaximumPhi - 0.01);
        return [Math.Max(area, 0), Math.Clamp(lnTau, x[0], x[^1]), w];
    }

    /// <summary>Starts with one more peak: the current peaks plus one at the shoulder, and each peak split in two; each ordered by ln τ.</summary>
    private static IEnumerable<List<double>> Candidates(DrtPeakShape shape, double[] current, double[] x, double[] y, FitResult fit, DrtFineGrid grid)
    {
        int peaks = current.Length / 3;
        yield return Sorted([.. current, .. Shoulder(shape, x, y, fit, grid)]);
        for (int k = 0; k < peaks; k++)
        {
            double r = current[3 * k];
            double mu = current[(3 * k) + 1];
            double w = current[(3 * k) + 2];
            double halfWidth = shape == DrtPeakShape.Gaussian ? 1.1774 * w : Math.Acosh(2 - Math.Cos((1 - w) * Math.PI)) / w;
            double narrower = shape == DrtPeakShape.Gaussian ? Math.Max(0.6 * w, 2 * grid.Step) : Math.Min(1 - (0.6 * (1 - w)), MaximumPhi - 0.01);
            List<double> split = [];
            for (int j = 0; j < peaks; j++)
            {
                if (j == k)
                {
                    split.AddRange([0.5 * r, Math.Clamp(mu - (0.5 * halfWidth), x[0], x[^1]), narrower]);
                    split.AddRange([0.5 * r, Math.Clamp(mu + (0.5 * halfWidth), x[0], x[^1]), narrower]);
                }
                else
                {
                    split.AddRange(current.AsSpan(3 * j, 3));
                }
            }

            yield return Sorted(split);
        }
    }

    /// <summary>A converged fit beats one that did not converge; otherwise the lower χ² wins.</summary>
    private static bool Better(FitResult trial, FitResult best) =>
        trial.Converged != best.Converged ? trial.Converged : trial.Statistics.ChiSquare < best.Statistics.ChiSquare;

    /// <summary>A new peak where γ exceeds the current fit most: its height that excess, its width the excess's half-maximum width.</summary>
    private static double[] Shoulder(DrtPeakShape shape, double[] x, double[] y, FitResult fit, DrtFineGrid grid)
    {
        int n = x.Length;
        int best = 0;
        for (int i = 0; i < n; i++)
        {
            if (fit.Residuals[i] > fit.Residuals[best])
            {
                best = i;
            }
        }

        double height = fit.Residuals[best];
        if (!(height > 0))
        {
            // The fit nowhere falls short of γ: start a small peak at the largest misfit.
            best = Enumerable.Range(0, n).MaxBy(i => Math.Abs(fit.Residuals[i]));
            height = Math.Max(Math.Abs(fit.Residuals[best]), 1e-3 * y.Max());
        }

        int left = best;
        int right = best;
        while (left > 0 && fit.Residuals[left - 1] > 0.5 * height)
        {
            left--;
        }

        while (right < n - 1 && fit.Residuals[right + 1] > 0.5 * height)
        {
            right++;
        }

        double sigma = Math.Max((right - left + 1) * grid.Step / 2.355, 2 * grid.Step);
        double area = height * sigma * Math.Sqrt(2 * Math.PI);
        return Start(shape, area, x[best], height, grid, x);
    }

    /// <summary>Parameter triples ordered by ln τ.</summary>
    private static List<double> Sorted(List<double> theta) =>
        [.. Enumerable.Range(0, theta.Count / 3).OrderBy(k => theta[(3 * k) + 1]).SelectMany(k => new[] { theta[3 * k], theta[(3 * k) + 1], theta[(3 * k) + 2] })];

    private static DrtPeakFitResult Result(DrtPeakShape shape, FitResult fit, double polarizationResistance, ImmutableArray<string>.Builder warnings)
    {
        int peaks = fit.Parameters.Length / 3;
        var fitted = new List<DrtFittedPeak>(peaks);
        for (int k = 0; k < peaks; k++)
        {
            ParameterEstimate lnTau = fit.Parameters[(3 * k) + 1];
            string number = (k + 1).ToString(Invariant);
            fitted.Add(new DrtFittedPeak(shape, fit.Parameters[3 * k], lnTau.Exponentiated("tau" + number, "s"), fit.Parameters[(3 * k) + 2]));
        }

        double total = 0;
        double variance = 0;
        for (int i = 0; i < peaks; i++)
        {
            total += fit.Parameters[3 * i].Value;
            for (int j = 0; j < peaks; j++)
            {
                variance += fit.Covariance[3 * i, 3 * j];
            }
        }

        double se = Math.Sqrt(Math.Max(variance, 0));
        double halfWidth = fit.CriticalValue(fit.ConfidenceLevel) * se;
        var totalResistance = new ParameterEstimate("R_total", "Ω", total, se, total - halfWidth, total + halfWidth, false, BoundState.Interior);
        if (!fit.Converged)
        {
            warnings.Add($"The peak fit did not converge ({fit.Status}): {fit.StatusReason}. Its values and standard errors are not to be trusted; try another number of peaks or the other shape.");
        }

        if (polarizationResistance > 0 && Math.Abs(total - polarizationResistance) > TotalMismatch * polarizationResistance)
        {
            double difference = (total - polarizationResistance) / polarizationResistance;
            warnings.Add(
                $"The fitted peaks hold {UncertaintyText.Significant(total, 4)} Ω, {DrtPeaks.Percent(Math.Abs(difference))} {(difference < 0 ? "less" : "more")} than the DRT's area ({UncertaintyText.Significant(polarizationResistance, 4)} Ω): "
                + (shape == DrtPeakShape.Gaussian
                    ? "Gaussian tails fall faster than the DRT's (a ZARC's fall only as exp(−φ|ln(τ/τ₀)|)), so part of the area is in no peak; the ZARC shape may describe it better."
                    : "the shapes do not describe all of γ (a process without a peak of its own, or a tail at a grid end); try another number of peaks."));
        }

        return new DrtPeakFitResult(shape, [.. fitted.OrderBy(peak => peak.Tau.Value)], totalResistance, polarizationResistance, fit, warnings.ToImmutable());
    }
}
