using Electrochem.Transport;

namespace Electrochem.Impedance;

/// <summary>
/// The capacitance a constant-phase element stands for, Z_CPE = 1/(Q·(jω)^α) with Q in S·s^α (F·s^(α−1)) and
/// 0 &lt; α ≤ 1. Both formulas reduce to C = Q at α = 1. Uncertainties of the inputs are propagated to first order,
/// taken as independent (pass the fit's covariance-derived SEs; correlation between Q and α, usually strongly
/// negative, makes this conservative).
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
