using System.Collections.Immutable;

namespace Electrochem.Fitting;

/// <summary>
/// The outcome of any least-squares fit in Electrochem: named estimates with standard errors and confidence
/// intervals, covariance and correlation, residuals, goodness of fit, and whether and why it converged.
/// Immutable and safe to share between threads.
/// </summary>
/// <remarks>
/// The covariance is C = s²·(JᵀWJ)⁻¹ with s² = χ²/ν (weights taken as relative), or C = (JᵀWJ)⁻¹ when
/// <see cref="WeightsAreAbsolute"/> (weights are 1/σᵢ² of known measurement errors). J is the Jacobian of the model
/// with respect to the free parameters at the estimate (the design matrix for linear fits).
/// </remarks>
public record FitResult
{
    /// <summary>Every parameter of the model, fixed ones included, in the model's order.</summary>
    public required ImmutableArray<ParameterEstimate> Parameters { get; init; }

    /// <summary>Covariance matrix of the estimates, over all parameters (zero rows for fixed ones).</summary>
    public required ParameterMatrix Covariance { get; init; }

    /// <summary>Residuals yᵢ − f(xᵢ), unweighted, in data units (complex fits: real parts, then imaginary parts).</summary>
    public required ImmutableArray<double> Residuals { get; init; }

    /// <summary>Goodness of fit: SSR, χ², reduced χ², R², AIC, AICc, BIC and the degrees of freedom.</summary>
    public required GoodnessOfFit Statistics { get; init; }

    /// <summary>Confidence level of the intervals in <see cref="Parameters"/>, e.g. 0.95.</summary>
    public required double ConfidenceLevel { get; init; }

    /// <summary>Whether the fit converged and, if not, why.</summary>
    public required FitStatus Status { get; init; }

    /// <summary>The status in words: the criterion met, or what went wrong and what to try.</summary>
    public required string StatusReason { get; init; }

    /// <summary>
    /// Iterations taken: the trial points at which the model was evaluated after the initial guess, accepted or
    /// rejected (scipy's <c>nfev</c> − 1); a step that a stopping rule ends the fit on without evaluating it does not
    /// count. 0 for a linear fit solved directly.
    /// </summary>
    public required int Iterations { get; init; }

    /// <summary>True when the weights were absolute 1/σᵢ², so the covariance is not rescaled by χ²_ν.</summary>
    public required bool WeightsAreAbsolute { get; init; }

    /// <summary>
    /// Mean of the weights wᵢ (1 when unweighted): the weight <see cref="Predict"/> gives a new observation unless told
    /// otherwise, i.e. a new measurement as precise as the average one in the fit.
    /// </summary>
    public required double MeanWeight { get; init; }

    /// <summary>True only for <see cref="FitStatus.Converged"/>: a solution with usable uncertainties.</summary>
    public bool Converged => Status == FitStatus.Converged;

    /// <summary>Correlation matrix ρᵢⱼ = Cᵢⱼ/√(CᵢᵢCⱼⱼ) of the estimates.</summary>
    public ParameterMatrix Correlation => Covariance.ToCorrelation();

    /// <summary>The estimate of the parameter with the given name.</summary>
    /// <param name="name">A parameter name, as in the model's definition.</param>
    /// <exception cref="KeyNotFoundException">No parameter has that name.</exception>
    public ParameterEstimate this[string name] =>
        TryGetParameter(name, out ParameterEstimate estimate)
            ? estimate
            : throw new KeyNotFoundException($"No parameter named '{name}'; the parameters are {ParameterNames}.");

    /// <summary>The estimate of the parameter with the given name, if the fit has one.</summary>
    /// <param name="name">A parameter name, as in the model's definition.</param>
    /// <param name="estimate">The estimate, or the default value when no parameter has that name.</param>
    /// <returns>Whether a parameter has that name.</returns>
    public bool TryGetParameter(string name, out ParameterEstimate estimate)
    {
        foreach (ParameterEstimate candidate in Parameters)
        {
            if (candidate.Name == name)
            {
                estimate = candidate;
                return true;
            }
        }

        estimate = default;
        return false;
    }

    /// <summary>The parameter names, comma-separated, for messages.</summary>
    internal string ParameterNames => string.Join(", ", Parameters.Select(p => p.Name));

    /// <summary>
    /// Two-sided confidence interval value ± t(ν, (1+level)/2)·SE of one parameter at any level (z instead of t when
    /// <see cref="WeightsAreAbsolute"/>: the σ are known, so the interval is normal).
    /// </summary>
    /// <param name="name">Parameter name.</param>
    /// <param name="level">Confidence level, strictly between 0 and 1.</param>
    /// <returns>The interval's ends, in the parameter's unit.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="level"/> is not in (0, 1).</exception>
    /// <exception cref="KeyNotFoundException">No parameter has that name.</exception>
    public (double Lower, double Upper) ConfidenceInterval(string name, double level)
    {
        Preconditions.CheckOpenUnitInterval(level);
        ParameterEstimate estimate = this[name];
        double halfWidth = CriticalValue(level) * estimate.StandardError;
        return (estimate.Value - halfWidth, estimate.Value + halfWidth);
    }

    /// <summary>
    /// Confidence and prediction intervals of the model's value at one point, by the delta method:
    /// Var(ŷ) = gᵀ·C·g with g = ∂f/∂θ at that point (for a linear model, the design row), and a new observation's
    /// variance Var(ŷ) + s²/w (relative weights) or Var(ŷ) + 1/w (absolute weights).
    /// </summary>
    /// <param name="gradient">∂f/∂θⱼ at the point, one per parameter in <see cref="Parameters"/> order.</param>
    /// <param name="value">The model's value f at the point.</param>
    /// <param name="level">Confidence level in (0, 1); NaN (the default) uses <see cref="ConfidenceLevel"/>.</param>
    /// <param name="observationWeight">Weight a new observation at that point would carry; NaN (the default) uses <see cref="MeanWeight"/>.</param>
    /// <returns>The value with its standard error and both intervals.</returns>
    /// <exception cref="ArgumentException">The gradient has the wrong length or the weight is not positive.</exception>
    public Prediction Predict(ReadOnlySpan<double> gradient, double value, double level = double.NaN, double observationWeight = double.NaN)
    {
        Preconditions.CheckSameLength(Parameters.Length, gradient.Length, "the parameters", nameof(gradient));
        observationWeight = double.IsNaN(observationWeight) ? MeanWeight : observationWeight;
        Preconditions.CheckPositive(observationWeight);
        level = double.IsNaN(level) ? ConfidenceLevel : level;
        Preconditions.CheckOpenUnitInterval(level);

        ReadOnlySpan<double> c = Covariance.AsSpan();
        int p = Parameters.Length;
        double variance = 0;
        for (int i = 0; i < p; i++)
        {
            for (int j = 0; j < p; j++)
            {
                variance += gradient[i] * c[(i * p) + j] * gradient[j];
            }
        }

        double observationVariance = (WeightsAreAbsolute ? 1.0 : Statistics.ReducedChiSquare) / observationWeight;
        double t = CriticalValue(level);
        double se = Math.Sqrt(variance);
        double predictionSe = Math.Sqrt(variance + observationVariance);
        return new Prediction(value, se, value - (t * se), value + (t * se), value - (t * predictionSe), value + (t * predictionSe), level);
    }

    /// <summary>The two-sided critical value at a level: t(ν) for relative weights, z for absolute weights (σ known).</summary>
    internal double CriticalValue(double level) => StudentT.CriticalValue(Statistics.DegreesOfFreedom, level, WeightsAreAbsolute);

    /// <summary>A plain-text table for a person: status, goodness of fit, and one row per parameter.</summary>
    /// <returns>Multi-line text, invariant culture.</returns>
    public string ToTable() => FitResultWriter.ToTable(this);

    /// <summary>
    /// The result as JSON: status, reason, statistics, parameters with SE and CI, covariance, correlation and
    /// (optionally) residuals. NaN and infinities are written as <c>null</c>.
    /// </summary>
    /// <param name="includeResiduals">Whether to include the residual array.</param>
    /// <param name="indented">Whether to indent for reading.</param>
    /// <returns>A UTF-16 JSON document.</returns>
    public string ToJson(bool includeResiduals = true, bool indented = true) => FitResultWriter.ToJson(this, includeResiduals, indented);
}
