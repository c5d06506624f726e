namespace Electrochem.Fitting;

/// <summary>
/// The outcome of one dataset in a batch: its result, or the reason it could not be fitted (its input was rejected).
/// A fit that ran but did not converge is a result, whose own status says so.
/// </summary>
/// <typeparam name="TResult">The per-dataset result type.</typeparam>
/// <param name="Index">Position of the dataset in the batch.</param>
/// <param name="Result">The result, or default when <see cref="Error"/> is set.</param>
/// <param name="Error">Why the dataset was rejected (the message of the argument exception), or null.</param>
public sealed record BatchOutcome<TResult>(int Index, TResult? Result, string? Error)
{
    /// <summary>True when the dataset was fitted (whether or not that fit converged).</summary>
    public bool Succeeded => Error is null;
}
