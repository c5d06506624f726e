using System.Collections.Immutable;
using Electrochem.Fitting;

namespace Electrochem.Cycling;

/// <summary>
/// The Bacon–Watts change-point law used for the knee of capacity-fade curves (Fermín-Cueto et al., Energy and AI
/// 2020): Y = α₀ + α₁(x − x₁) + α₂(x − x₁)·tanh((x − x₁)/γ). Below the knee point x₁ the slope is α₁ − α₂, above it
/// α₁ + α₂; γ sets how sharp the transition is and is fixed at <see cref="Sharpness"/> × the x range (the authors use
/// an essentially abrupt change). The knee point comes with the fit's standard error and interval. With
/// <see cref="HasOnset"/> set the law has a second transition, Y = α₀ + α₁(x − x₀) + α₂(x − x₀)·tanh((x − x₀)/γ) +
/// α₃(x − x₂)·tanh((x − x₂)/γ), whose first transition x₀ is the knee onset.
/// </summary>
/// <param name="Parameters">α₀, α₁, α₂, x₁ (single); α₀, α₁, α₂, α₃, x₀, x₂ (double).</param>
/// <param name="Gamma">γ, in x's unit.</param>
/// <param name="HasOnset">True for the two-transition (knee-onset) law.</param>
public sealed record BaconWatts(ImmutableArray<double> Parameters, double Gamma, bool HasOnset)
{
    /// <summary>γ as a fraction of the x range (10⁻⁴: abrupt at the scale of the data, yet differentiable).</summary>
    public const double Sharpness = 1e-4;

    /// <summary>Name of the knee point x₁ (single law) in a fit's results.</summary>
    public const string KneePointName = "KneePoint";

    /// <summary>Name of the knee onset x₀ (double law) in a fit's results.</summary>
    public const string KneeOnsetName = "KneeOnset";

    /// <summary>Name of the second transition x₂ (double law) in a fit's results.</summary>
    public const string SecondTransitionName = "SecondTransition";

    /// <summary>Y at <paramref name="x"/>.</summary>
    /// <param name="x">The abscissa (a cycle number).</param>
    /// <returns>The law's value.</returns>
    public double Evaluate(double x) => Value(Parameters.AsSpan(), Gamma, HasOnset, x);

    /// <summary>Fits the single law (knee point) or the double law (knee onset and second transition).</summary>
    /// <param name="x">Abscissae (cycle numbers), at least 8 points (10 for the double law), not all equal.</param>
    /// <param name="y">Capacities (any unit).</param>
    /// <param name="isDouble">True for the two-transition law.</param>
    /// <param name="options">Solver options; null for defaults.</param>
    /// <param name="cancellationToken">Checked once per iteration.</param>
    /// <returns>The fit: <see cref="KneePointName"/> or <see cref="KneeOnsetName"/> and <see cref="SecondTransitionName"/> with standard errors and intervals.</returns>
    /// <exception cref="ArgumentException">Lengths differ, too few points, a value is not finite, or every x is the same.</exception>
    public static FitResult<BaconWatts> Fit(ReadOnlySpan<double> x, ReadOnlySpan<double> y, bool isDouble = false, NonlinearFitOptions? options = null, CancellationToken cancellationToken = default)
    {
        Preconditions.CheckSameLength(x.Length, y.Length, nameof(x), nameof(y));
        Preconditions.CheckMinimumCount(x.Length, isDouble ? 10 : 8, nameof(x), $"the {(isDouble ? "double" : "single")} Bacon–Watts law needs at least {(isDouble ? 10 : 8)} points");
        Preconditions.CheckAllFinite(x, nameof(x));
        Preconditions.CheckAllFinite(y, nameof(y));
        double[] xs = x.ToArray();
        double[] ys = y.ToArray();
        double lo = xs.Min(), hi = xs.Max();
        if (!(hi > lo))
        {
            throw new ArgumentException("Every x is the same; a change point needs a spread of x.", nameof(x));
        }

        double gamma = Sharpness * (hi - lo);
        double[] start = Start(xs, ys, gamma, isDouble, lo, hi);
        ImmutableArray<ParameterDefinition> definitions = isDouble
            ? [new("Alpha0", "y"), new("Alpha1", "y/x"), new("Alpha2", "y/x"), new("Alpha3", "y/x"), new(KneeOnsetName, "x", lo, hi), new(SecondTransitionName, "x", lo, hi)]
            : [new("Alpha0", "y"), new("Alpha1", "y/x"), new("Alpha2", "y/x"), new(KneePointName, "x", lo, hi)];
        var model = new NonlinearModel(
            definitions,
            (theta, values) =>
            {
                for (int i = 0; i < xs.Length; i++)
                {
                    values[i] = Value(theta, gamma, isDouble, xs[i]);
                }
            },
            (theta, jacobian) => Jacobian(theta, gamma, isDouble, xs, jacobian));
        FitResult fit = NonlinearLeastSquares.Fit(model, ys, start, default, options, cancellationToken);
        return new FitResult<BaconWatts>(fit, new BaconWatts([.. fit.Parameters.Select(p => p.Value)], gamma, isDouble));
    }

    private static double Value(ReadOnlySpan<double> p, double gamma, bool isDouble, double x)
    {
        if (!isDouble)
        {
            double u = x - p[3];
            return p[0] + (p[1] * u) + (p[2] * u * Math.Tanh(u / gamma));
        }

        double u0 = x - p[4], u2 = x - p[5];
        return p[0] + (p[1] * u0) + (p[2] * u0 * Math.Tanh(u0 / gamma)) + (p[3] * u2 * Math.Tanh(u2 / gamma));
    }

    private static void Jacobian(ReadOnlySpan<double> p, double gamma, bool isDouble, double[] xs, Span<double> jacobian)
    {
        int n = xs.Length;
        for (int i = 0; i < n; i++)
        {
            if (!isDouble)
            {
                double u = xs[i] - p[3];
                double t = Math.Tanh(u / gamma);
                jacobian[i] = 1;
                jacobian[n + i] = u;
                jacobian[(2 * n) + i] = u * t;
                jacobian[(3 * n) + i] = -p[1] - (p[2] * (t + (u / gamma * (1 - (t * t)))));
            }
            else
            {
                double u0 = xs[i] - p[4], u2 = xs[i] - p[5];
                double t0 = Math.Tanh(u0 / gamma), t2 = Math.Tanh(u2 / gamma);
                jacobian[i] = 1;
                jacobian[n + i] = u0;
                jacobian[(2 * n) + i] = u0 * t0;
                jacobian[(3 * n) + i] = u2 * t2;
                jacobian[(4 * n) + i] = -p[1] - (p[2] * (t0 + (u0 / gamma * (1 - (t0 * t0)))));
                jacobian[(5 * n) + i] = -p[3] * (t2 + (u2 / gamma * (1 - (t2 * t2))));
            }
        }
    }

    /// <summary>Starting values: the change points profiled over a grid, the α's by linear least squares for each.</summary>
    private static double[] Start(double[] xs, double[] ys, double gamma, bool isDouble, double lo, double hi)
    {
        const int grid = 40;
        double best = double.PositiveInfinity;
        double[] start = [];
        for (int a = 1; a < grid; a++)
        {
            double x0 = lo + ((hi - lo) * a / grid);
            for (int b = isDouble ? a + 1 : a; b < (isDouble ? grid : a + 1); b++)
            {
                double x2 = lo + ((hi - lo) * b / grid);
                double[] breaks = isDouble ? [x0, x2] : [x0];
                if (LinearPart(xs, ys, gamma, breaks) is { } alphas && alphas.Ssr < best)
                {
                    best = alphas.Ssr;
                    start = [.. alphas.Coefficients, .. breaks];
                }
            }
        }

        return start.Length > 0 ? start : isDouble ? [ys[0], 0, 0, 0, lo + ((hi - lo) / 3), lo + (2 * (hi - lo) / 3)] : [ys[0], 0, 0, 0.5 * (lo + hi)];
    }

    private static (double[] Coefficients, double Ssr)? LinearPart(double[] xs, double[] ys, double gamma, double[] breaks)
    {
        int n = xs.Length, p = breaks.Length + 2;
        double[] design = new double[n * p];
        for (int i = 0; i < n; i++)
        {
            double u0 = xs[i] - breaks[0];
            design[i] = 1;
            design[n + i] = u0;
            design[(2 * n) + i] = u0 * Math.Tanh(u0 / gamma);
            if (breaks.Length == 2)
            {
                double u2 = xs[i] - breaks[1];
                design[(3 * n) + i] = u2 * Math.Tanh(u2 / gamma);
            }
        }

        ImmutableArray<ParameterDefinition> names = [.. Enumerable.Range(0, p).Select(j => new ParameterDefinition("a" + j, string.Empty))];
        FitResult fit = LinearLeastSquares.Fit(design, ys, names);
        return fit.Status == FitStatus.Converged ? ([.. fit.Parameters.Select(e => e.Value)], fit.Statistics.ResidualSumOfSquares) : null;
    }
}
