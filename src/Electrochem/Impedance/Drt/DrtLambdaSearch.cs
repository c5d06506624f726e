using System.Collections.Immutable;
using Electrochem.Fitting;

namespace Electrochem.Impedance.Drt;

/// <summary>
/// Chooses λ by minimising a criterion over ln λ: 10 values per decade from 10⁻⁷ to 1, then a golden-section search in
/// the interval around the best of them (to 10⁻⁴ in ln λ). The criteria use the unconstrained ridge problem (their
/// usual definition); the DRT itself is then solved with γ ≥ 0.
/// </summary>
internal static class DrtLambdaSearch
{
    internal const double MinimumLambda = 1e-7;
    internal const double MaximumLambda = 1;

    /// <summary>λ by generalised cross-validation, and the scores tried.</summary>
    /// <param name="ata">AᵀA, p×p.</param>
    /// <param name="atb">Aᵀb.</param>
    /// <param name="b">The data (Z′ then Z″).</param>
    /// <param name="penalty">M, p×p.</param>
    /// <param name="p">The number of unknowns.</param>
    internal static (double Lambda, ImmutableArray<DrtCriterionPoint> Curve) Gcv(double[] ata, double[] atb, double[] b, double[] penalty, int p)
    {
        int rows = b.Length;
        double btb = 0;
        foreach (double v in b)
        {
            btb += v * v;
        }

        // Columns scaled to unit diagonal of AᵀA (R_∞, L₀ and the basis differ by orders of magnitude); the influence
        // matrix, hence the score, does not change.
        double[] scale = new double[p];
        for (int i = 0; i < p; i++)
        {
            scale[i] = ata[(i * p) + i] > 0 ? 1 / Math.Sqrt(ata[(i * p) + i]) : 1;
        }

        double[] a = new double[p * p];
        double[] m = new double[p * p];
        double[] c = new double[p];
        for (int i = 0; i < p; i++)
        {
            c[i] = atb[i] * scale[i];
            for (int j = 0; j < p; j++)
            {
                a[(i * p) + j] = ata[(i * p) + j] * scale[i] * scale[j];
                m[(i * p) + j] = penalty[(i * p) + j] * scale[i] * scale[j];
            }
        }

        double[] h = new double[p * p];
        double[] x = new double[p];
        double[] column = new double[p];
        double Score(double logLambda)
        {
            double lambda = Math.Exp(logLambda);
            for (int i = 0; i < h.Length; i++)
            {
                h[i] = a[i] + (lambda * m[i]);
            }

            if (!DenseAlgebra.Cholesky(h, p))
            {
                return double.PositiveInfinity;
            }

            c.CopyTo(x, 0);
            DenseAlgebra.CholeskySolve(h, p, x);

            // ‖b − Ax‖² = bᵀb − 2xᵀAᵀb + xᵀAᵀAx; tr K = tr((AᵀA + λM)⁻¹AᵀA).
            double residual = btb;
            double trace = 0;
            for (int i = 0; i < p; i++)
            {
                double ax = 0;
                for (int j = 0; j < p; j++)
                {
                    ax += a[(i * p) + j] * x[j];
                    column[j] = a[(j * p) + i];
                }

                residual += (x[i] * ax) - (2 * x[i] * c[i]);
                DenseAlgebra.CholeskySolve(h, p, column);
                trace += column[i];
            }

            double free = rows - trace;
            return rows * Math.Max(residual, 0) / (free * free);
        }

        var curve = new List<DrtCriterionPoint>();
        double low = Math.Log(MinimumLambda);
        double high = Math.Log(MaximumLambda);
        int steps = (int)Math.Round((high - low) / Math.Log(10) * 10);
        int best = 0;
        double[] scores = new double[steps + 1];
        for (int k = 0; k <= steps; k++)
        {
            double logLambda = low + ((high - low) * k / steps);
            scores[k] = Score(logLambda);
            curve.Add(new DrtCriterionPoint(Math.Exp(logLambda), scores[k]));
            if (scores[k] < scores[best])
            {
                best = k;
            }
        }

        double left = low + ((high - low) * Math.Max(best - 1, 0) / steps);
        double right = low + ((high - low) * Math.Min(best + 1, steps) / steps);
        double golden = (Math.Sqrt(5) - 1) / 2;
        double x1 = right - (golden * (right - left));
        double x2 = left + (golden * (right - left));
        double f1 = Score(x1);
        double f2 = Score(x2);
        while (right - left > 1e-4)
        {
            if (f1 <= f2)
            {
                right = x2;
                x2 = x1;
                f2 = f1;
                x1 = right - (golden * (right - left));
                f1 = Score(x1);
            }
            else
            {
                left = x1;
                x1 = x2;
                f1 = f2;
                x2 = left + (golden * (right - left));
                f2 = Score(x2);
            }
        }

        double chosen = f1 <= f2 ? x1 : x2;
        double chosenScore = Math.Min(f1, f2);
        if (chosenScore > scores[best])
        {
            chosen = low + ((high - low) * best / steps);
            chosenScore = scores[best];
        }

        curve.Add(new DrtCriterionPoint(Math.Exp(chosen), chosenScore));
        return (Math.Exp(chosen), [.. curve.OrderBy(point => point.Lambda)]);
    }
}
