using System.Collections.Immutable;
using Electrochem.Fitting;

namespace Electrochem.Impedance;

/// <summary>
/// Fits one circuit to many spectra (one per cycle, temperature or state of charge), on top of
/// <see cref="BatchFit.FitMany{TDataset, TResult}"/>: results in input order, a spectrum the fit rejects becomes an error
/// outcome at its index, cancellation stops the batch.
/// </summary>
public static class CircuitBatchFit
{
    /// <summary>
    /// Fits every spectrum. Without warm start the fits run in parallel and outcome i equals
    /// <c>CircuitModel.Fit(circuit, spectra[i], options)</c>. With warm start they run sequentially in input order, and
    /// outcome i equals <c>CircuitModel.Fit(circuit, spectra[i], options')</c> where options' is
    /// <paramref name="options"/> with <see cref="CircuitFitOptions.InitialGuess"/> set to every free parameter's value
    /// from outcome i − 1 when that fit succeeded and converged, and <paramref name="options"/> unchanged otherwise (the
    /// first spectrum, or after a rejected or unconverged neighbour). Parallelism is not used with warm start, so
    /// the chain is the same on every machine.
    /// </summary>
    /// <param name="circuit">The circuit fitted to every spectrum.</param>
    /// <param name="spectra">The spectra, in the order a warm start should follow (e.g. by cycle or temperature).</param>
    /// <param name="options">Options for every fit; null for <see cref="CircuitFitOptions.Default"/>.</param>
    /// <param name="warmStart">Start each fit from its predecessor's result (sequential); false (default) for independent parallel fits.</param>
    /// <param name="maxDegreeOfParallelism">Most threads without warm start; −1 (default) for as many as the runtime chooses.</param>
    /// <param name="progress">Receives the number of spectra finished so far after each one, or null.</param>
    /// <param name="cancellationToken">Cancels the batch; checked before each spectrum and during each fit.</param>
    /// <returns>One outcome per spectrum, in input order.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxDegreeOfParallelism"/> is 0 or below −1.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public static ImmutableArray<BatchOutcome<FitResult<CircuitModel>>> FitMany(
        Circuit circuit,
        IReadOnlyList<ImpedanceSpectrum> spectra,
        CircuitFitOptions? options = null,
        bool warmStart = false,
        int maxDegreeOfParallelism = -1,
        IProgress<int>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(circuit);
        ArgumentNullException.ThrowIfNull(spectra);
        options ??= CircuitFitOptions.Default;
        if (!warmStart)
        {
            return BatchFit.FitMany(spectra, (spectrum, token) => CircuitModel.Fit(circuit, spectrum, options, token), maxDegreeOfParallelism, progress, cancellationToken);
        }

        CircuitFitOptions next = options;
        var outcomes = ImmutableArray.CreateBuilder<BatchOutcome<FitResult<CircuitModel>>>(spectra.Count);
        for (int i = 0; i < spectra.Count; i++)
        {
            CircuitFitOptions current = next;
            BatchOutcome<FitResult<CircuitModel>> outcome = BatchFit.FitMany([spectra[i]], (spectrum, token) => CircuitModel.Fit(circuit, spectrum, current, token), 1, null, cancellationToken)[0];
            outcomes.Add(outcome with { Index = i });
            progress?.Report(i + 1);
            next = outcome is { Succeeded: true, Result: { Converged: true } fit } ? WarmStartFrom(options, fit) : options;
        }

        return outcomes.MoveToImmutable();
    }

    /// <summary>
    /// Fits every spectrum in parallel as <see cref="FitMany"/> does without warm start, handing each outcome to
    /// <paramref name="onOutcome"/> as it is ready instead of keeping them all (see
    /// <see cref="BatchFit.FitEach{TDataset, TResult}"/>): bounded memory for archives of any size, and better scaling
    /// across threads when the results are summarised as they come. Outcome i's result equals
    /// <c>CircuitModel.Fit(circuit, spectrum i, options)</c>.
    /// </summary>
    /// <param name="circuit">The circuit fitted to every spectrum.</param>
    /// <param name="spectra">The spectra, enumerated once, one at a time (a lazy sequence may read them as it goes).</param>
    /// <param name="onOutcome">Receives every outcome (with its spectrum's position) in the order the fits finish; calls never overlap.</param>
    /// <param name="options">Options for every fit; null for <see cref="CircuitFitOptions.Default"/>.</param>
    /// <param name="maxDegreeOfParallelism">Most threads; −1 (default) for one per processor.</param>
    /// <param name="cancellationToken">Cancels the batch; checked before each spectrum and during each fit.</param>
    /// <returns>The number of spectra fitted or rejected.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxDegreeOfParallelism"/> is 0 or below −1.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public static int FitEach(
        Circuit circuit,
        IEnumerable<ImpedanceSpectrum> spectra,
        Action<BatchOutcome<FitResult<CircuitModel>>> onOutcome,
        CircuitFitOptions? options = null,
        int maxDegreeOfParallelism = -1,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(circuit);
        CircuitFitOptions resolved = options ?? CircuitFitOptions.Default;
        return BatchFit.FitEach(spectra, (spectrum, token) => CircuitModel.Fit(circuit, spectrum, resolved, token), onOutcome, maxDegreeOfParallelism, cancellationToken);
    }

    /// <summary>The options with every free parameter's guess taken from a previous fit.</summary>
    /// <param name="options">The batch's options.</param>
    /// <param name="previous">The neighbour's fit.</param>
    /// <returns>Options whose initial guess is the neighbour's free values.</returns>
    private static CircuitFitOptions WarmStartFrom(CircuitFitOptions options, FitResult<CircuitModel> previous)
    {
        var guess = ImmutableDictionary.CreateBuilder<string, double>(StringComparer.Ordinal);
        foreach (ParameterEstimate estimate in previous.Parameters.Where(e => !e.IsFixed))
        {
            guess[estimate.Name] = estimate.Value;
        }

        return options with { InitialGuess = guess.ToImmutable() };
    }
}
