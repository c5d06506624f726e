using System.Collections.Immutable;
using Electrochem.Fitting;

namespace Electrochem.Cycling;

/// <summary>One law's place in a <see cref="FadeModelRanking"/>.</summary>
/// <param name="Kind">The law.</param>
/// <param name="Fit">Its fit.</param>
/// <param name="DeltaAicc">AICc − the best AICc (0 for the best; NaN when the fit did not converge).</param>
/// <param name="AkaikeWeight">exp(−Δ/2) / Σ exp(−Δ/2) over the converged fits: the relative support for the law (0 when it did not converge).</param>
public sealed record RankedFade(FadeModelKind Kind, FitResult<CapacityFade> Fit, double DeltaAicc, double AkaikeWeight);

/// <summary>
/// Every fade law fitted to the same data and ranked by AICc (small-sample Akaike criterion), with Akaike weights.
/// Only converged fits are ranked; laws with more parameters than the data support are left out (listed in <see cref="Skipped"/>).
/// </summary>
/// <param name="Ranked">Converged fits, best first, then the others.</param>
/// <param name="Skipped">Laws not fitted, with the reason (too few cycles).</param>
public sealed record FadeModelRanking(ImmutableArray<RankedFade> Ranked, ImmutableArray<(FadeModelKind Kind, string Reason)> Skipped)
{
    /// <summary>The best-supported law.</summary>
    /// <exception cref="InvalidOperationException">No law converged.</exception>
    public RankedFade Best => Ranked.Length > 0 && Ranked[0].Fit.Converged ? Ranked[0] : throw new InvalidOperationException("No fade law converged on these data; see each fit's status.");

    /// <summary>Fits every law to one cell's capacities and ranks them.</summary>
    /// <param name="cycles">Cycle numbers ≥ 0.</param>
    /// <param name="capacity">Capacities (any unit).</param>
    /// <param name="capacityStandardUncertainty">Standard uncertainties, or empty.</param>
    /// <param name="options">Solver options; null for defaults.</param>
    /// <param name="cancellationToken">Stops the fits.</param>
    /// <returns>The ranking.</returns>
    /// <exception cref="ArgumentException">The data are invalid for every law (see <see cref="CapacityFade.Fit"/>).</exception>
    public static FadeModelRanking Rank(ReadOnlySpan<double> cycles, ReadOnlySpan<double> capacity, ReadOnlySpan<double> capacityStandardUncertainty = default, NonlinearFitOptions? options = null, CancellationToken cancellationToken = default)
    {
        var fits = new List<FitResult<CapacityFade>>();
        var skipped = ImmutableArray.CreateBuilder<(FadeModelKind, string)>();
        foreach (FadeModelKind kind in Enum.GetValues<FadeModelKind>())
        {
            int needed = CapacityFade.ParameterNames(kind).Length + 2;
            if (cycles.Length < needed)
            {
                skipped.Add((kind, $"needs at least {needed} cycles, has {cycles.Length}"));
                continue;
            }

            fits.Add(CapacityFade.Fit(kind, cycles, capacity, capacityStandardUncertainty, options, cancellationToken));
        }

        if (fits.Count == 0)
        {
            throw new ArgumentException($"{cycles.Length} cycles are too few for any fade law; expected at least 4.", nameof(cycles));
        }

        FitResult<CapacityFade>[] converged = [.. fits.Where(f => f.Converged && double.IsFinite(f.Statistics.Aicc))];
        double best = converged.Length > 0 ? converged.Min(f => f.Statistics.Aicc) : double.NaN;
        double total = converged.Sum(f => Math.Exp(-(f.Statistics.Aicc - best) / 2));
        RankedFade[] ranked =
        [
            .. converged.OrderBy(f => f.Statistics.Aicc).Select(f => new RankedFade(f.Model.Kind, f, f.Statistics.Aicc - best, Math.Exp(-(f.Statistics.Aicc - best) / 2) / total)),
            .. fits.Except(converged).Select(f => new RankedFade(f.Model.Kind, f, double.NaN, 0)),
        ];
        return new FadeModelRanking([.. ranked], skipped.ToImmutable());
    }

    /// <summary>Ranks the laws for many cells at once (in parallel); each result is what <see cref="Rank"/> gives for that cell alone.</summary>
    /// <param name="cells">Each cell's cycles and capacities.</param>
    /// <param name="options">Solver options; null for defaults.</param>
    /// <param name="cancellationToken">Stops the batch.</param>
    /// <returns>One ranking per cell, in order.</returns>
    public static ImmutableArray<FadeModelRanking> RankMany(IReadOnlyList<(double[] Cycles, double[] Capacity)> cells, NonlinearFitOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cells);
        var results = new FadeModelRanking[cells.Count];
        Parallel.For(0, cells.Count, new ParallelOptions { CancellationToken = cancellationToken }, i =>
            results[i] = Rank(cells[i].Cycles, cells[i].Capacity, default, options, cancellationToken));
        return [.. results];
    }
}
