using Electrochem.Impedance;
using Electrochem.Impedance.Drt;

namespace Electrochem.Cli.Impedance;

/// <summary>What <c>eis drt</c> computes for one spectrum: the DRT, its peaks and, when asked, a fit of peak shapes.</summary>
/// <param name="Drt">The distribution of relaxation times.</param>
/// <param name="Peaks">Its peaks with their areas (maxima above 10 % of the highest).</param>
/// <param name="PeakFit">Gaussian or ZARC peak shapes fitted to γ, or null when not asked for.</param>
internal sealed record DrtAnalysis(DrtResult Drt, DrtPeaksResult Peaks, DrtPeakFitResult? PeakFit)
{
    /// <summary>Computes the DRT, finds its peaks and fits the peak shapes when a shape is given.</summary>
    internal static DrtAnalysis Run(ImpedanceSpectrum spectrum, DrtOptions options, DrtPeakShape? shape, CancellationToken cancellationToken)
    {
        DrtResult drt = DistributionOfRelaxationTimes.Compute(spectrum, options, cancellationToken);
        DrtPeaksResult peaks = DrtPeaks.Find(drt);
        DrtPeakFitResult? fit = shape is { } s && peaks.Peaks.Length > 0 ? DrtPeakFit.FitShapes(drt, s, cancellationToken: cancellationToken) : null;
        return new DrtAnalysis(drt, peaks, fit);
    }
}
