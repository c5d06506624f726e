using System.Collections.Immutable;

namespace Electrochem.Fitting;

/// <summary>
/// Fits many datasets in parallel — one spectrum per cycle, one conductivity series per sample — with results in the
/// order of the input and identical to fitting each alone (every fit in Electrochem is deterministic and shares no
/// state). A dataset whose input a fit rejects (an <see cref="ArgumentException"/>) becomes an error outcome at its
/// index instead of stopping the batch; any other exception, and cancellation, stop it.
/// </summary>
public static class BatchFit
{
    /// <summary>Applies <paramref name="fit"/> to every dataset on up to <paramref name="maxDegreeOfParallelism"/> threads.</summary>
    /// <typeparam name="TDataset">The dataset type.</typeparam>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <param name="datasets">The datasets.</param>
    /// <param name="fit">The fit of one dataset; it receives the batch's cancellation token.</param>
    /// <param name="maxDegreeOfParallelism">Most threads used; −1 (default) for as many as the runtime chooses.</param>
    /// <param name="progress">Receives the number of datasets finished so far after each one finishes (from the thread that finished it; counts may arrive out of order), or null.</param>
    /// <param name="cancellationToken">Cancels the batch; checked before each dataset and passed to each fit.</param>
    /// <returns>One outcome per dataset, in input order.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxDegreeOfParallelism"/> is 0 or below −1.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    /// <example><code>var fits = BatchFit.FitMany(samples, (s, token) => Arrhenius.Fit(s.Kelvin, s.Sigma, ArrheniusForm.Conductivity));</code></example>
    public static ImmutableArray<BatchOutcome<TResult>> FitMany<TDataset, TResult>(
        IReadOnlyList<TDataset> datasets,
        Func<TDataset, CancellationToken, TResult> fit,
        int maxDegreeOfParallelism = -1,
        IProgress<int>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(datasets);
        ArgumentNullException.ThrowIfNull(fit);
        if (maxDegreeOfParallelism == 0 || maxDegreeOfParallelism < -1)
        {
            throw new ArgumentOutOfRangeException(nameof(maxDegreeOfParallelism), maxDegreeOfParallelism, "maxDegreeOfParallelism must be −1 (no limit) or at least 1.");
        }

        var outcomes = new BatchOutcome<TResult>[datasets.Count];
        int finished = 0;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism, CancellationToken = cancellationToken };
        try
        {
            Parallel.For(0, datasets.Count, parallel, i =>
            {
                try
                {
                    outcomes[i] = new BatchOutcome<TResult>(i, fit(datasets[i], cancellationToken), null);
                }
                catch (ArgumentException rejected)
                {
                    outcomes[i] = new BatchOutcome<TResult>(i, default, rejected.Message);
                }

                progress?.Report(Interlocked.Increment(ref finished));
            });
        }
        catch (AggregateException aggregate) when (aggregate.InnerExceptions.All(e => e is OperationCanceledException))
        {
            throw aggregate.InnerExceptions[0];
        }

        return ImmutableArray.Create(outcomes);
    }
}
