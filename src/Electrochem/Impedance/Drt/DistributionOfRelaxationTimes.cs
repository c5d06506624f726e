using System.Collections.Immutable;

namespace Electrochem.Impedance.Drt;

/// <summary>
/// The distribution of relaxation times (DRT) of an impedance spectrum by Tikhonov (ridge) regression with γ ≥ 0:
/// Z(ω) = R_∞ + jωL₀ + ∫ γ(ln τ) / (1 + jωτ) d ln τ, with γ = Σₘ xₘ·exp(−(ε·ln(τ/τₘ))²) on a log-uniform grid, found by
/// minimising ‖Z′ − Ẑ′‖² + ‖Z″ − Ẑ″‖² + λ·∫(dᵏγ/d(ln τ)ᵏ)² d ln τ over x ≥ 0, R_∞ ≥ 0, L₀ ≥ 0 (k = 1 or 2).
/// </summary>
/// <remarks>
/// <para>τ = 1/ω with ω = 2πf in rad/s: a process whose arc peaks at f has τ = 1/(2πf), not 1/f.</para>
/// <para>
/// The grid spans 1/ω_max to 1/ω_min extended by <see cref="DrtOptions.ExtensionDecades"/> on each side, with the
/// data's mean spacing in ln f. The kernel integrals ∫ exp(−(εu)²)/(1 + (ωτₘ)²e^{2u}) du (and the imaginary one) are
/// computed by the trapezoidal rule in εu over [−6, 6] with step 0.05, which is exact to rounding for these smooth,
/// Gaussian-weighted integrands; the penalty's inner products of Gaussian derivatives are analytic.
/// </para>
/// <para>The non-negative problem is solved exactly (an active-set method on the column-scaled normal equations).</para>
/// </remarks>
public static class DistributionOfRelaxationTimes
{
    /// <summary>The most grid points accepted: a finer grid than this resolves nothing a spectrum holds.</summary>
    public const int MaximumGridPoints = 2000;

    /// <summary>Computes the DRT of a spectrum, with the given λ or one chosen by the options' criterion.</summary>
    /// <param name="spectrum">The spectrum: at least 5 points over more than one frequency (Hz, Ω).</param>
    /// <param name="options">λ, the penalty order, the basis width and what else is fitted.</param>
    /// <returns>The DRT, R_∞, L₀, the reconstructed spectrum and its residuals, and whether the solve converged.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The spectrum has fewer than 5 points or a single frequency, or the grid would exceed <see cref="MaximumGridPoints"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is outside its range.</exception>
    public static DrtResult Compute(ImpedanceSpectrum spectrum, DrtOptions options)
    {
        ArgumentNullException.ThrowIfNull(spectrum);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        int n = spectrum.Count;
        if (n < 5)
        {
            throw new ArgumentException($"A DRT needs at least 5 points; the spectrum has {n}.", nameof(spectrum));
        }

        ReadOnlySpan<double> f = spectrum.Frequency;
        double fMin = double.PositiveInfinity;
        double fMax = 0;
        foreach (double value in f)
        {
            fMin = Math.Min(fMin, value);
            fMax = Math.Max(fMax, value);
        }

        if (!(fMax > fMin * (1 + 1e-9)))
        {
            throw new ArgumentException("A DRT needs more than one frequency; every point of the spectrum has the same frequency.", nameof(spectrum));
        }

        double[] lnTau = options.Tau.IsDefaultOrEmpty ? AutomaticGrid(fMin, fMax, n, options.ExtensionDecades, out double gridPoints) ?? throw new ArgumentException(
                $"The τ grid would have {gridPoints:F0} points (the data's frequency spacing over its range plus the extension); at most {MaximumGridPoints} are allowed: the spectrum's frequencies are too dense for a DRT.", nameof(spectrum))
            : [.. options.Tau.Select(Math.Log)];
        double step = (lnTau[^1] - lnTau[0]) / (lnTau.Length - 1);
        var kernels = new DrtBasisKernels(options.Basis, options.FwhmCoefficient, step);
        int offset = (options.FitSeriesResistance ? 1 : 0) + (options.FitInductance ? 1 : 0);
        int p = offset + lnTau.Length;
        double[] design = Design(spectrum, lnTau, kernels, options, offset);
        double[] b = new double[2 * n];
        spectrum.Real.CopyTo(b);
        spectrum.Imaginary.CopyTo(b.AsSpan(n));
        double[] h = new double[p * p];
        double[] g = new double[p];
        Normal(design, b, 2 * n, p, h, g);
        double[] penalty = Penalty(p, offset, lnTau.Length, kernels, options.PenaltyOrder);
        double lambda;
        ImmutableArray<DrtCriterionPoint> curve = [];
        if (options.Lambda is { } given)
        {
            lambda = given;
        }
        else
        {
            (lambda, curve) = DrtLambdaSearch.Gcv(h, g, b, penalty, p);
        }

        for (int i = 0; i < h.Length; i++)
        {
            h[i] += lambda * penalty[i];
        }

        double[] x = new double[p];
        int iterations = SolveScaled(h, g, x);
        return Result(spectrum, options, design, x, lnTau, kernels.Shape, offset, iterations, lambda, curve);
    }

    /// <summary>ln τ from 1/ω_max to 1/ω_min, extended on each side, at the data's mean spacing in ln f; null when it would exceed <see cref="MaximumGridPoints"/>.</summary>
    private static double[]? AutomaticGrid(double fMin, double fMax, int n, double extensionDecades, out double gridPoints)
    {
        double spacing = Math.Log(fMax / fMin) / (n - 1);
        double extension = extensionDecades * Math.Log(10);
        double lnTauMin = -Math.Log(2 * Math.PI * fMax) - extension;
        double lnTauMax = -Math.Log(2 * Math.PI * fMin) + extension;
        gridPoints = Math.Round((lnTauMax - lnTauMin) / spacing) + 1;
        if (gridPoints > MaximumGridPoints)
        {
            return null;
        }

        int m = (int)gridPoints;
        double step = (lnTauMax - lnTauMin) / (m - 1);
        return [.. Enumerable.Range(0, m).Select(j => lnTauMin + (j * step))];
    }

    /// <summary>The design matrix, row-major 2n × p: n rows for Z′ then n for Z″; columns R_∞, L₀ (when fitted), then the basis.</summary>
    private static double[] Design(ImpedanceSpectrum spectrum, double[] lnTau, DrtBasisKernels kernels, DrtOptions options, int offset)
    {
        int n = spectrum.Count;
        int m = lnTau.Length;
        int p = offset + lnTau.Length;
        double[] a = new double[2 * n * p];
        ReadOnlySpan<double> f = spectrum.Frequency;
        for (int i = 0; i < n; i++)
        {
            double omega = 2 * Math.PI * f[i];
            double lnOmega = Math.Log(omega);
            Span<double> re = a.AsSpan(i * p, p);
            Span<double> im = a.AsSpan((n + i) * p, p);
            int c = 0;
            if (options.FitSeriesResistance)
            {
                re[c++] = 1;
            }

            if (options.FitInductance)
            {
                im[c] = omega;
            }

            for (int j = 0; j < m; j++)
            {
                kernels.Kernel(lnOmega + lnTau[j], out double real, out double negativeImaginary);
                re[offset + j] = real;
                im[offset + j] = -negativeImaginary;
            }
        }

        return a;
    }

    private static void Normal(double[] a, double[] b, int rows, int p, double[] h, double[] g)
    {
        for (int r = 0; r < rows; r++)
        {
            ReadOnlySpan<double> row = a.AsSpan(r * p, p);
            for (int i = 0; i < p; i++)
            {
                double ri = row[i];
                if (ri == 0)
                {
                    continue;
                }

                g[i] += ri * b[r];
                Span<double> target = h.AsSpan(i * p, p);
                for (int j = 0; j < p; j++)
                {
                    target[j] += ri * row[j];
                }
            }
        }
    }

    /// <summary>The penalty matrix (p×p, zero for R_∞ and L₀): ∫ γ⁽ᵏ⁾ₙ γ⁽ᵏ⁾ₘ d ln τ, which depends only on the grid distance.</summary>
    private static double[] Penalty(int p, int offset, int m, DrtBasisKernels kernels, int order)
    {
        double[] h = new double[p * p];
        double[] inner = new double[m];
        for (int d = 0; d < m; d++)
        {
            inner[d] = kernels.PenaltyInner(order, d);
        }

        for (int r = 0; r < m; r++)
        {
            for (int c = 0; c < m; c++)
            {
                h[((offset + r) * p) + offset + c] = inner[Math.Abs(r - c)];
            }
        }

        return h;
    }

    /// <summary>Solves with the columns scaled to unit diagonal (R_∞, L₀ and γ differ by orders of magnitude), then unscales.</summary>
    private static int SolveScaled(double[] h, double[] g, double[] x)
    {
        int p = g.Length;
        double[] scale = new double[p];
        for (int i = 0; i < p; i++)
        {
            scale[i] = h[(i * p) + i] > 0 ? 1 / Math.Sqrt(h[(i * p) + i]) : 1;
        }

        for (int i = 0; i < p; i++)
        {
            g[i] *= scale[i];
            for (int j = 0; j < p; j++)
            {
                h[(i * p) + j] *= scale[i] * scale[j];
            }
        }

        int iterations = NonNegativeQuadratic.Solve(h, g, x, 3 * p);
        for (int i = 0; i < p; i++)
        {
            x[i] *= scale[i];
        }

        return iterations;
    }

    private static DrtResult Result(ImpedanceSpectrum spectrum, DrtOptions options, double[] design, double[] x, double[] lnTau, double epsilon, int offset, int iterations, double lambda, ImmutableArray<DrtCriterionPoint> curve)
    {
        int n = spectrum.Count;
        int p = x.Length;
        double[] real = new double[n];
        double[] imaginary = new double[n];
        double[] residualReal = new double[n];
        double[] residualImaginary = new double[n];
        for (int i = 0; i < n; i++)
        {
            double zr = 0;
            double zi = 0;
            for (int j = 0; j < p; j++)
            {
                zr += design[(i * p) + j] * x[j];
                zi += design[((n + i) * p) + j] * x[j];
            }

            real[i] = zr;
            imaginary[i] = zi;
            double magnitude = Math.Sqrt((spectrum.Real[i] * spectrum.Real[i]) + (spectrum.Imaginary[i] * spectrum.Imaginary[i]));
            magnitude = magnitude > 0 ? magnitude : 1;
            residualReal[i] = (spectrum.Real[i] - zr) / magnitude;
            residualImaginary[i] = (spectrum.Imaginary[i] - zi) / magnitude;
        }

        int c = 0;
        double seriesResistance = options.FitSeriesResistance ? x[c++] : 0;
        double inductance = options.FitInductance ? x[c] : 0;
        return new DrtResult(
            options.Basis,
            [.. lnTau.Select(Math.Exp)],
            [.. x.AsSpan(offset).ToArray()],
            epsilon,
            seriesResistance,
            inductance,
            lambda,
            options.Lambda is null ? options.Criterion : null,
            curve,
            new ImpedanceSpectrum(spectrum.Frequency, real, imaginary),
            ImmutableArray.Create(residualReal),
            ImmutableArray.Create(residualImaginary),
            iterations >= 0,
            Math.Max(iterations, 0));
    }
}
