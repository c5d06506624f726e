using System.Collections.Immutable;
using System.Runtime.InteropServices;

namespace Electrochem.Fitting;

/// <summary>
/// Fits many datasets in parallel — one spectrum per cycle, one conductivity series per sample — with results identical
/// to fitting each alone (every fit in Electrochem is deterministic and shares no state): all of them in input order
/// (<see cref="FitMany{TDataset, TResult}"/>), or each handed over as it is ready (<see cref="FitEach{TDataset, TResult}"/>). A dataset whose input a fit rejects (an <see cref="ArgumentException"/>) becomes an error outcome at its
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
        var outcomes = new BatchOutcome<TResult>[datasets.Count];
        int finished = 0;
        Run(datasets, datasets.Count, fit, outcome =>
        {
            outcomes[outcome.Index] = outcome;
            progress?.Report(Interlocked.Increment(ref finished));
        }, maxDegreeOfParallelism, cancellationToken);

        return ImmutableCollectionsMarshal.AsImmutableArray(outcomes); // the batch owns the array: no copy
    }

    /// <summary>
    /// Applies <paramref name="fit"/> to every dataset as <see cref="FitMany{TDataset, TResult}"/> does, but hands each
    /// outcome to <paramref name="onOutcome"/> as soon as it is ready instead of keeping them all: for archives too
    /// large to hold every result (or every dataset — <paramref name="datasets"/> is read lazily, one item at a time, so it
    /// can read files as it goes), and for batches whose results are summarised as they come (a row per spectrum),
    /// which also spares the garbage collector from promoting every result, so the threads scale better.
    /// </summary>
    /// <typeparam name="TDataset">The dataset type.</typeparam>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <param name="datasets">The datasets, enumerated once, by one thread at a time.</param>
    /// <param name="fit">The fit of one dataset; it receives the batch's cancellation token.</param>
    /// <param name="onOutcome">
    /// Receives every outcome, with its dataset's position in <see cref="BatchOutcome{TResult}.Index"/>, in the order the
    /// fits finish (not input order). Calls never overlap (they are made one at a time under a lock), so it need not be
    /// thread-safe, but it holds up the other threads while it runs: keep it short. An exception it throws stops the
    /// batch and is rethrown.
    /// </param>
    /// <param name="maxDegreeOfParallelism">Most threads used; −1 (default) for one per processor.</param>
    /// <param name="cancellationToken">Cancels the batch; checked before each dataset and passed to each fit.</param>
    /// <returns>The number of datasets fitted or rejected.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxDegreeOfParallelism"/> is 0 or below −1.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    /// <example><code>BatchFit.FitEach(paths, (path, token) => Arrhenius.Fit(Read(path)), o => writer.WriteLine($"{paths[o.Index]},{o.Result?.Model}"));</code></example>
    public static int FitEach<TDataset, TResult>(
        IEnumerable<TDataset> datasets,
        Func<TDataset, CancellationToken, TResult> fit,
        Action<BatchOutcome<TResult>> onOutcome,
        int maxDegreeOfParallelism = -1,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(datasets);
        ArgumentNullException.ThrowIfNull(fit);
        ArgumentNullException.ThrowIfNull(onOutcome);
        var gate = new Lock();
        int count = 0;
        Run(datasets, datasets.TryGetNonEnumeratedCount(out int known) ? known : int.MaxValue, fit, outcome =>
        {
            lock (gate)
            {
                count++;
                onOutcome(outcome);
            }
        }, maxDegreeOfParallelism, cancellationToken);
        return count;
    }

    /// <summary>
    /// The batch loop: up to <paramref name="maxDegreeOfParallelism"/> dedicated threads (not thread-pool threads, so a
    /// busy batch never delays the pool's timers — a <c>CancelAfter</c> fires on time) each take the next dataset,
    /// fit it and hand its outcome to <paramref name="sink"/> from that thread.
    /// </summary>
    private static void Run<TDataset, TResult>(
        IEnumerable<TDataset> datasets,
        int countAtMost,
        Func<TDataset, CancellationToken, TResult> fit,
        Action<BatchOutcome<TResult>> sink,
        int maxDegreeOfParallelism,
        CancellationToken cancellationToken)
    {
        if (maxDegreeOfParallelism == 0 || maxDegreeOfParallelism < -1)
        {
            throw new ArgumentOutOfRangeException(nameof(maxDegreeOfParallelism), maxDegreeOfParallelism, "maxDegreeOfParallelism must be −1 (no limit) or at least 1.");
        }

        int workers = Math.Min(countAtMost, maxDegreeOfParallelism == -1 ? Environment.ProcessorCount : maxDegreeOfParallelism);
        using IEnumerator<TDataset> source = datasets.GetEnumerator();
        var sourceGate = new Lock();
        int next = 0;
        bool exhausted = false;
        int stopped = 0;

        // Each worker takes the next dataset until none is left (the enumerator under a lock: a list's is cheap, and a
        // lazy source is read one item at a time), checking the token before each.
        bool TryTake(out int index, out TDataset dataset)
        {
            lock (sourceGate)
            {
                if (!exhausted && Volatile.Read(ref stopped) == 0 && source.MoveNext())
                {
                    index = next++;
                    dataset = source.Current;
                    return true;
                }

                exhausted = true;
                index = -1;
                dataset = default!;
                return false;
            }
        }

        void Work()
        {
            try
            {
                while (TryTake(out int i, out TDataset dataset))
                {
                    BatchOutcome<TResult> outcome;
                    try
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        outcome = new BatchOutcome<TResult>(i, fit(dataset, cancellationToken), null);
                    }
                    catch (ArgumentException rejected)
                    {
                        outcome = new BatchOutcome<TResult>(i, default, rejected.Message);
                    }

                    sink(outcome);
                }
            }
            catch (Exception)
            {
                // Cancellation or a failure that is not a rejected input: the other workers stop at their next dataset.
                Volatile.Write(ref stopped, 1);
                throw;
            }
        }

        if (workers <= 1)
        {
            Work();
            return;
        }

        // The fits run on dedicated threads, not the thread pool: a batch that kept every pool thread busy would delay
        // the pool's own work — a CancelAfter timer fired seconds late.
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
}
