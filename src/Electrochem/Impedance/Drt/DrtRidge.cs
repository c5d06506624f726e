using Electrochem.Fitting;
using System.Numerics.Tensors;

namespace Electrochem.Impedance.Drt;

/// <summary>
/// The unconstrained ridge problem min ‖b − Ax‖² + λ·xᵀMx diagonalised once for every λ: with B = AᵀA + sM = LLᵀ and
/// L⁻¹AᵀAL⁻ᵀ = QΘQᵀ, AᵀA + λM = LQ·diag(dᵢ)·QᵀLᵀ with dᵢ = θᵢ + λ(1 − θᵢ)/s. With c = QᵀL⁻¹Aᵀb the residual, the
/// penalty and the traces of the influence matrix K = A(AᵀA + λM)⁻¹Aᵀ are sums over i, O(p) per λ:
/// ‖b − Ax‖² = bᵀb − Σcᵢ²(θᵢ + 2λμᵢ)/dᵢ², xᵀMx = Σμᵢcᵢ²/dᵢ², tr K = Σθᵢ/dᵢ, tr K² = Σ(θᵢ/dᵢ)², μᵢ = (1 − θᵢ)/s.
/// </summary>
internal sealed class DrtRidge
{
    private readonly double[] theta;
    private readonly double[] mu;
    private readonly double[] c2;
    private readonly double btb;

    private DrtRidge(double[] theta, double[] mu, double[] c2, double btb, int rows)
    {
        this.theta = theta;
        this.mu = mu;
        this.c2 = c2;
        this.btb = btb;
        Rows = rows;
    }

    /// <summary>The number of data values fitted (N).</summary>
    internal int Rows { get; }

    /// <summary>Diagonalises the problem; null when AᵀA + sM is not positive definite (a column that neither the data nor the penalty determines).</summary>
    /// <param name="ata">AᵀA, p×p row-major (ideally column-scaled).</param>
    /// <param name="penalty">M, p×p row-major, scaled like AᵀA.</param>
    /// <param name="atb">Aᵀb.</param>
    /// <param name="btb">bᵀb.</param>
    /// <param name="rows">N, the number of data values.</param>
    internal static DrtRidge? Create(ReadOnlySpan<double> ata, ReadOnlySpan<double> penalty, ReadOnlySpan<double> atb, double btb, int rows)
    {
        int p = atb.Length;
        double traceA = 0;
        double traceM = 0;
        for (int i = 0; i < p; i++)
        {
            traceA += ata[(i * p) + i];
            traceM += penalty[(i * p) + i];
        }

        double s = traceM > 0 ? traceA / traceM : 1;
        double[] l = new double[p * p];
        TensorPrimitives.MultiplyAdd(penalty, s, ata, l);
        if (!DenseAlgebra.Cholesky(l, p))
        {
            return null;
        }

        // S = L⁻¹·AᵀA·L⁻ᵀ: X = L⁻¹·AᵀA by rows, then S = L⁻¹·Xᵀ; symmetrised against rounding.
        double[] x = ForwardRows(l, ata, p);
        double[] transposed = new double[p * p];
        for (int i = 0; i < p; i++)
        {
            for (int j = 0; j < p; j++)
            {
                transposed[(j * p) + i] = x[(i * p) + j];
            }
        }

        double[] sMatrix = ForwardRows(l, transposed, p);
        for (int i = 0; i < p; i++)
        {
            for (int j = 0; j < i; j++)
            {
                double mean = (sMatrix[(i * p) + j] + sMatrix[(j * p) + i]) / 2;
                sMatrix[(i * p) + j] = mean;
                sMatrix[(j * p) + i] = mean;
            }
        }

        double[] c = ForwardRows(l, atb, p, 1);
        double[] theta = new double[p];
        if (!SymmetricEigen.Decompose(sMatrix, p, theta, c))
        {
            return null;
        }

        double[] mu = new double[p];
        for (int i = 0; i < p; i++)
        {
            theta[i] = Math.Clamp(theta[i], 0, 1);
            mu[i] = (1 - theta[i]) / s;
            c[i] *= c[i];
        }

        return new DrtRidge(theta, mu, c, btb, rows);
    }

    /// <summary>‖b − Ax(λ)‖² of the unconstrained ridge solution (≥ 0).</summary>
    internal double Residual(double lambda)
    {
        double sum = 0;
        for (int i = 0; i < theta.Length; i++)
        {
            double d = theta[i] + (lambda * mu[i]);
            sum += d > 0 ? c2[i] * (theta[i] + (2 * lambda * mu[i])) / (d * d) : 0;
        }

        return Math.Max(btb - sum, 0);
    }

    /// <summary>tr K(λ), the effective number of parameters.</summary>
    internal double Trace(double lambda)
    {
        double sum = 0;
        for (int i = 0; i < theta.Length; i++)
        {
            double d = theta[i] + (lambda * mu[i]);
            sum += d > 0 ? theta[i] / d : 0;
        }

        return sum;
    }

    /// <summary>tr K(λ)².</summary>
    internal double TraceOfSquare(double lambda)
    {
        double sum = 0;
        for (int i = 0; i < theta.Length; i++)
        {
            double d = theta[i] + (lambda * mu[i]);
            double k = d > 0 ? theta[i] / d : 0;
            sum += k * k;
        }

        return sum;
    }

    /// <summary>
    /// The curvature of the L-curve (ln ‖b − Ax‖², ln xᵀMx) at λ, positive at its corner (Hansen and O'Leary 1993), from
    /// η = xᵀMx, η′ = −2Σμ²c²/d³, η″ = 6Σμ³c²/d⁴, ρ′ = −λη′, ρ″ = −η′ − λη″ (derivatives in λ).
    /// </summary>
    internal double Curvature(double lambda)
    {
        double eta = 0;
        double eta1 = 0;
        double eta2 = 0;
        for (int i = 0; i < theta.Length; i++)
        {
            double d = theta[i] + (lambda * mu[i]);
            if (!(d > 0))
            {
                continue;
            }

            double term = mu[i] * c2[i] / (d * d);
            eta += term;
            eta1 -= 2 * term * mu[i] / d;
            eta2 += 6 * term * mu[i] * mu[i] / (d * d);
        }

        double rho = Residual(lambda);
        if (!(rho > 0) || !(eta > 0))
        {
            return 0;
        }

        double rho1 = -lambda * eta1;
        double rho2 = -eta1 - (lambda * eta2);

        // f = ln ρ, g = ln η as functions of t = ln λ.
        double f1 = lambda * rho1 / rho;
        double g1 = lambda * eta1 / eta;
        double f2 = f1 + (lambda * lambda * rho2 / rho) - (f1 * f1);
        double g2 = g1 + (lambda * lambda * eta2 / eta) - (g1 * g1);
        double speed = (f1 * f1) + (g1 * g1);
        return speed > 0 ? ((f1 * g2) - (f2 * g1)) / Math.Pow(speed, 1.5) : 0;
    }

    /// <summary>Solves L·X = B for X row by row (B with <paramref name="columns"/> columns, row-major).</summary>
    private static double[] ForwardRows(double[] l, ReadOnlySpan<double> b, int p, int columns = -1)
    {
        int width = columns < 0 ? p : columns;
        double[] x = b[..(p * width)].ToArray();
        for (int i = 0; i < p; i++)
        {
            Span<double> row = x.AsSpan(i * width, width);
            for (int k = 0; k < i; k++)
            {
                double lik = l[(i * p) + k];
                if (lik != 0)
                {
                    TensorPrimitives.MultiplyAdd(x.AsSpan(k * width, width), -lik, row, row);
                }
            }

            TensorPrimitives.Divide(row, l[(i * p) + i], row);
        }

        return x;
    }
}
