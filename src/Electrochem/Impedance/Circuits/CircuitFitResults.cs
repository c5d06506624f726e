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
            terms[i] = fit.TryGetParameter(termName, out ParameterEstimate term)
                ? term
                : throw new ArgumentException($"The fit has no parameter '{termName}'; its parameters are {fit.ParameterNames}.", nameof(parameterNames));
            if (terms[i].Unit != terms[0].Unit)
            {
                throw new ArgumentException($"'{terms[i].Name}' is in {terms[i].Unit} but '{terms[0].Name}' in {terms[0].Unit}; only quantities of one unit add.", nameof(parameterNames));
            }
        }

        double[] ones = [.. terms.Select(_ => 1.0)];
        return Derived(fit, name, terms[0].Unit, terms.Sum(t => t.Value), terms, ones);
    }

    /// <summary>
    /// Hsu–Mansfeld effective capacitance C_eff = Q^(1/α)·R^((1−α)/α) of a CPE in parallel with a resistance, in F, with
    /// its standard error from the fit's full covariance of Q, α and R (delta method) and its interval at the fit's level.
    /// </summary>
    /// <param name="fit">A circuit fit holding the CPE and the resistance in parallel with it, e.g. <c>R0-p(R1,CPE1)</c>.</param>
    /// <param name="constantPhaseElement">The CPE's name, e.g. <c>CPE1</c> (parameters <c>CPE1_0</c> = Q in S·s^α and <c>CPE1_1</c> = α).</param>
    /// <param name="parallelResistance">The resistance's parameter name, e.g. <c>R1</c>.</param>
    /// <returns>C_eff in F as an estimate named <c>C_eff(CPE1)</c>.</returns>
    /// <exception cref="ArgumentException">A name is not a parameter of the fit, or a value is out of range (Q or R not positive, α not in (0, 1]).</exception>
    /// <example><c>ParameterEstimate c = fit.EffectiveCapacitanceHsuMansfeld("CPE1", "R1");</c></example>
    public static ParameterEstimate EffectiveCapacitanceHsuMansfeld(this FitResult<CircuitModel> fit, string constantPhaseElement, string parallelResistance) =>
        EffectiveCapacitance.HsuMansfeldFromFit(fit, constantPhaseElement, parallelResistance);

    /// <summary>
    /// Brug effective capacitance C_eff = Q^(1/α)·(1/R_s + 1/R_ct)^((α−1)/α), in F, with its standard error from the fit's
    /// full covariance (delta method) and its interval at the fit's level.
    /// </summary>
    /// <param name="fit">A circuit fit, e.g. <c>R0-p(R1,CPE1)</c>, or <c>R0-CPE1</c> for a blocking electrode.</param>
    /// <param name="constantPhaseElement">The CPE's name, e.g. <c>CPE1</c>.</param>
    /// <param name="seriesResistance">The series (electrolyte) resistance's parameter name, e.g. <c>R0</c>.</param>
    /// <param name="chargeTransferResistance">The charge-transfer resistance's parameter name, e.g. <c>R1</c>; null for a blocking electrode (R_ct = ∞).</param>
    /// <returns>C_eff in F as an estimate named <c>C_eff(CPE1)</c>.</returns>
    /// <exception cref="ArgumentException">A name is not a parameter of the fit, or a value is out of range.</exception>
    public static ParameterEstimate EffectiveCapacitanceBrug(this FitResult<CircuitModel> fit, string constantPhaseElement, string seriesResistance, string? chargeTransferResistance) =>
        EffectiveCapacitance.BrugFromFit(fit, constantPhaseElement, seriesResistance, chargeTransferResistance);

    /// <summary>
    /// A quantity computed from fitted parameters, g(θ), with its standard error from the full covariance by the delta
    /// method, SE² = ∇gᵀ·C·∇g (cross terms included), and its interval value ± c·SE with the fit's critical value c.
    /// </summary>
    /// <param name="fit">The fit.</param>
    /// <param name="name">The quantity's name.</param>
    /// <param name="unit">Its unit.</param>
    /// <param name="value">g at the estimates.</param>
    /// <param name="terms">The parameters g depends on.</param>
    /// <param name="gradient">∂g/∂θ for each term.</param>
    /// <returns>The estimate (NaN SE when a covariance term is NaN; fixed only when every term is).</returns>
    internal static ParameterEstimate Derived(FitResult fit, string name, string unit, double value, IReadOnlyList<ParameterEstimate> terms, ReadOnlySpan<double> gradient)
    {
        double variance = 0;
        for (int a = 0; a < terms.Count; a++)
        {
            for (int b = 0; b < terms.Count; b++)
            {
                variance += gradient[a] * fit.Covariance[terms[a].Name, terms[b].Name] * gradient[b];
            }
        }

        double standardError = double.IsNaN(variance) ? double.NaN : Math.Sqrt(Math.Max(variance, 0));
        double halfWidth = fit.CriticalValue(fit.ConfidenceLevel) * standardError;
        bool allFixed = terms.All(t => t.IsFixed);
        return new ParameterEstimate(name, unit, value, standardError, value - halfWidth, value + halfWidth, allFixed, BoundState.Interior);
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
