namespace Electrochem.Fitting;

/// <summary>
/// The 10-point Gauss–Legendre rule on [−1, 1]: nodes and weights computed once by Newton's method on P₁₀ (exact for
/// polynomials to degree 19; on a panel of half-width h an integrand analytic within distance d of it converges like
/// ρ⁻²⁰ with ρ = d/h + √((d/h)² + 1)).
/// </summary>
internal static class GaussLegendre
{
    /// <summary>The number of nodes.</summary>
    internal const int Order = 10;

    private static readonly (double[] Nodes, double[] Weights) Rule = Build();

    /// <summary>The nodes on [−1, 1], ascending.</summary>
    internal static ReadOnlySpan<double> Nodes => Rule.Nodes;

    /// <summary>The weights (sum 2).</summary>
    internal static ReadOnlySpan<double> Weights => Rule.Weights;

    /// <summary>∫ f over [a, b] by the rule.</summary>
    internal static double Integrate(Func<double, double> f, double a, double b)
    {
        double half = (b - a) / 2;
        double middle = (a + b) / 2;
        double sum = 0;
        for (int k = 0; k < Order; k++)
        {
            sum += Rule.Weights[k] * f(middle + (half * Rule.Nodes[k]));
        }

        return sum * half;
    }

    private static (double[] Nodes, double[] Weights) Build()
    {
        double[] nodes = new double[Order];
        double[] weights = new double[Order];
        for (int i = 0; i < Order; i++)
        {
            double x = -Math.Cos(Math.PI * (i + 0.75) / (Order + 0.5));
            double derivative = 0;
            for (int iteration = 0; iteration < 100; iteration++)
            {
                double p0 = 1;
                double p1 = x;
                for (int k = 2; k <= Order; k++)
                {
                    double p2 = (((2 * k) - 1) * x * p1 - ((k - 1) * p0)) / k;
                    p0 = p1;
                    p1 = p2;
                }

                derivative = Order * ((x * p1) - p0) / ((x * x) - 1);
                double step = p1 / derivative;
                x -= step;
                if (Math.Abs(step) < 1e-16)
                {
                    break;
                }
            }

            nodes[i] = x;
            weights[i] = 2 / ((1 - (x * x)) * derivative * derivative);
        }

        return (nodes, weights);
    }
}
