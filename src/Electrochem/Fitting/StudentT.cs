using MathNet.Numerics;

namespace Electrochem.Fitting;

/// <summary>Quantiles of Student's t distribution for confidence intervals.</summary>
internal static class StudentT
{
    private const int MaximumNewtonSteps = 20;

    /// <summary>
    /// From this ν on the Cornish–Fisher expansion alone is exact to rounding (its first omitted term, ~ z¹¹/(250ν⁵),
    /// is below 10⁻¹⁶·t for |z| ≤ 6, i.e. levels up to 1 − 2·10⁻⁹), while the incomplete beta function with
    /// a = ν/2 that large loses digits.
    /// </summary>
    private const int ExpansionExactFrom = 5_000;

    /// <summary>
    /// t such that P(|T| ≤ t) = level for ν degrees of freedom; NaN when ν ≤ 0. Exact for ν = 1 (t = tan(π·level/2))
    /// and ν = 2 (t = level/√((1 − level²)/2)); from ν = 5,000 the Cornish–Fisher expansion about the normal quantile;
    /// otherwise Newton's method on the upper tail Q(t) = ½·I_{ν/(ν+t²)}(ν/2, ½) = (1 − level)/2 from that expansion,
    /// to rounding (a step below 10⁻¹⁵·t) in two or three steps, as accurate as the incomplete beta function (about
    /// 10⁻¹³ relative). Every fit's intervals use it: a general-purpose inverse (root-bracketing on the CDF) took a
    /// fifth of a circuit fit's time.
    /// </summary>
    internal static double Quantile(int degreesOfFreedom, double level)
    {
        if (degreesOfFreedom <= 0)
        {
            return double.NaN;
        }

        double nu = degreesOfFreedom;
        double tail = (1 - level) / 2;
        if (degreesOfFreedom == 1)
        {
            return Math.Tan(Math.PI * level / 2);
        }

        if (degreesOfFreedom == 2)
        {
            return level / Math.Sqrt((1 - (level * level)) / 2);
        }

        double t = CornishFisher(NormalQuantile(level), nu);
        if (degreesOfFreedom >= ExpansionExactFrom)
        {
            return t;
        }

        // The density's constant Γ((ν+1)/2) / (√(νπ)·Γ(ν/2)), in logs.
        double logScale = SpecialFunctions.GammaLn((nu + 1) / 2) - SpecialFunctions.GammaLn(nu / 2) - (0.5 * Math.Log(nu * Math.PI));
        double previous = double.PositiveInfinity;
        for (int step = 0; step < MaximumNewtonSteps; step++)
        {
            double upper = 0.5 * SpecialFunctions.BetaRegularized(nu / 2, 0.5, nu / (nu + (t * t)));
            double density = Math.Exp(logScale - ((nu + 1) / 2 * Math.Log(1 + (t * t / nu))));
            double change = (upper - tail) / density;
            if (!double.IsFinite(change))
            {
                break;
            }

            if (Math.Abs(change) > previous / 2 && step > 1)
            {
                // No longer converging quadratically: the steps are the incomplete beta function's rounding.
                return t;
            }

            t += change;
            previous = Math.Abs(change);
            if (previous <= 1e-15 * Math.Abs(t))
            {
                return t;
            }
        }

        return MathNet.Numerics.Distributions.StudentT.InvCDF(0, 1, degreesOfFreedom, 0.5 + (level / 2));
    }

    /// <summary>
    /// The critical value of a two-sided interval at <paramref name="level"/>: Student's t(ν) when the residual scale is
    /// estimated from the fit (relative weights), the normal z when the weights are absolute (σ known, covariance not
    /// rescaled by χ²/ν), whatever ν is.
    /// </summary>
    internal static double CriticalValue(int degreesOfFreedom, double level, bool weightsAreAbsolute) =>
        weightsAreAbsolute ? NormalQuantile(level) : Quantile(degreesOfFreedom, level);

    /// <summary>
    /// z such that P(|Z| ≤ z) = level: √2·erfc⁻¹(1 − level). Formed from 1 − level (exact for level ≥ ½), not from
    /// ½ + level/2, whose rounding would cost z ten digits' worth of relative accuracy at level = 0.999999.
    /// </summary>
    internal static double NormalQuantile(double level) => Math.Sqrt(2) * SpecialFunctions.ErfcInv(1 - level);

    /// <summary>The Cornish–Fisher expansion of t(ν) about the normal quantile z to order ν⁻⁴ (Abramowitz and Stegun 26.7.5).</summary>
    private static double CornishFisher(double z, double nu)
    {
        double z2 = z * z;
        double g1 = ((z2 + 1) * z) / 4;
        double g2 = ((((5 * z2) + 16) * z2) + 3) * z / 96;
        double g3 = ((((((3 * z2) + 19) * z2) + 17) * z2) - 15) * z / 384;
        double g4 = ((((((((79 * z2) + 776) * z2) + 1482) * z2) - 1920) * z2) - 945) * z / 92160;
        return z + (g1 / nu) + (g2 / (nu * nu)) + (g3 / (nu * nu * nu)) + (g4 / (nu * nu * nu * nu));
    }
}
