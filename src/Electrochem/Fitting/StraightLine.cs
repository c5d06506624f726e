using System.Numerics.Tensors;

namespace Electrochem.Fitting;

/// <summary>
/// The weighted straight line y = a + b·x in closed form, computed about the weighted means in two vectorised
/// passes with no allocation: the kernel behind <see cref="LinearLeastSquares.FitLine"/> and the profile searches of
/// nonlinear models that are linear once one parameter is fixed.
/// </summary>
internal readonly record struct StraightLine(double Intercept, double Slope, double XMean, double Sxx, double WeightSum, double ChiSquare)
{
    /// <summary>True when the x values have no spread (relative to their size), so the slope is undefined.</summary>
    internal bool IsDegenerate => !(Sxx > 1e-28 * WeightSum * Math.Max(XMean * XMean, double.Epsilon));

    /// <param name="x">Abscissae.</param>
    /// <param name="y">Ordinates.</param>
    /// <param name="weights">Weights, or empty for unit weights.</param>
    /// <param name="scratch">Scratch space of x.Length values.</param>
    internal static StraightLine Solve(ReadOnlySpan<double> x, ReadOnlySpan<double> y, ReadOnlySpan<double> weights, Span<double> scratch)
    {
        int n = x.Length;
        Span<double> dx = scratch[..n];
        double weightSum = weights.IsEmpty ? n : TensorPrimitives.Sum(weights);
        double xMean = (weights.IsEmpty ? TensorPrimitives.Sum(x) : TensorPrimitives.Dot(weights, x)) / weightSum;
        double yMean = (weights.IsEmpty ? TensorPrimitives.Sum(y) : TensorPrimitives.Dot(weights, y)) / weightSum;
        TensorPrimitives.Subtract(x, xMean, dx);
        double sxx;
        double sxy;
        double syy;
        if (weights.IsEmpty)
        {
            sxx = TensorPrimitives.SumOfSquares<double>(dx);
            sxy = TensorPrimitives.Dot(dx, y) - (yMean * TensorPrimitives.Sum<double>(dx));
            syy = 0;
            for (int i = 0; i < n; i++)
            {
                double dy = y[i] - yMean;
                syy += dy * dy;
            }
        }
        else
        {
            sxx = 0;
            sxy = 0;
            syy = 0;
            for (int i = 0; i < n; i++)
            {
                double w = weights[i];
                double dy = y[i] - yMean;
                sxx += w * dx[i] * dx[i];
                sxy += w * dx[i] * dy;
                syy += w * dy * dy;
            }
        }

        double slope = sxy / sxx;
        double chiSquare = Math.Max(0, syy - (slope * sxy));
        return new StraightLine(yMean - (slope * xMean), slope, xMean, sxx, weightSum, chiSquare);
    }
}
