using System.Collections.Immutable;
using Electrochem.Fitting;

namespace Electrochem.Cycling;

/// <summary>
/// A capacity-fade law with its parameters (see <see cref="FadeModelKind"/> for each equation and
/// <see cref="ParameterNames"/> for their order). Cycle numbers N ≥ 0; capacities in any one unit.
/// </summary>
/// <param name="Kind">The law.</param>
/// <param name="Parameters">Its parameters, in the order <see cref="ParameterNames"/> gives.</param>
public sealed record CapacityFade(FadeModelKind Kind, ImmutableArray<double> Parameters)
{
    /// <summary>The last cycle of the data the law was fitted to (NaN when built by hand): beyond it the law extrapolates.</summary>
    public double LastFittedCycle { get; init; } = double.NaN;

    /// <summary>The parameter names of a law, in order: Q0, k (linear, √N, exponential); Q0, k, z (power law); A, b, C, d (double exponential); Q0, a, b, Nk (two-regime).</summary>
    /// <param name="kind">The law.</param>
    /// <returns>The names.</returns>
    public static ImmutableArray<string> ParameterNames(FadeModelKind kind) => kind switch
    {
        FadeModelKind.Linear or FadeModelKind.SquareRoot or FadeModelKind.Exponential => ["Q0", "k"],
        FadeModelKind.PowerLaw => ["Q0", "k", "z"],
        FadeModelKind.DoubleExponential => ["A", "b", "C", "d"],
        FadeModelKind.TwoRegime => ["Q0", "a", "b", "Nk"],
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a defined FadeModelKind."),
    };

    /// <summary>The capacity at cycle <paramref name="cycle"/>.</summary>
    /// <param name="cycle">N ≥ 0.</param>
    /// <returns>Q(N), in the fitted unit.</returns>
    public double Evaluate(double cycle) => Value(Kind, Parameters.AsSpan(), cycle);

    /// <summary>The slope dQ/dN at cycle <paramref name="cycle"/> (capacity per cycle).</summary>
    /// <param name="cycle">N ≥ 0.</param>
    /// <returns>dQ/dN.</returns>
    public double Slope(double cycle)
    {
        ReadOnlySpan<double> p = Parameters.AsSpan();
        double n = cycle;
        return Kind switch
        {
            FadeModelKind.Linear => -p[1],
            FadeModelKind.SquareRoot => n > 0 ? -p[1] / (2 * Math.Sqrt(n)) : double.NegativeInfinity,
            FadeModelKind.PowerLaw => n > 0 ? -p[1] * p[2] * Math.Pow(n, p[2] - 1) : 0,
            FadeModelKind.Exponential => -p[1] * p[0] * Math.Exp(-p[1] * n),
            FadeModelKind.DoubleExponential => (p[0] * p[1] * Math.Exp(p[1] * n)) + (p[2] * p[3] * Math.Exp(p[3] * n)),
            _ => -p[1] - (2 * p[2] * Math.Max(0, n - p[3])),
        };
    }

    /// <summary>Fits a fade law to capacities by Levenberg–Marquardt on the shared engine, with analytic Jacobians and starting values from linearised fits (no guess needed).</summary>
    /// <param name="kind">The law.</param>
    /// <param name="cycles">Cycle numbers N ≥ 0 (need not be consecutive).</param>
    /// <param name="capacity">Capacities, finite, one per cycle (any unit).</param>
    /// <param name="capacityStandardUncertainty">Standard uncertainties giving weights 1/u², or empty for unit weights.</param>
    /// <param name="options">Solver options (confidence level, absolute weights); null for defaults.</param>
    /// <param name="cancellationToken">Checked once per iteration.</param>
    /// <returns>Estimates with standard errors and intervals, goodness of fit (AICc for ranking), residuals and status.</returns>
    /// <exception cref="ArgumentException">Lengths differ, too few points (the law's parameters + 2), a value is not finite, a cycle is negative, or an uncertainty is not positive.</exception>
    public static FitResult<CapacityFade> Fit(
        FadeModelKind kind,
        ReadOnlySpan<double> cycles,
        ReadOnlySpan<double> capacity,
        ReadOnlySpan<double> capacityStandardUncertainty = default,
        NonlinearFitOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ImmutableArray<string> names = ParameterNames(kind);
        double[] n = Validate(cycles, capacity, capacityStandardUncertainty, names.Length + 2, kind);
        double[] weights = capacityStandardUncertainty.IsEmpty ? [] : [.. capacityStandardUncertainty.ToArray().Select(u => 1 / (u * u))];
        (double[] start, ImmutableArray<ParameterDefinition> definitions) = Start(kind, n, capacity, names);
        var model = new NonlinearModel(
            definitions,
            (theta, values) =>
            {
                for (int i = 0; i < n.Length; i++)
                {
                    values[i] = Value(kind, theta, n[i]);
                }
            },
            (theta, jacobian) => Jacobian(kind, n, theta, jacobian));
        FitResult fit = NonlinearLeastSquares.Fit(model, capacity, start, weights, options, cancellationToken);
        return new FitResult<CapacityFade>(fit, new CapacityFade(kind, [.. fit.Parameters.Select(p => p.Value)]) { LastFittedCycle = n.Max() });
    }

    /// <summary>∂Q/∂θ at cycle N for the fitted parameters (for the delta method).</summary>
    internal void Gradient(double cycle, Span<double> gradient)
    {
        Span<double> column = stackalloc double[Parameters.Length];
        Jacobian(Kind, [cycle], Parameters.AsSpan(), column);
        column.CopyTo(gradient);
    }

    internal static double Value(FadeModelKind kind, ReadOnlySpan<double> p, double n) => kind switch
    {
        FadeModelKind.Linear => p[0] - (p[1] * n),
        FadeModelKind.SquareRoot => p[0] - (p[1] * Math.Sqrt(n)),
        FadeModelKind.PowerLaw => p[0] - (p[1] * Math.Pow(n, p[2])),
        FadeModelKind.Exponential => p[0] * Math.Exp(-p[1] * n),
        FadeModelKind.DoubleExponential => (p[0] * Math.Exp(p[1] * n)) + (p[2] * Math.Exp(p[3] * n)),
        _ => p[0] - (p[1] * n) - (p[2] * Square(Math.Max(0, n - p[3]))),
    };

    private static double Square(double x) => x * x;

    /// <summary>Column-major Jacobian: element (i, j) at j·N + i.</summary>
    private static void Jacobian(FadeModelKind kind, ReadOnlySpan<double> cycles, ReadOnlySpan<double> p, Span<double> jacobian)
    {
        int count = cycles.Length;
        for (int i = 0; i < count; i++)
        {
            double n = cycles[i];
            switch (kind)
            {
                case FadeModelKind.Linear:
                    jacobian[i] = 1;
                    jacobian[count + i] = -n;
                    break;
                case FadeModelKind.SquareRoot:
                    jacobian[i] = 1;
                    jacobian[count + i] = -Math.Sqrt(n);
                    break;
                case FadeModelKind.PowerLaw:
                    double power = Math.Pow(n, p[2]);
                    jacobian[i] = 1;
                    jacobian[count + i] = -power;
                    jacobian[(2 * count) + i] = n > 0 ? -p[1] * power * Math.Log(n) : 0;
                    break;
                case FadeModelKind.Exponential:
                    double e = Math.Exp(-p[1] * n);
                    jacobian[i] = e;
                    jacobian[count + i] = -n * p[0] * e;
                    break;
                case FadeModelKind.DoubleExponential:
                    double e1 = Math.Exp(p[1] * n), e2 = Math.Exp(p[3] * n);
                    jacobian[i] = e1;
                    jacobian[count + i] = p[0] * n * e1;
                    jacobian[(2 * count) + i] = e2;
                    jacobian[(3 * count) + i] = p[2] * n * e2;
                    break;
                default:
                    double beyond = Math.Max(0, n - p[3]);
                    jacobian[i] = 1;
                    jacobian[count + i] = -n;
                    jacobian[(2 * count) + i] = -beyond * beyond;
                    jacobian[(3 * count) + i] = 2 * p[2] * beyond;
                    break;
            }
        }
    }

    private static double[] Validate(ReadOnlySpan<double> cycles, ReadOnlySpan<double> capacity, ReadOnlySpan<double> capacityStandardUncertainty, int minimum, FadeModelKind kind)
    {
        Preconditions.CheckSameLength(cycles.Length, capacity.Length, nameof(cycles), nameof(capacity));
        Preconditions.CheckMinimumCount(cycles.Length, minimum, nameof(capacity), $"the {kind} law needs at least {minimum} cycles");
        Preconditions.CheckAllFinite(cycles, nameof(cycles));
        Preconditions.CheckAllFinite(capacity, nameof(capacity));
        for (int i = 0; i < cycles.Length; i++)
        {
            if (cycles[i] < 0)
            {
                throw new ArgumentException($"cycles[{i}] is {Preconditions.Format(cycles[i])}; expected cycle numbers ≥ 0.", nameof(cycles));
            }
        }

        if (!capacityStandardUncertainty.IsEmpty)
        {
            Preconditions.CheckSameLength(capacity.Length, capacityStandardUncertainty.Length, nameof(capacity), nameof(capacityStandardUncertainty));
            foreach (double u in capacityStandardUncertainty)
            {
                if (!double.IsFinite(u) || u <= 0)
                {
                    throw new ArgumentException($"A standard uncertainty is {Preconditions.Format(u)}; expected finite values > 0, or none.", nameof(capacityStandardUncertainty));
                }
            }
        }

        if (cycles.IndexOfAnyExcept(cycles[0]) < 0)
        {
            throw new ArgumentException("Every cycle number is the same; a fade law needs at least two distinct cycles.", nameof(cycles));
        }

        return cycles.ToArray();
    }

    /// <summary>Starting values from linearised least squares, and the parameters' definitions (units and bounds).</summary>
    private static (double[] Start, ImmutableArray<ParameterDefinition> Definitions) Start(FadeModelKind kind, double[] n, ReadOnlySpan<double> q, ImmutableArray<string> names)
    {
        double[] y = q.ToArray();
        switch (kind)
        {
            case FadeModelKind.Linear:
                {
                    (double a, double b) = Line(n, y, x => x);
                    return ([a, -b], [new("Q0", "capacity"), new("k", "capacity/cycle")]);
                }

            case FadeModelKind.SquareRoot:
                {
                    (double a, double b) = Line(n, y, Math.Sqrt);
                    return ([a, -b], [new("Q0", "capacity"), new("k", "capacity/cycle^½")]);
                }

            case FadeModelKind.PowerLaw:
                {
                    double best = double.PositiveInfinity;
                    double[] start = [y[0], 0, 1];
                    for (double z = 0.1; z <= 4.0001; z += 0.1)
                    {
                        double zz = z;
                        (double a, double b) = Line(n, y, x => Math.Pow(x, zz));
                        double ssr = Ssr(n, y, x => a + (b * Math.Pow(x, zz)));
                        if (ssr < best)
                        {
                            best = ssr;
                            start = [a, -b, z];
                        }
                    }

                    return (start, [new("Q0", "capacity"), new("k", "capacity/cycle^z"), new("z", "1", 0.05, 5)]);
                }

            case FadeModelKind.Exponential:
                {
                    bool positive = y.All(v => v > 0);
                    (double a, double b) = positive ? Line(n, [.. y.Select(v => Math.Log(v))], x => x) : (Math.Log(Math.Abs(y[0]) + 1e-300), 0);
                    return ([Math.Exp(a), -b], [new("Q0", "capacity"), new("k", "1/cycle")]);
                }

            case FadeModelKind.DoubleExponential:
                {
                    bool positive = y.All(v => v > 0);
                    (double a, double b) = positive ? Line(n, [.. y.Select(v => Math.Log(v))], x => x) : (Math.Log(Math.Abs(y[0]) + 1e-300), 0);
                    double span = Math.Max(1, n.Max() - n.Min());
                    double q0 = Math.Exp(a);
                    return ([0.99 * q0, b, -0.01 * q0, 3 / span], [new("A", "capacity"), new("b", "1/cycle"), new("C", "capacity"), new("d", "1/cycle")]);
                }

            default:
                {
                    // Profile the knee over the data range: for fixed N_k the law is linear in Q0, a, b.
                    double lo = n.Min(), hi = n.Max();
                    double best = double.PositiveInfinity;
                    double[] start = [y[0], 0, 0, 0.5 * (lo + hi)];
                    for (int g = 1; g < 40; g++)
                    {
                        double knee = lo + ((hi - lo) * g / 40);
                        if (ThreeTerm(n, y, knee) is { } c && c.Ssr < best && c.B >= 0)
                        {
                            best = c.Ssr;
                            start = [c.Q0, c.A, c.B, knee];
                        }
                    }

                    return (start, [new("Q0", "capacity"), new("a", "capacity/cycle"), new("b", "capacity/cycle²", 0, double.PositiveInfinity), new("Nk", "cycle", lo, hi)]);
                }
        }
    }

    private static (double Intercept, double Slope) Line(double[] n, double[] y, Func<double, double> f)
    {
        double sx = 0, sy = 0, sxx = 0, sxy = 0;
        for (int i = 0; i < n.Length; i++)
        {
            double x = f(n[i]);
            sx += x;
            sy += y[i];
            sxx += x * x;
            sxy += x * y[i];
        }

        double m = n.Length;
        double denominator = (m * sxx) - (sx * sx);
        double slope = denominator != 0 ? ((m * sxy) - (sx * sy)) / denominator : 0;
        return ((sy - (slope * sx)) / m, slope);
    }

    private static double Ssr(double[] n, double[] y, Func<double, double> f)
    {
        double s = 0;
        for (int i = 0; i < n.Length; i++)
        {
            double r = y[i] - f(n[i]);
            s += r * r;
        }

        return s;
    }

    /// <summary>Least squares of y = Q0 − a·N − b·max(0, N − knee)² by the normal equations (3×3, Cramer's rule), or null when singular.</summary>
    private static (double Q0, double A, double B, double Ssr)? ThreeTerm(double[] n, double[] y, double knee)
    {
        double[] m = new double[9];
        double[] v = new double[3];
        for (int i = 0; i < n.Length; i++)
        {
            double beyond = Math.Max(0, n[i] - knee);
            double[] x = [1, -n[i], -beyond * beyond];
            for (int r = 0; r < 3; r++)
            {
                v[r] += x[r] * y[i];
                for (int c = 0; c < 3; c++)
                {
                    m[(r * 3) + c] += x[r] * x[c];
                }
            }
        }

        double det = Determinant(m);
        if (!(Math.Abs(det) > 1e-300))
        {
            return null;
        }

        double[] solution = new double[3];
        for (int column = 0; column < 3; column++)
        {
            double[] k = (double[])m.Clone();
            for (int r = 0; r < 3; r++)
            {
                k[(r * 3) + column] = v[r];
            }

            solution[column] = Determinant(k) / det;
        }

        double ssr = 0;
        for (int i = 0; i < n.Length; i++)
        {
            double r = y[i] - (solution[0] - (solution[1] * n[i]) - (solution[2] * Square(Math.Max(0, n[i] - knee))));
            ssr += r * r;
        }

        return (solution[0], solution[1], solution[2], ssr);
    }

    private static double Determinant(double[] k) =>
        (k[0] * ((k[4] * k[8]) - (k[5] * k[7]))) - (k[1] * ((k[3] * k[8]) - (k[5] * k[6]))) + (k[2] * ((k[3] * k[7]) - (k[4] * k[6])));
}
