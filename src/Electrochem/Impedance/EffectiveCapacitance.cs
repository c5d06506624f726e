using Electrochem.Fitting;
using Electrochem.Transport;

namespace Electrochem.Impedance;

/// <summary>
/// The capacitance a constant-phase element stands for, Z_CPE = 1/(Q·(jω)^α) with Q in S·s^α (F·s^(α−1)) and
/// 0 &lt; α ≤ 1. Both formulas reduce to C = Q at α = 1. From a circuit fit, use
/// <see cref="CircuitFitResults.EffectiveCapacitanceHsuMansfeld"/> and <see cref="CircuitFitResults.EffectiveCapacitanceBrug"/>:
/// they propagate the full covariance of Q, α and the resistances (Q and α are strongly correlated, and ignoring it
/// overstates the SE several-fold). The methods here treat their inputs as independent, for values ± u from elsewhere.
/// </summary>
public static class EffectiveCapacitance
{
    /// <summary>
    /// Hsu–Mansfeld (Corrosion 57 (2001) 747): a CPE in parallel with a resistance R (one time constant, surface
    /// distribution): C_eff = Q^(1/α)·R^((1−α)/α), in F.
    /// </summary>
    /// <param name="q">Q in S·s^α, &gt; 0.</param>
    /// <param name="alpha">α in (0, 1].</param>
    /// <param name="parallelResistance">R in Ω in parallel with the CPE, &gt; 0.</param>
    /// <returns>C_eff in F with its standard uncertainty.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range.</exception>
    /// <example><c>EffectiveCapacitance.HsuMansfeld(new(2e-5, 0), new(0.9, 0), new(100, 0))</c> ≈ 1.003e-5 F.</example>
    public static Measurement HsuMansfeld(Measurement q, Measurement alpha, Measurement parallelResistance)
    {
        q.CheckPositive(nameof(q));
        CheckAlpha(alpha);
        parallelResistance.CheckPositive(nameof(parallelResistance));
        return Propagate(
            (qv, a, r) => Math.Pow(qv, 1 / a) * Math.Pow(r, (1 - a) / a),
            q,
            alpha,
            parallelResistance);
    }

    /// <summary>
    /// Brug et al. (J. Electroanal. Chem. 176 (1984) 275): a CPE double layer with series (electrolyte) resistance R_s
    /// and charge-transfer resistance R_ct: C_eff = Q^(1/α)·(1/R_s + 1/R_ct)^((α−1)/α), in F. For a blocking
    /// electrode (no charge transfer) pass R_ct = +∞.
    /// </summary>
    /// <param name="q">Q in S·s^α, &gt; 0.</param>
    /// <param name="alpha">α in (0, 1].</param>
    /// <param name="seriesResistance">R_s in Ω, &gt; 0.</param>
    /// <param name="chargeTransferResistance">R_ct in Ω, &gt; 0 (may be +∞).</param>
    /// <returns>C_eff in F with its standard uncertainty.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range.</exception>
    public static Measurement Brug(Measurement q, Measurement alpha, Measurement seriesResistance, Measurement chargeTransferResistance)
    {
        q.CheckPositive(nameof(q));
        CheckAlpha(alpha);
        seriesResistance.CheckPositive(nameof(seriesResistance));
        if (!(chargeTransferResistance.Value > 0) || double.IsNaN(chargeTransferResistance.StandardUncertainty) || chargeTransferResistance.StandardUncertainty < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(chargeTransferResistance), chargeTransferResistance.Value,
                $"chargeTransferResistance must be greater than zero (+∞ for a blocking electrode) but was {Preconditions.Format(chargeTransferResistance.Value)}.");
        }

        double rct = chargeTransferResistance.Value;
        double urct = double.IsPositiveInfinity(rct) ? 0 : chargeTransferResistance.StandardUncertainty;
        return Propagate(
            (qv, a, rs) => Math.Pow(qv, 1 / a) * Math.Pow((1 / rs) + (1 / rct), (a - 1) / a),
            q,
            alpha,
            seriesResistance,
            extra: double.IsPositiveInfinity(rct) ? 0 : ChargeTransferSensitivity(q.Value, alpha.Value, seriesResistance.Value, rct) * urct);
    }

    /// <summary>
    /// Hsu–Mansfeld C_eff = Q^(1/α)·R^((1−α)/α) from a circuit fit, with its standard error from the fit's covariance of
    /// Q, α and R (delta method) and its interval at the fit's level.
    /// </summary>
    /// <param name="fit">A circuit fit holding the CPE and the resistance in parallel with it, e.g. <c>R0-p(R1,CPE1)</c>.</param>
    /// <param name="constantPhaseElement">The CPE's name, e.g. <c>CPE1</c> (parameters <c>CPE1_0</c> = Q and <c>CPE1_1</c> = α).</param>
    /// <param name="parallelResistance">The resistance's parameter name, e.g. <c>R1</c>.</param>
    /// <returns>C_eff in F as an estimate named <c>C_eff(CPE1)</c>.</returns>
    /// <exception cref="ArgumentException">A name is not a parameter of the fit, or a value is out of range (Q or R not positive, α not in (0, 1]).</exception>
    internal static ParameterEstimate HsuMansfeldFromFit(FitResult<CircuitModel> fit, string constantPhaseElement, string parallelResistance)
    {
        ArgumentNullException.ThrowIfNull(fit);
        ParameterEstimate[] terms = Terms(fit, constantPhaseElement, nameof(constantPhaseElement), (parallelResistance, nameof(parallelResistance)));
        return FromFit(fit, constantPhaseElement, terms, v => Math.Pow(v[0], 1 / v[1]) * Math.Pow(v[2], (1 - v[1]) / v[1]));
    }

    /// <summary>
    /// Brug C_eff = Q^(1/α)·(1/R_s + 1/R_ct)^((α−1)/α) from a circuit fit, with its standard error from the fit's
    /// covariance (delta method) and its interval at the fit's level.
    /// </summary>
    /// <param name="fit">A circuit fit, e.g. <c>R0-p(R1,CPE1)</c> or, for a blocking electrode, <c>R0-CPE1</c>.</param>
    /// <param name="constantPhaseElement">The CPE's name, e.g. <c>CPE1</c>.</param>
    /// <param name="seriesResistance">The series (electrolyte) resistance's parameter name, e.g. <c>R0</c>.</param>
    /// <param name="chargeTransferResistance">The charge-transfer resistance's parameter name, e.g. <c>R1</c>; null for a blocking electrode (R_ct = ∞).</param>
    /// <returns>C_eff in F as an estimate named <c>C_eff(CPE1)</c>.</returns>
    /// <exception cref="ArgumentException">A name is not a parameter of the fit, or a value is out of range.</exception>
    internal static ParameterEstimate BrugFromFit(FitResult<CircuitModel> fit, string constantPhaseElement, string seriesResistance, string? chargeTransferResistance)
    {
        ArgumentNullException.ThrowIfNull(fit);
        ParameterEstimate[] terms = chargeTransferResistance is null
            ? Terms(fit, constantPhaseElement, nameof(constantPhaseElement), (seriesResistance, nameof(seriesResistance)))
            : Terms(fit, constantPhaseElement, nameof(constantPhaseElement), (seriesResistance, nameof(seriesResistance)), (chargeTransferResistance, nameof(chargeTransferResistance)));
        return FromFit(fit, constantPhaseElement, terms, v => Math.Pow(v[0], 1 / v[1]) * Math.Pow((1 / v[2]) + (v.Length > 3 ? 1 / v[3] : 0), (v[1] - 1) / v[1]));
    }

    /// <summary>Q, α and the named resistances of a fit, checked: Q &gt; 0, α in (0, 1], each resistance &gt; 0.</summary>
    private static ParameterEstimate[] Terms(FitResult<CircuitModel> fit, string element, string elementArgument, params (string Name, string Argument)[] resistances)
    {
        ArgumentNullException.ThrowIfNull(element, elementArgument);
        var terms = new List<ParameterEstimate>
        {
            Find(fit, element + "_0", elementArgument, $"'{element}' is not a constant-phase element of the fit (no parameter {element}_0)"),
            Find(fit, element + "_1", elementArgument, $"'{element}' is not a constant-phase element of the fit (no parameter {element}_1)"),
        };
        foreach ((string name, string argument) in resistances)
        {
            ArgumentNullException.ThrowIfNull(name, argument);
            terms.Add(Find(fit, name, argument, $"the fit has no parameter '{name}'"));
        }

        q(terms[0]).CheckPositive(elementArgument);
        if (!(terms[1].Value > 0 && terms[1].Value <= 1))
        {
            throw new ArgumentOutOfRangeException(elementArgument, terms[1].Value, $"The exponent α of {element} is {Preconditions.Format(terms[1].Value)}; the effective capacitance needs α in (0, 1].");
        }

        for (int k = 2; k < terms.Count; k++)
        {
            q(terms[k]).CheckPositive(resistances[k - 2].Argument);
        }

        return [.. terms];

        static Measurement q(ParameterEstimate e) => new(e.Value, 0);
    }

    private static ParameterEstimate Find(FitResult<CircuitModel> fit, string name, string argument, string problem) =>
        fit.TryGetParameter(name, out ParameterEstimate estimate)
            ? estimate
            : throw new ArgumentException($"{problem}; its parameters are {fit.ParameterNames}.", argument);

    /// <summary>C_eff and its covariance-propagated SE: the gradient by central differences, then the delta method.</summary>
    private static ParameterEstimate FromFit(FitResult<CircuitModel> fit, string element, ParameterEstimate[] terms, Func<double[], double> formula)
    {
        double[] values = [.. terms.Select(t => t.Value)];
        double value = formula(values);
        var gradient = new double[terms.Length];
        for (int k = 0; k < terms.Length; k++)
        {
            double x = values[k];
            double h = 1e-6 * Math.Max(Math.Abs(x), 1e-12);
            values[k] = x + h;
            double up = formula(values);
            values[k] = x - h;
            double down = formula(values);
            values[k] = x;
            gradient[k] = (up - down) / (2 * h);
        }

        ParameterEstimate estimate = CircuitFitResults.Derived(fit, $"C_eff({element})", "F", value, terms, gradient);
        _ = new Measurement(estimate.Value, double.IsNaN(estimate.StandardError) ? 0 : estimate.StandardError).CheckedResult("The effective capacitance");
        return estimate;
    }

    private static double ChargeTransferSensitivity(double q, double a, double rs, double rct)
    {
        double h = 1e-6 * rct;
        double f(double r) => Math.Pow(q, 1 / a) * Math.Pow((1 / rs) + (1 / r), (a - 1) / a);
        return (f(rct + h) - f(rct - h)) / (2 * h);
    }

    /// <summary>Value and first-order uncertainty of f(q, α, r) by central differences, plus an extra independent term.</summary>
    private static Measurement Propagate(Func<double, double, double, double> f, Measurement q, Measurement alpha, Measurement r, double extra = 0)
    {
        double value = f(q.Value, alpha.Value, r.Value);
        double dq = Derivative(x => f(x, alpha.Value, r.Value), q.Value);
        double da = Derivative(x => f(q.Value, x, r.Value), alpha.Value);
        double dr = Derivative(x => f(q.Value, alpha.Value, x), r.Value);
        double variance = Square(dq * q.StandardUncertainty) + Square(da * alpha.StandardUncertainty) + Square(dr * r.StandardUncertainty) + Square(extra);
        return new Measurement(value, Math.Sqrt(variance)).CheckedResult("The effective capacitance");
    }

    private static double Derivative(Func<double, double> f, double x)
    {
        double h = 1e-6 * Math.Max(Math.Abs(x), 1e-12);
        return (f(x + h) - f(x - h)) / (2 * h);
    }

    private static double Square(double x) => x * x;

    private static void CheckAlpha(Measurement alpha)
    {
        if (!(alpha.Value > 0 && alpha.Value <= 1) || !(alpha.StandardUncertainty >= 0) || !double.IsFinite(alpha.StandardUncertainty))
        {
            throw new ArgumentOutOfRangeException(nameof(alpha), alpha.Value, $"alpha must lie in (0, 1] with a finite non-negative uncertainty but was {Preconditions.Format(alpha.Value)} ± {Preconditions.Format(alpha.StandardUncertainty)}.");
        }
    }
}
