using System.Buffers;
using System.Collections.Immutable;
using System.Numerics.Tensors;

namespace Electrochem.Fitting;

/// <summary>
/// Weighted linear least squares: minimises χ² = Σ wᵢ (yᵢ − Σⱼ βⱼ Xᵢⱼ)² exactly (no iteration), with covariance,
/// standard errors, Student-t confidence intervals, R² and residuals in a <see cref="FitResult"/>.
/// Unit-transparent: parameters carry whatever units x and y have.
/// </summary>
public static class LinearLeastSquares
{
    private static readonly ParameterDefinition DefaultIntercept = new("Intercept", string.Empty);
    private static readonly ParameterDefinition DefaultSlope = new("Slope", string.Empty);

    /// <summary>
    /// Fits the straight line y = a + b·x. With W = Σwᵢ, x̄ = Σwᵢxᵢ/W, ȳ = Σwᵢyᵢ/W, Sxx = Σwᵢ(xᵢ−x̄)² and
    /// Sxy = Σwᵢ(xᵢ−x̄)(yᵢ−ȳ): b = Sxy/Sxx, a = ȳ − b·x̄, Var b = s²/Sxx, Var a = s²(1/W + x̄²/Sxx),
    /// Cov(a, b) = −s²·x̄/Sxx, with s² = χ²/(N−2) (or 1 for absolute weights). Sums are taken about the weighted
    /// means, so data far from the origin (such as 1/T) lose no precision.
    /// </summary>
    /// <param name="x">Abscissae.</param>
    /// <param name="y">Ordinates, same length as <paramref name="x"/>.</param>
    /// <param name="weights">Weights wᵢ &gt; 0 (e.g. 1/σᵢ²), or empty for unit weights.</param>
    /// <param name="options">Confidence level and weight interpretation; null for defaults.</param>
    /// <param name="intercept">Name and unit of a; null for <c>"Intercept"</c>.</param>
    /// <param name="slope">Name and unit of b; null for <c>"Slope"</c>.</param>
    /// <returns>The fit, parameters in the order intercept, slope. Its status is always <see cref="FitStatus.Converged"/>.</returns>
    /// <exception cref="ArgumentException">Lengths differ, fewer than 3 points, a value is NaN or infinite, a weight is not positive, or all x are equal.</exception>
    /// <example><code>var line = LinearLeastSquares.FitLine([1.0, 2, 3, 4], [2.1, 3.9, 6.2, 7.8]);
    /// double slope = line["Slope"].Value;</code></example>
    public static FitResult FitLine(
        ReadOnlySpan<double> x,
        ReadOnlySpan<double> y,
        ReadOnlySpan<double> weights = default,
        LinearFitOptions? options = null,
        ParameterDefinition? intercept = null,
        ParameterDefinition? slope = null)
    {
        options ??= LinearFitOptions.Default;
        options.Validate();
        Preconditions.CheckSameLength(x.Length, y.Length, nameof(x), nameof(y));
        Preconditions.CheckMinimumCount(x.Length, 3, nameof(x), "a straight line has 2 parameters and needs at least one more point to estimate its uncertainty");
        Preconditions.CheckAllFinite(x, nameof(x));
        Preconditions.CheckAllFinite(y, nameof(y));
        FitResultBuilder.ValidateWeights(weights, x.Length, nameof(weights));

        int n = x.Length;
        double[] rented = ArrayPool<double>.Shared.Rent(n);
        try
        {
            StraightLine line = StraightLine.Solve(x, y, weights, rented.AsSpan(0, n));
            if (line.IsDegenerate)
            {
                throw new ArgumentException($"All {n} x values are equal (x = {Preconditions.Format(x[0])}); a straight line needs at least two distinct x values.", nameof(x));
            }

            double a = line.Intercept;
            double b = line.Slope;
            double xMean = line.XMean;
            double sxx = line.Sxx;
            double weightSum = line.WeightSum;
            var residuals = new double[n];
            for (int i = 0; i < n; i++)
            {
                residuals[i] = y[i] - (a + (b * x[i]));
            }

            ReadOnlySpan<double> inverseNormal = [(1 / weightSum) + (xMean * xMean / sxx), -xMean / sxx, -xMean / sxx, 1 / sxx];
            ImmutableArray<ParameterDefinition> definitions = [intercept ?? DefaultIntercept, slope ?? DefaultSlope];
            return FitResultBuilder.Build(
                definitions,
                [a, b],
                [false, false],
                [BoundState.Interior, BoundState.Interior],
                [0, 1],
                inverseNormal,
                residuals,
                y,
                weights,
                2,
                (options.ConfidenceLevel, options.WeightsAreAbsolute),
                FitStatus.Converged,
                "solved exactly (weighted straight line about the weighted means)",
                0);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(rented);
        }
    }

    /// <summary>
    /// Fits y = X·β for a general design matrix X (N×P, column-major: element (i, j) at <c>design[j·N + i]</c>) by
    /// Householder QR of √W·X with columns scaled to unit length, which avoids squaring the condition number.
    /// Covariance s²·(XᵀWX)⁻¹ = s²·R⁻¹R⁻ᵀ.
    /// </summary>
    /// <param name="design">The design matrix, column-major, N·P values.</param>
    /// <param name="y">Observations, N values.</param>
    /// <param name="parameters">Names and units of the P coefficients (bounds are ignored: the fit is unconstrained).</param>
    /// <param name="weights">Weights, or empty for unit weights.</param>
    /// <param name="options">Confidence level and weight interpretation; null for defaults.</param>
    /// <returns>
    /// The fit; <see cref="FitStatus.SingularJacobian"/> (with NaN estimates) when a column is a linear combination
    /// of the others to within a condition number of about 10⁷ on the unit-scaled columns.
    /// </returns>
    /// <exception cref="ArgumentException">Sizes disagree, N ≤ P, a value is not finite or a weight not positive.</exception>
    public static FitResult Fit(
        ReadOnlySpan<double> design,
        ReadOnlySpan<double> y,
        ImmutableArray<ParameterDefinition> parameters,
        ReadOnlySpan<double> weights = default,
        LinearFitOptions? options = null)
    {
        options ??= LinearFitOptions.Default;
        options.Validate();
        if (parameters.IsDefaultOrEmpty)
        {
            throw new ArgumentException("At least one parameter is needed.", nameof(parameters));
        }

        int p = parameters.Length;
        int n = y.Length;
        Preconditions.CheckMinimumCount(n, p + 1, nameof(y), $"{p} parameters need at least {p + 1} observations to estimate their uncertainty");
        Preconditions.CheckSameLength(checked(n * p), design.Length, "N·P (observations × parameters)", nameof(design));
        Preconditions.CheckAllFinite(design, nameof(design));
        Preconditions.CheckAllFinite(y, nameof(y));
        FitResultBuilder.ValidateWeights(weights, n, nameof(weights));

        double[] a = ArrayPool<double>.Shared.Rent(n * p);
        double[] b = ArrayPool<double>.Shared.Rent(n);
        double[] v = ArrayPool<double>.Shared.Rent(n);
        try
        {
            Span<double> qr = a.AsSpan(0, n * p);
            Span<double> rhs = b.AsSpan(0, n);
            design.CopyTo(qr);
            y.CopyTo(rhs);
            if (!weights.IsEmpty)
            {
                double[] sqrtW = v;
                TensorPrimitives.Sqrt(weights, sqrtW.AsSpan(0, n));
                for (int j = 0; j < p; j++)
                {
                    TensorPrimitives.Multiply(qr.Slice(j * n, n), sqrtW.AsSpan(0, n), qr.Slice(j * n, n));
                }

                TensorPrimitives.Multiply(rhs, sqrtW.AsSpan(0, n), rhs);
            }

            Span<double> columnScale = stackalloc double[p];
            int singularColumn = -1;
            for (int j = 0; j < p && singularColumn < 0; j++)
            {
                double norm = TensorPrimitives.Norm<double>(qr.Slice(j * n, n));
                if (!(norm > 0))
                {
                    singularColumn = j;
                    break;
                }

                columnScale[j] = norm;
                TensorPrimitives.Divide(qr.Slice(j * n, n), norm, qr.Slice(j * n, n));
            }

            for (int k = 0; k < p && singularColumn < 0; k++)
            {
                Span<double> column = qr.Slice((k * n) + k, n - k);
                double norm = TensorPrimitives.Norm<double>(column);
                if (!(norm > Math.Sqrt(DenseAlgebra.SingularPivot)))
                {
                    singularColumn = k;
                    break;
                }

                double alpha = column[0] > 0 ? -norm : norm;
                Span<double> reflector = v.AsSpan(0, n - k);
                column.CopyTo(reflector);
                reflector[0] -= alpha;
                double reflectorNorm2 = TensorPrimitives.SumOfSquares<double>(reflector);
                for (int j = k + 1; j < p; j++)
                {
                    Reflect(reflector, reflectorNorm2, qr.Slice((j * n) + k, n - k));
                }

                Reflect(reflector, reflectorNorm2, rhs.Slice(k, n - k));
                column[0] = alpha;
            }

            if (singularColumn >= 0)
            {
                return SingularResult(parameters, y, weights, options, singularColumn);
            }

            // R is upper triangular: R[i, j] = qr[j·n + i] for i ≤ j. Solve R·β' = (Qᵀy)[0..p).
            Span<double> beta = stackalloc double[p];
            for (int i = p - 1; i >= 0; i--)
            {
                double sum = rhs[i];
                for (int j = i + 1; j < p; j++)
                {
                    sum -= qr[(j * n) + i] * beta[j];
                }

                beta[i] = sum / qr[(i * n) + i];
            }

            // R⁻¹ (upper triangular), then (RᵀR)⁻¹ = R⁻¹R⁻ᵀ, undoing the column scaling.
            Span<double> rInverse = stackalloc double[p * p];
            rInverse.Clear();
            for (int j = 0; j < p; j++)
            {
                rInverse[(j * p) + j] = 1 / qr[(j * n) + j];
                for (int i = j - 1; i >= 0; i--)
                {
                    double sum = 0;
                    for (int m = i + 1; m <= j; m++)
                    {
                        sum += qr[(m * n) + i] * rInverse[(m * p) + j];
                    }

                    rInverse[(i * p) + j] = -sum / qr[(i * n) + i];
                }
            }

            var inverseNormal = new double[p * p];
            for (int i = 0; i < p; i++)
            {
                for (int j = 0; j < p; j++)
                {
                    double sum = 0;
                    for (int m = Math.Max(i, j); m < p; m++)
                    {
                        sum += rInverse[(i * p) + m] * rInverse[(j * p) + m];
                    }

                    inverseNormal[(i * p) + j] = sum / (columnScale[i] * columnScale[j]);
                }
            }

            for (int j = 0; j < p; j++)
            {
                beta[j] /= columnScale[j];
            }

            var residuals = y.ToArray();
            for (int j = 0; j < p; j++)
            {
                TensorPrimitives.MultiplyAdd(design.Slice(j * n, n), -beta[j], residuals, residuals);
            }

            var isFixed = new bool[p];
            var bounds = new BoundState[p];
            var indices = Enumerable.Range(0, p).ToArray();
            return FitResultBuilder.Build(parameters, beta, isFixed, bounds, indices, inverseNormal, residuals, y, weights, p,
                (options.ConfidenceLevel, options.WeightsAreAbsolute), FitStatus.Converged, "solved exactly (Householder QR)", 0);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(a);
            ArrayPool<double>.Shared.Return(b);
            ArrayPool<double>.Shared.Return(v);
        }
    }

    /// <summary>Applies the Householder reflection H = I − 2vvᵀ/‖v‖² to <paramref name="target"/> in place.</summary>
    private static void Reflect(ReadOnlySpan<double> reflector, double reflectorNorm2, Span<double> target)
    {
        double factor = -2 * TensorPrimitives.Dot(reflector, target) / reflectorNorm2;
        TensorPrimitives.MultiplyAdd(reflector, factor, target, target);
    }

    private static FitResult SingularResult(ImmutableArray<ParameterDefinition> parameters, ReadOnlySpan<double> y, ReadOnlySpan<double> weights, LinearFitOptions options, int column)
    {
        int p = parameters.Length;
        var values = new double[p];
        Array.Fill(values, double.NaN);
        var residuals = new double[y.Length];
        Array.Fill(residuals, double.NaN);
        return FitResultBuilder.Build(parameters, values, new bool[p], new BoundState[p], [], [], residuals, y, weights, p,
            (options.ConfidenceLevel, options.WeightsAreAbsolute), FitStatus.SingularJacobian,
            $"the design matrix is rank-deficient: column '{parameters[column].Name}' is (nearly) a linear combination of the columns before it, so the coefficients are not determined by the data",
            0);
    }
}
