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
    /// <summary>
    /// Applies <paramref name="fit"/> to every dataset on up to <paramref name="maxDegreeOfParallelism"/> dedicated threads
    /// (not thread-pool threads, so a busy batch never delays the pool's timers — a <c>CancelAfter</c> fires on time).
    /// </summary>
    /// <typeparam name="TDataset">The dataset type.</typeparam>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <param name="datasets">The datasets.</param>
    /// <param name="fit">The fit of one dataset; it receives the batch's cancellation token.</param>
    /// <param name="maxDegreeOfParallelism">Most threads used; −1 (default) for one per processor.</param>
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
        int next = -1;
        int workers = Math.Min(datasets.Count, maxDegreeOfParallelism == -1 ? Environment.ProcessorCount : maxDegreeOfParallelism);

        // The fits run on dedicated threads, not the thread pool: a batch that kept every pool thread busy would delay
        // the pool's own work — a CancelAfter timer fired seconds late. Each worker takes the next dataset until none
        // is left, checking the token before each.
        int stopped = 0;
        void Work()
        {
            for (int i = Interlocked.Increment(ref next); i < datasets.Count && Volatile.Read(ref stopped) == 0; i = Interlocked.Increment(ref next))
            {
                try
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    outcomes[i] = new BatchOutcome<TResult>(i, fit(datasets[i], cancellationToken), null);
                }
                catch (ArgumentException rejected)
                {
                    outcomes[i] = new BatchOutcome<TResult>(i, default, rejected.Message);
                }
                catch (Exception)
                {
                    // Cancellation or a failure that is not a rejected input: the other workers stop at their next dataset.
                    Volatile.Write(ref stopped, 1);
                    throw;
                }

                progress?.Report(Interlocked.Increment(ref finished));
            }
        }

        if (workers <= 1)
        {
            Work();
        }
        else
        {
            Task[] tasks = [.. Enumerable.Range(0, workers).Select(_ => Task.Factory.StartNew(Work, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default))];
            try
            {
                Task.WaitAll(tasks, CancellationToken.None);
            }
            catch (AggregateException aggregate) when (aggregate.Flatten().InnerExceptions.All(e => e is OperationCanceledException))
            {
                throw aggregate.Flatten().InnerExceptions[0];
            }
            catch (AggregateException aggregate)
            {
                // The first failure that is not a cancellation, as Parallel.For would report it.
                throw new AggregateException(aggregate.Flatten().InnerExceptions.Where(e => e is not OperationCanceledException));
            }
        }

        return ImmutableArray.Create(outcomes);
    }
}
