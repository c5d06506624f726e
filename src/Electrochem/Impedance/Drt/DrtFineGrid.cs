namespace Electrochem.Impedance.Drt;

/// <summary>
/// γ of a DRT sampled at <see cref="PointsPerStep"/> points per grid step in ln τ across the grid, and on past both ends
/// until γ's tails fall below 10⁻¹⁰ of its largest value (beyond the grid every basis function only decays, so γ does
/// too), with the cumulative trapezoidal integral ∫γ d ln τ, so areas between any two points of ln τ are cheap.
/// </summary>
/// <remarks>
/// The basis functions are at least one grid step wide at half height, so 10 points per step resolve γ to rounding:
/// the trapezoidal rule at that spacing integrates a Gaussian of that width to better than 10⁻⁶ of its area.
/// </remarks>
internal sealed class DrtFineGrid
{
    /// <summary>Points per grid step of the sampling.</summary>
    internal const int PointsPerStep = 10;

    /// <summary>The tails are followed until γ is below this fraction of its largest value on the grid.</summary>
    private const double TailFraction = 1e-10;

    /// <summary>The tails are followed at most this many grid steps past each end.</summary>
    private const int MaximumTailSteps = 2000;

    private readonly double[] cumulative;

    private DrtFineGrid(double[] lnTau, double[] gamma, int first, int last, double step, double gridStep)
    {
        LnTau = lnTau;
        Gamma = gamma;
        First = first;
        Last = last;
        Step = step;
        GridStep = gridStep;
        cumulative = new double[lnTau.Length];
        for (int i = 1; i < lnTau.Length; i++)
        {
            cumulative[i] = cumulative[i - 1] + (0.5 * step * (gamma[i - 1] + gamma[i]));
        }
    }

    /// <summary>ln τ of every sample (τ in s), ascending with spacing <see cref="Step"/>.</summary>
    internal double[] LnTau { get; }

    /// <summary>γ at every sample, in Ω.</summary>
    internal double[] Gamma { get; }

    /// <summary>The index of the grid's first point, τ₁.</summary>
    internal int First { get; }

    /// <summary>The index of the grid's last point, τ_M.</summary>
    internal int Last { get; }

    /// <summary>The sampling step in ln τ: the grid step over <see cref="PointsPerStep"/>.</summary>
    internal double Step { get; }

    /// <summary>The DRT grid's step in ln τ.</summary>
    internal double GridStep { get; }

    /// <summary>The whole area ∫γ d ln τ of the samples, tails included, in Ω.</summary>
    internal double TotalArea => cumulative[^1];

    /// <summary>Samples γ of a DRT.</summary>
    /// <param name="drt">The DRT.</param>
    /// <returns>The samples.</returns>
    internal static DrtFineGrid Sample(DrtResult drt)
    {
        int m = drt.Tau.Length;
        double lnFirst = Math.Log(drt.Tau[0]);
        double lnLast = Math.Log(drt.Tau[^1]);
        double gridStep = (lnLast - lnFirst) / (m - 1);
        double step = gridStep / PointsPerStep;
        int inner = ((m - 1) * PointsPerStep) + 1;
        double[] core = new double[inner];
        double largest = 0;
        for (int i = 0; i < inner; i++)
        {
            core[i] = drt.Gamma(Math.Exp(lnFirst + (i * step)));
            largest = Math.Max(largest, core[i]);
        }

        List<double> below = Tail(drt, lnFirst, -step, largest);
        List<double> above = Tail(drt, lnLast, step, largest);
        int n = below.Count + inner + above.Count;
        double[] lnTau = new double[n];
        double[] gamma = new double[n];
        int first = below.Count;
        double start = lnFirst - (first * step);
        for (int i = 0; i < n; i++)
        {
            lnTau[i] = start + (i * step);
            gamma[i] = i < first ? below[first - 1 - i] : i < first + inner ? core[i - first] : above[i - first - inner];
        }

        return new DrtFineGrid(lnTau, gamma, first, first + inner - 1, step, gridStep);
    }

    /// <summary>∫γ d ln τ from ln τ = <paramref name="from"/> to <paramref name="to"/> (clamped to the samples), with γ linear between samples.</summary>
    /// <param name="from">The lower limit, ln τ.</param>
    /// <param name="to">The upper limit, ln τ (≥ <paramref name="from"/>).</param>
    /// <returns>The area in Ω.</returns>
    internal double Area(double from, double to) => Cumulative(to) - Cumulative(from);

    /// <summary>The vertex of the parabola through samples i − 1, i, i + 1: its ln τ and value (the sample itself at an end).</summary>
    /// <param name="i">A sample index.</param>
    /// <returns>ln τ and γ at the vertex.</returns>
    internal (double LnTau, double Gamma) Vertex(int i)
    {
        if (i <= 0 || i >= Gamma.Length - 1)
        {
            return (LnTau[i], Gamma[i]);
        }

        double left = Gamma[i - 1];
        double centre = Gamma[i];
        double right = Gamma[i + 1];
        double curvature = left - (2 * centre) + right;
        if (curvature == 0)
        {
            return (LnTau[i], centre);
        }

        double offset = Math.Clamp(0.5 * (left - right) / curvature, -0.5, 0.5);
        return (LnTau[i] + (offset * Step), centre - (0.25 * (left - right) * offset));
    }

    private static List<double> Tail(DrtResult drt, double lnEnd, double step, double largest)
    {
        var values = new List<double>();
        if (largest <= 0)
        {
            return values;
        }

        for (int i = 1; i <= MaximumTailSteps * PointsPerStep; i++)
        {
            double value = drt.Gamma(Math.Exp(lnEnd + (i * step)));
            values.Add(value);
            if (value < TailFraction * largest)
            {
                break;
            }
        }

        return values;
    }

    private double Cumulative(double lnTau)
    {
        double position = Math.Clamp((lnTau - LnTau[0]) / Step, 0, LnTau.Length - 1);
        int i = Math.Min((int)position, LnTau.Length - 2);
        double t = position - i;
        double a = Gamma[i];
        double b = Gamma[i + 1];

        // The trapezoid from sample i to the fraction t of the way to sample i + 1, γ linear in between.
        return cumulative[i] + (Step * t * (a + (0.5 * t * (b - a))));
    }
}
