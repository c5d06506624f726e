using System.Collections.Immutable;
using Electrochem.Fitting;
using Electrochem.Transport;

namespace Electrochem.Impedance;

/// <summary>What a researcher reports from a circuit fit beyond the raw parameters.</summary>
public static class CircuitFitResults
{
    /// <summary>
    /// The free parameters the spectrum does not pin down (<see cref="Identifiability.Check"/>): relative standard error
    /// above <paramref name="relativeStandardErrorLimit"/>, |correlation| with another parameter above
    /// <paramref name="correlationLimit"/>, or no standard error (singular fit, parameter at a bound).
    /// </summary>
    /// <param name="fit">A circuit fit.</param>
    /// <param name="relativeStandardErrorLimit">Largest acceptable |SE/value|; default 1 (100 %).</param>
    /// <param name="correlationLimit">Largest acceptable |ρ|; default 0.99.</param>
    /// <returns>One warning per poorly determined parameter, in circuit order; empty when all are determined.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="fit"/> is null.</exception>
    public static ImmutableArray<IdentifiabilityWarning> IdentifiabilityWarnings(this FitResult<CircuitModel> fit, double relativeStandardErrorLimit = 1.0, double correlationLimit = 0.99) =>
        Identifiability.Check(fit, relativeStandardErrorLimit, correlationLimit);

    /// <summary>
    /// The sum of fitted parameters of one unit (e.g. R_interface = R_SEI + R_ct in Ω) with its standard error from the
    /// full covariance, SE² = Σᵢ Σⱼ Cov(θᵢ, θⱼ) — the cross terms included, so correlated resistances are not treated
    /// as independent — and its confidence interval value ± t(ν, (1+level)/2)·SE at the fit's level.
    /// </summary>
    /// <param name="fit">A fit.</param>
    /// <param name="name">Name of the sum, e.g. <c>"R_interface"</c>.</param>
    /// <param name="parameterNames">One or more distinct parameter names of the fit.</param>
    /// <returns>The sum as an estimate in the parameters' unit (NaN SE if any term's covariance is NaN; fixed only when every term is).</returns>
    /// <exception cref="ArgumentException">No name, an unknown or repeated name, or terms of different units.</exception>
    public static ParameterEstimate SumOfParameters(this FitResult fit, string name, params ReadOnlySpan<string> parameterNames)
    {
        ArgumentNullException.ThrowIfNull(fit);
        ArgumentNullException.ThrowIfNull(name);
        if (parameterNames.IsEmpty)
        {
            throw new ArgumentException("Name at least one parameter to sum.", nameof(parameterNames));
        }

        var terms = new ParameterEstimate[parameterNames.Length];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < parameterNames.Length; i++)
        {
            if (!seen.Add(parameterNames[i]))
            {
                throw new ArgumentException($"'{parameterNames[i]}' is listed twice.", nameof(parameterNames));
            }

            string termName = parameterNames[i];
            terms[i] = fit.Parameters.FirstOrDefault(e => e.Name == termName)
                ?? throw new ArgumentException($"The fit has no parameter '{termName}'; its parameters are {string.Join(", ", fit.Parameters.Select(e => e.Name))}.", nameof(parameterNames));
            if (terms[i].Unit != terms[0].Unit)
            {
                throw new ArgumentException($"'{terms[i].Name}' is in {terms[i].Unit} but '{terms[0].Name}' in {terms[0].Unit}; only quantities of one unit add.", nameof(parameterNames));
            }
        }

        double value = 0;
        double variance = 0;
        foreach (ParameterEstimate row in terms)
        {
            value += row.Value;
            foreach (ParameterEstimate column in terms)
            {
                variance += fit.Covariance[row.Name, column.Name];
            }
        }

        double standardError = Math.Sqrt(Math.Max(variance, 0));
        if (double.IsNaN(variance))
        {
            standardError = double.NaN;
        }

        double halfWidth = fit.CriticalValue(fit.ConfidenceLevel) * standardError;
        bool allFixed = terms.All(t => t.IsFixed);
        return new ParameterEstimate(name, terms[0].Unit, value, standardError, value - halfWidth, value + halfWidth, allFixed, BoundState.Interior);
    }

    /// <summary>
    /// Ionic conductivity σ = L/(R_b·A) of an electrolyte between blocking electrodes (SS‖SS) from a fitted bulk
    /// resistance, with the fit's standard error of R_b propagated (<see cref="IonicConductivity.FromBulkResistance(Measurement, Measurement, Measurement)"/>).
    /// </summary>
    /// <param name="fit">A fit of e.g. <c>R0-p(R1,CPE1)-CPE2</c> or <c>R0-CPE1</c>.</param>
    /// <param name="bulkResistanceName">The parameter that is the bulk resistance, e.g. <c>"R0"</c> (Ω).</param>
    /// <param name="thickness">Electrolyte thickness L with its uncertainty (e.g. cm).</param>
    /// <param name="area">Electrode area A with its uncertainty (e.g. cm²).</param>
    /// <returns>σ in S per length unit of <paramref name="thickness"/> (S/cm for cm and cm²).</returns>
    /// <exception cref="KeyNotFoundException">The fit has no such parameter.</exception>
    /// <exception cref="ArgumentException">R_b has no standard error (it ended at a bound or the fit was singular), or R_b, L or A is not positive.</exception>
    public static Measurement BulkIonicConductivity(this FitResult fit, string bulkResistanceName, Measurement thickness, Measurement area)
    {
        ArgumentNullException.ThrowIfNull(fit);
        ParameterEstimate bulk = fit[bulkResistanceName];
        if (!double.IsFinite(bulk.StandardError))
        {
            throw new ArgumentException($"'{bulkResistanceName}' has no standard error ({bulk.Bound}); the conductivity's uncertainty would be unknown.", nameof(bulkResistanceName));
        }

        return IonicConductivity.FromBulkResistance(thickness, area, new Measurement(bulk.Value, bulk.StandardError));
    }
}
