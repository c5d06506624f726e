using System.Collections.Immutable;

namespace Electrochem.Fitting;

/// <summary>
/// Flags parameters a fit cannot determine: a relative standard error above a threshold (default 100 %: the data are
/// consistent with the parameter being zero or twice its value), or a correlation with another parameter beyond a
/// threshold in magnitude (default 0.99: the two trade off, and only a combination is determined), or no standard error
/// at all (singular fit, parameter at a bound).
/// </summary>
public static class Identifiability
{
    /// <summary>Warnings for every free parameter of a fit that is poorly determined.</summary>
    /// <param name="fit">Any fit.</param>
    /// <param name="relativeStandardErrorLimit">Largest acceptable |SE/value|; default 1 (100 %).</param>
    /// <param name="correlationLimit">Largest acceptable |ρ| between two parameters; default 0.99.</param>
    /// <returns>One warning per flagged parameter, in parameter order; empty when all are determined.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A limit is not positive, or the correlation limit exceeds 1.</exception>
    public static ImmutableArray<IdentifiabilityWarning> Check(FitResult fit, double relativeStandardErrorLimit = 1.0, double correlationLimit = 0.99)
    {
        ArgumentNullException.ThrowIfNull(fit);
        Preconditions.CheckPositive(relativeStandardErrorLimit);
        if (!(correlationLimit > 0 && correlationLimit <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(correlationLimit), correlationLimit, $"correlationLimit must lie in (0, 1] but was {Preconditions.Format(correlationLimit)}.");
        }

        ParameterMatrix correlation = fit.Correlation;
        var warnings = ImmutableArray.CreateBuilder<IdentifiabilityWarning>();
        for (int i = 0; i < fit.Parameters.Length; i++)
        {
            ParameterEstimate p = fit.Parameters[i];
            if (p.IsFixed)
            {
                continue;
            }

            (string? partner, double rho) = StrongestCorrelation(correlation, i);
            double relative = p.StandardError == 0 ? 0 : Math.Abs(p.StandardError / p.Value);
            if (double.IsNaN(p.StandardError))
            {
                string why = p.Bound != BoundState.Interior ? "it ended at a bound" : "the fit is singular";
                warnings.Add(new IdentifiabilityWarning(p.Name, $"no standard error: {why}", double.NaN, partner, rho));
            }
            else if (relative > relativeStandardErrorLimit)
            {
                warnings.Add(new IdentifiabilityWarning(p.Name,
                    FormattableString.Invariant($"relative standard error {relative:P0} exceeds {relativeStandardErrorLimit:P0}: the data hardly constrain it"), relative, partner, rho));
            }
            else if (Math.Abs(rho) > correlationLimit)
            {
                warnings.Add(new IdentifiabilityWarning(p.Name,
                    FormattableString.Invariant($"correlation {rho:F4} with {partner} exceeds ±{correlationLimit}: only a combination of the two is determined"), relative, partner, rho));
            }
        }

        return warnings.ToImmutable();
    }

    private static (string? Partner, double Correlation) StrongestCorrelation(ParameterMatrix correlation, int i)
    {
        string? partner = null;
        double strongest = double.NaN;
        for (int j = 0; j < correlation.Size; j++)
        {
            double rho = correlation[i, j];
            if (j != i && double.IsFinite(rho) && !(Math.Abs(rho) <= Math.Abs(strongest)))
            {
                strongest = rho;
                partner = correlation.Names[j];
            }
        }

        return (partner, strongest);
    }
}
