using System.Diagnostics.CodeAnalysis;

namespace Electrochem.Fitting;

/// <summary>A <see cref="FitResult"/> that also carries the fitted model, ready to evaluate.</summary>
/// <typeparam name="TModel">The model type, an immutable record.</typeparam>
public sealed record FitResult<TModel> : FitResult
{
    /// <summary>Wraps a fit's statistics together with the model built from its estimates.</summary>
    /// <param name="fit">The fit.</param>
    /// <param name="model">The model at the estimates.</param>
    [SetsRequiredMembers]
    public FitResult(FitResult fit, TModel model)
        : base(fit ?? throw new ArgumentNullException(nameof(fit)))
    {
        Model = model;
    }

    /// <summary>The model evaluated at the best estimates.</summary>
    public TModel Model { get; init; }
}
