using Electrochem.Impedance.Drt;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Electrochem.Tests.Impedance.Drt;

/// <summary>The non-negative quadratic solve meets the Karush–Kuhn–Tucker conditions on random positive-definite problems.</summary>
public sealed class NonNegativeQuadraticTests
{
    [Property(MaxTest = 300)]
    public Property The_solution_meets_the_optimality_conditions(int seed)
    {
        var random = new Random(seed);
        int n = 1 + random.Next(40);
        int rows = n + random.Next(20);
        double[] a = [.. Enumerable.Range(0, rows * n).Select(_ => random.NextDouble() - 0.5)];
        double[] h = new double[n * n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                double sum = i == j ? 1e-3 : 0;
                for (int r = 0; r < rows; r++)
                {
                    sum += a[(r * n) + i] * a[(r * n) + j];
                }

                h[(i * n) + j] = sum;
            }
        }

        double[] g = [.. Enumerable.Range(0, n).Select(_ => (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-3, 4)))];
        double[] x = new double[n];
        int iterations = NonNegativeQuadratic.Solve(h, g, x, 3 * n);
        double scale = g.Max(Math.Abs) + 1e-300;
        bool ok = iterations >= 0;
        for (int i = 0; i < n && ok; i++)
        {
            double w = g[i];
            for (int k = 0; k < n; k++)
            {
                w -= h[(i * n) + k] * x[k];
            }

            ok = x[i] >= 0 && (x[i] > 0 ? Math.Abs(w) < 1e-7 * scale : w < 1e-7 * scale);
        }

        return ok.Label($"n = {n}, iterations {iterations}");
    }
}
