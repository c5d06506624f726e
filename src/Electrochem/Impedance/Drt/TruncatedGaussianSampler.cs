namespace Electrochem.Impedance.Drt;

/// <summary>
/// Draws from a multivariate normal N(m, FFᵀ) restricted to x ≥ 0 by exact Hamiltonian Monte Carlo (Pakman and
/// Paninski, J. Comput. Graph. Stat. 23 (2014) 518): in whitened coordinates x = m + Fz the particle moves on
/// z(t) = z·cos t + v·sin t for a time π/2 with fresh momentum v ~ N(0, I), and reflects off each wall xᵢ = 0 it reaches,
/// whose hitting time is known in closed form. Every move is accepted; consecutive draws are only weakly correlated.
/// Only Fz and Fv are tracked, so a draw costs one p×p product plus O(p) per reflection.
/// </summary>
internal sealed class TruncatedGaussianSampler
{
    private readonly double[] factor;
    private readonly double[] gram;
    private readonly double[] mean;
    private readonly int p;

    /// <summary>Prepares the sampler.</summary>
    /// <param name="factor">F, p×p row-major: row i maps z to xᵢ − mᵢ.</param>
    /// <param name="mean">m, the untruncated mean.</param>
    internal TruncatedGaussianSampler(double[] factor, double[] mean)
    {
        p = mean.Length;
        this.factor = factor;
        this.mean = mean;
        gram = new double[p * p];
        for (int i = 0; i < p; i++)
        {
            for (int j = 0; j <= i; j++)
            {
                double sum = 0;
                for (int k = 0; k < p; k++)
                {
                    sum += factor[(i * p) + k] * factor[(j * p) + k];
                }

                gram[(i * p) + j] = sum;
                gram[(j * p) + i] = sum;
            }
        }
    }

    /// <summary>Draws <paramref name="count"/> points after <paramref name="burnIn"/> discarded ones, starting from a feasible point.</summary>
    /// <param name="start">x₀ with every xᵢ ≥ 0 (strictly inside is best).</param>
    /// <param name="count">The draws to return.</param>
    /// <param name="burnIn">The draws to discard first.</param>
    /// <param name="random">The random source (seeded by the caller for reproducibility).</param>
    /// <param name="each">Receives each kept draw (the span is reused).</param>
    /// <param name="cancellationToken">Checked every draw.</param>
    /// <returns>The number of wall reflections made.</returns>
    internal long Sample(ReadOnlySpan<double> start, int count, int burnIn, Random random, Action<ReadOnlySpan<double>> each, CancellationToken cancellationToken)
    {
        double[] a = new double[p];   // F·z = x − m
        double[] b = new double[p];   // F·v
        double[] v = new double[p];
        double[] x = new double[p];
        for (int i = 0; i < p; i++)
        {
            a[i] = start[i] - mean[i];
        }

        long reflections = 0;
        for (int draw = 0; draw < burnIn + count; draw++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            for (int k = 0; k < p; k++)
            {
                v[k] = Normal(random);
            }

            for (int i = 0; i < p; i++)
            {
                double sum = 0;
                ReadOnlySpan<double> row = factor.AsSpan(i * p, p);
                for (int k = 0; k < p; k++)
                {
                    sum += row[k] * v[k];
                }

                b[i] = sum;
            }

            double remaining = Math.PI / 2;
            int lastWall = -1;
            for (int bounce = 0; bounce < 100 * p; bounce++)
            {
                int wall = -1;
                double hit = remaining;
                for (int i = 0; i < p; i++)
                {
                    double u = Math.Sqrt((a[i] * a[i]) + (b[i] * b[i]));
                    double g = mean[i];
                    if (!(u > Math.Abs(g)))
                    {
                        continue;
                    }

                    double t = Math.Atan2(b[i], a[i]) + Math.Acos(-g / u);
                    t = t < 0 ? t + (2 * Math.PI) : t >= 2 * Math.PI ? t - (2 * Math.PI) : t;
                    if ((i == lastWall && t < 1e-9) || t <= 0)
                    {
                        continue;
                    }

                    if (t < hit)
                    {
                        hit = t;
                        wall = i;
                    }
                }

                double cos = Math.Cos(hit);
                double sin = Math.Sin(hit);
                for (int i = 0; i < p; i++)
                {
                    double ai = a[i];
                    a[i] = (ai * cos) + (b[i] * sin);
                    b[i] = (b[i] * cos) - (ai * sin);
                }

                remaining -= hit;
                if (wall < 0)
                {
                    break;
                }

                // Reflect the velocity off the wall: v ← v − 2(fᵀv/fᵀf)·f, so F·v ← F·v − 2(bᵢ/Gᵢᵢ)·G[:, i].
                reflections++;
                a[wall] = -mean[wall];
                double alpha = 2 * b[wall] / gram[(wall * p) + wall];
                for (int k = 0; k < p; k++)
                {
                    b[k] -= alpha * gram[(k * p) + wall];
                }

                lastWall = wall;
            }

            if (draw >= burnIn)
            {
                for (int i = 0; i < p; i++)
                {
                    x[i] = Math.Max(mean[i] + a[i], 0);
                }

                each(x);
            }
        }

        return reflections;
    }

    /// <summary>A standard normal draw by the Box–Muller transform.</summary>
    private static double Normal(Random random)
    {
        double u1 = 1 - random.NextDouble();
        double u2 = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
