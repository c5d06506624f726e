using Electrochem.Fitting;

namespace Electrochem.Impedance.Drt;

/// <summary>
/// One basis function of a DRT on a grid of step Δ (in ln τ) with shape factor ε: its value, its area, the impedance it
/// contributes and the inner products of its derivatives. Immutable once built, so one instance serves a whole
/// computation (and threads).
/// </summary>
/// <remarks>
/// <para>
/// With x = ln τ − ln τₘ and s = ln(ωτₘ), the basis function centred at τₘ contributes
/// Re = ∫ φ(εx)·K′(s + x) dx and −Im = ∫ φ(εx)·K″(s + x) dx to Z(ω), with the Debye kernels K′(y) = 1/(1 + e^{2y}) and
/// K″(y) = e^y/(1 + e^{2y}).
/// </para>
/// <para>
/// Gaussian: the trapezoidal rule in t = εx over [−6.5, 6.5] with step h = min(0.4, ε/4): the integrand is analytic in
/// the strip |Im t| &lt; επ/2 (the kernels' poles), so the error is of order exp(−min(π²/h², 2π·επ/(2h))) ≤ 10⁻¹⁶.
/// </para>
/// <para>
/// The other bases: 10-point Gauss–Legendre panels, split at φ's kinks, graded geometrically away from φ's centre on
/// the scale 1/ε, and at most one unit of ln τ wide across the kernels' transition |s + x| ≤ 40 (their poles lie π/2
/// from the real axis, so each panel is exact to ~10⁻¹⁶). Beyond y = s + x = −40, K′ = 1 to 10⁻³⁴ and φ is integrated in
/// closed form; beyond +40 (K′) and ±40 (K″) the kernels are below 10⁻¹⁷. All checked against brute-force quadrature.
/// </para>
/// </remarks>
internal sealed class DrtBasisKernels
{
    /// <summary>The Cauchy basis is cut at this distance from its centre, in ln τ (pyDRTtools' integration window).</summary>
    internal const double CauchyHalfWidth = 50;

    private const double GaussianHalfWidth = 6.5;
    private const double KernelWindow = 40;

    private readonly double[] nodeWeight = [];
    private readonly double[] nodeGrowth = [];
    private readonly double[] shapeBreaks = [];

    /// <summary>Builds the kernels of a basis on a grid.</summary>
    /// <param name="basis">The basis function.</param>
    /// <param name="fwhmCoefficient">The grid step divided by the FWHM of each function.</param>
    /// <param name="step">The grid step Δ in ln τ (&gt; 0).</param>
    internal DrtBasisKernels(DrtBasis basis, double fwhmCoefficient, double step)
    {
        Basis = basis;
        Step = step;
        Shape = ShapeFactor(basis, fwhmCoefficient, step);
        switch (basis)
        {
            case DrtBasis.Gaussian:
                double h = Math.Min(0.4, Shape / 4);
                int half = (int)Math.Ceiling(GaussianHalfWidth / h);
                nodeWeight = new double[(2 * half) + 1];
                nodeGrowth = new double[(2 * half) + 1];
                for (int k = 0; k < nodeWeight.Length; k++)
                {
                    double t = (k - half) * h;
                    nodeWeight[k] = Math.Exp(-(t * t)) * h / Shape;
                    nodeGrowth[k] = Math.Exp(t / Shape);
                }

                break;
            case DrtBasis.PiecewiseLinear:
                shapeBreaks = [-step, 0, step];
                break;
            default:
                // 0, ±1/(4ε)·2ᵏ up to the support's edge: ±50 for Cauchy; for the inverse quadratic far enough (1000/ε + 200)
                // that the kernels' window |s + x| ≤ 40 always ends inside, the rest being the closed-form tail where K′ = 1.
                double limit = basis == DrtBasis.Cauchy ? CauchyHalfWidth : (1e3 / Shape) + 200;
                var breaks = new List<double> { 0 };
                for (double b = 0.25 / Shape; b < limit; b *= 2)
                {
                    breaks.Add(b);
                    breaks.Add(-b);
                }

                breaks.Add(limit);
                breaks.Add(-limit);
                breaks.Sort();
                shapeBreaks = [.. breaks];
                break;
        }
    }

    /// <summary>The basis function.</summary>
    internal DrtBasis Basis { get; }

    /// <summary>The grid step Δ in ln τ.</summary>
    internal double Step { get; }

    /// <summary>The shape factor ε, per unit ln τ (1/Δ for hats).</summary>
    internal double Shape { get; }

    /// <summary>ε such that the function's full width at half maximum is Δ / coefficient (hats: 1/Δ, the coefficient ignored).</summary>
    /// <param name="basis">The basis function.</param>
    /// <param name="fwhmCoefficient">The grid step divided by the FWHM.</param>
    /// <param name="step">The grid step Δ in ln τ.</param>
    /// <returns>ε, per unit ln τ.</returns>
    internal static double ShapeFactor(DrtBasis basis, double fwhmCoefficient, double step) => basis switch
    {
        DrtBasis.Gaussian => fwhmCoefficient * 2 * Math.Sqrt(Math.Log(2)) / step,
        DrtBasis.PiecewiseLinear => 1 / step,
        _ => fwhmCoefficient * 2 / step,
    };

    /// <summary>∫ φ(εx) dx over ln τ: the resistance of a unit weight.</summary>
    /// <param name="basis">The basis function.</param>
    /// <param name="shape">ε.</param>
    /// <param name="step">The grid step Δ in ln τ.</param>
    /// <returns>The area, in units of ln τ.</returns>
    internal static double Area(DrtBasis basis, double shape, double step) => basis switch
    {
        DrtBasis.Gaussian => Math.Sqrt(Math.PI) / shape,
        DrtBasis.InverseQuadratic => Math.PI / shape,
        DrtBasis.Cauchy => 2 * Math.Log(1 + (shape * CauchyHalfWidth)) / shape,
        _ => step,
    };

    /// <summary>φ(εx): the basis function at x = ln τ − ln τₘ.</summary>
    /// <param name="basis">The basis function.</param>
    /// <param name="shape">ε.</param>
    /// <param name="step">The grid step Δ in ln τ.</param>
    /// <param name="x">The distance from the centre in ln τ.</param>
    /// <returns>The value (1 at the centre).</returns>
    internal static double Value(DrtBasis basis, double shape, double step, double x)
    {
        double u = shape * x;
        return basis switch
        {
            DrtBasis.Gaussian => Math.Exp(-(u * u)),
            DrtBasis.InverseQuadratic => 1 / (1 + (u * u)),
            DrtBasis.Cauchy => Math.Abs(x) <= CauchyHalfWidth ? 1 / (1 + Math.Abs(u)) : 0,
            _ => Math.Max(0, 1 - (Math.Abs(x) / step)),
        };
    }

    /// <summary>The impedance of a unit weight at s = ln(ωτₘ): Re and −Im (both ≥ 0).</summary>
    /// <param name="s">ln(ωτₘ).</param>
    /// <param name="real">∫ φ·K′(s + x) dx.</param>
    /// <param name="negativeImaginary">∫ φ·K″(s + x) dx.</param>
    internal void Kernel(double s, out double real, out double negativeImaginary)
    {
        if (Basis == DrtBasis.Gaussian)
        {
            GaussianKernel(s, out real, out negativeImaginary);
            return;
        }

        // The panels: φ's breakpoints, and unit steps across the kernels' transition, within φ's support.
        double low = Math.Max(shapeBreaks[0], -s - KernelWindow);
        double high = Math.Min(shapeBreaks[^1], -s + KernelWindow);
        real = 0;
        negativeImaginary = 0;
        if (low < high)
        {
            int i = 0;
            double start = low;
            double nextKernelBreak = Math.Floor(low + s) + 1 - s;
            while (i < shapeBreaks.Length && shapeBreaks[i] <= low)
            {
                i++;
            }

            while (start < high)
            {
                double end = Math.Min(high, Math.Min(i < shapeBreaks.Length ? shapeBreaks[i] : double.PositiveInfinity, nextKernelBreak));
                if (end > start)
                {
                    Panel(s, start, end, ref real, ref negativeImaginary);
                }

                if (i < shapeBreaks.Length && shapeBreaks[i] <= end)
                {
                    i++;
                }

                if (nextKernelBreak <= end)
                {
                    nextKernelBreak += 1;
                }

                start = end;
            }
        }

        // Where y = s + x < −40, K′ = 1: the integral of φ itself from the support's start to the window.
        if (low > shapeBreaks[0])
        {
            real += Primitive(low) - Primitive(Basis == DrtBasis.InverseQuadratic ? double.NegativeInfinity : shapeBreaks[0]);
        }
    }

    /// <summary>
    /// ∫ φ⁽ᵏ⁾(ε(x − a))·φ⁽ᵏ⁾(ε(x − b)) dx (derivatives in x) for centres a − b = d·Δ apart. Gaussian, with u = ε·d·Δ:
    /// ε√(π/2)(1 − u²)e^{−u²/2} (k = 1) and ε³√(π/2)(3 − 6u² + u⁴)e^{−u²/2} (k = 2). Inverse quadratic (the correlation
    /// of Lorentzians is a Lorentzian, 2π/(ε(4 + u²)), differentiated): 4πε(4 − 3u²)/(4 + u²)³ (k = 1) and
    /// 48πε³(16 − 40u² + 5u⁴)/(4 + u²)⁵ (k = 2). Cauchy (k = 1 only): numerically. Hats: 2/Δ, −1/Δ, 0 (k = 1) and the
    /// discrete 6, −4, 1 over Δ³ (k = 2).
    /// </summary>
    /// <param name="order">k: 1 or 2.</param>
    /// <param name="indexDifference">d, the number of grid steps between the centres.</param>
    /// <returns>The inner product.</returns>
    internal double PenaltyInner(int order, int indexDifference)
    {
        double u = Shape * indexDifference * Step;
        double u2 = u * u;
        double e = Shape;
        switch (Basis)
        {
            case DrtBasis.Gaussian:
                double root = Math.Sqrt(Math.PI / 2);
                return order == 1
                    ? e * root * (1 - u2) * Math.Exp(-u2 / 2)
                    : e * e * e * root * (3 - (6 * u2) + (u2 * u2)) * Math.Exp(-u2 / 2);
            case DrtBasis.InverseQuadratic:
                double q = 4 + u2;
                return order == 1
                    ? 4 * Math.PI * e * (4 - (3 * u2)) / (q * q * q)
                    : 48 * Math.PI * e * e * e * (16 - (40 * u2) + (5 * u2 * u2)) / (q * q * q * q * q);
            case DrtBasis.Cauchy:
                return CauchyFirstDerivativeInner(Math.Abs(u)) * e;
            default:
                int d = Math.Abs(indexDifference);
                double step3 = Step * Step * Step;
                return order == 1
                    ? d switch { 0 => 2 / Step, 1 => -1 / Step, _ => 0 }
                    : d switch { 0 => 6 / step3, 1 => -4 / step3, 2 => 1 / step3, _ => 0 };
        }
    }

    /// <summary>∫ φ′(t)·φ′(t − a) dt for φ(t) = 1/(1 + |t|), φ′ = −sign(t)/(1 + |t|)²; kinks at 0 and a; cut where the window ends (|t| ≤ 50ε).</summary>
    private double CauchyFirstDerivativeInner(double a)
    {
        double limit = CauchyHalfWidth * Shape;
        static double Derivative(double t) => t == 0 ? 0 : -Math.Sign(t) / ((1 + Math.Abs(t)) * (1 + Math.Abs(t)));
        var breaks = new SortedSet<double> { -limit, limit + a, 0, a };
        for (double b = 0.125; b < limit + a; b *= 2)
        {
            foreach (double centre in new[] { 0, a })
            {
                if (centre - b > -limit)
                {
                    breaks.Add(centre - b);
                }

                if (centre + b < limit + a)
                {
                    breaks.Add(centre + b);
                }
            }
        }

        double[] points = [.. breaks];
        double sum = 0;
        for (int k = 0; k + 1 < points.Length; k++)
        {
            sum += GaussLegendre.Integrate(
                t => (Math.Abs(t) <= limit ? Derivative(t) : 0) * (Math.Abs(t - a) <= limit ? Derivative(t - a) : 0),
                points[k],
                points[k + 1]);
        }

        return sum;
    }

    /// <summary>∫ φ(εx) dx from the support's start (or −∞) to x: the closed forms used for the region where K′ = 1.</summary>
    private double Primitive(double x)
    {
        double u = Shape * x;
        return Basis switch
        {
            DrtBasis.InverseQuadratic => double.IsNegativeInfinity(x) ? -Math.PI / (2 * Shape) : Math.Atan(u) / Shape,
            DrtBasis.Cauchy => Math.Sign(u) * Math.Log(1 + Math.Abs(u)) / Shape,
            _ => Math.Clamp(x, -Step, Step) is var c && c <= 0 ? (c + Step + (c * c / (2 * Step)) - (Step / 2)) : (Step / 2) + c - (c * c / (2 * Step)),
        };
    }

    /// <summary>Adds one 10-point Gauss–Legendre panel [a, b] of φ·K′ and φ·K″.</summary>
    private void Panel(double s, double a, double b, ref double real, ref double negativeImaginary)
    {
        double half = (b - a) / 2;
        double middle = (a + b) / 2;
        ReadOnlySpan<double> nodes = GaussLegendre.Nodes;
        ReadOnlySpan<double> weights = GaussLegendre.Weights;
        double sumRe = 0;
        double sumIm = 0;
        for (int k = 0; k < nodes.Length; k++)
        {
            double x = middle + (half * nodes[k]);
            double phi = Value(Basis, Shape, Step, x) * weights[k];
            double growth = Math.Exp(s + x);
            double denominator = 1 / (1 + (growth * growth));
            sumRe += phi * denominator;
            sumIm += phi * growth * denominator;
        }

        real += sumRe * half;
        negativeImaginary += sumIm * half;
    }

    /// <summary>The Gaussian's trapezoid sums, vectorised over the nodes (<see cref="System.Numerics.Vector{T}"/>).</summary>
    private void GaussianKernel(double s, out double real, out double negativeImaginary)
    {
        double alpha = Math.Exp(s);
        ReadOnlySpan<double> weight = nodeWeight;
        ReadOnlySpan<double> growth = nodeGrowth;
        int width = System.Numerics.Vector<double>.Count;
        var alphaVector = new System.Numerics.Vector<double>(alpha);
        var sumRe = System.Numerics.Vector<double>.Zero;
        var sumIm = System.Numerics.Vector<double>.Zero;
        int k = 0;
        for (; k <= weight.Length - width; k += width)
        {
            var w = new System.Numerics.Vector<double>(weight.Slice(k, width));
            System.Numerics.Vector<double> ae = alphaVector * new System.Numerics.Vector<double>(growth.Slice(k, width));
            System.Numerics.Vector<double> share = w / (System.Numerics.Vector<double>.One + (ae * ae));
            sumRe += share;
            sumIm += share * ae;
        }

        double re = System.Numerics.Vector.Sum(sumRe);
        double im = System.Numerics.Vector.Sum(sumIm);
        for (; k < weight.Length; k++)
        {
            double ae = alpha * growth[k];
            double share = weight[k] / (1 + (ae * ae));
            re += share;
            im += share * ae;
        }

        real = re;
        negativeImaginary = im;
    }
}
