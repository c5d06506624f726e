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
}
