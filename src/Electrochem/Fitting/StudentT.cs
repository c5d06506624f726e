namespace Electrochem.Fitting;

/// <summary>Quantiles of Student's t distribution for confidence intervals.</summary>
internal static class StudentT
{
    /// <summary>t such that P(|T| ≤ t) = level for ν degrees of freedom; NaN when ν ≤ 0.</summary>
    internal static double Quantile(int degreesOfFreedom, double level)
    {
        if (degreesOfFreedom <= 0)
        {
            return double.NaN;
        }

        return MathNet.Numerics.Distributions.StudentT.InvCDF(0, 1, degreesOfFreedom, 0.5 + (level / 2));
    }

    /// <summary>
    /// The critical value of a two-sided interval at <paramref name="level"/>: Student's t(ν) when the residual scale is
    /// estimated from the fit (relative weights), the normal z when the weights are absolute (σ known, covariance not
    /// rescaled by χ²/ν), whatever ν is.
    /// </summary>
    internal static double CriticalValue(int degreesOfFreedom, double level, bool weightsAreAbsolute) =>
        weightsAreAbsolute ? MathNet.Numerics.Distributions.Normal.InvCDF(0, 1, 0.5 + (level / 2)) : Quantile(degreesOfFreedom, level);
}
