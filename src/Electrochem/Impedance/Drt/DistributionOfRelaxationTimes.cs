using System.Collections.Immutable;
using System.Numerics.Tensors;
using Electrochem.Fitting;

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
/// <para>
/// The non-negative problem is solved exactly (an active-set method on the column-scaled normal equations). λ criteria
/// use the unconstrained problem diagonalised once (a generalised symmetric eigenproblem), so each trial λ costs O(p).
/// </para>
/// </remarks>
public static class DistributionOfRelaxationTimes
{
    /// <summary>A reconstruction whose residual norm exceeds this fraction of the fitted data's norm, ‖Z − Ẑ‖/‖Z‖, gets a warning (0.05; noise of 1 % of |Z| gives about 0.01).</summary>
    public const double MisfitWarningLevel = 0.05;

    /// <summary>The most grid points accepted: a finer grid than this resolves nothing a spectrum holds.</summary>
    public const int MaximumGridPoints = 2000;

    /// <summary>Computes the DRT of a spectrum, with the given λ or one chosen by the options' criterion.</summary>
    /// <param name="spectrum">The spectrum: at least 5 points over more than one frequency (Hz, Ω).</param>
    /// <param name="options">λ, the basis, the penalty order, the part fitted, what else is fitted, the credible band.</param>
    /// <param name="cancellationToken">Checked between stages and during the band's sampling.</param>
    /// <returns>The DRT, R_∞, L₀, the reconstructed spectrum and its residuals, γ at λ/10 and 10λ, the band if asked, and whether the solve converged.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The spectrum has fewer than 5 points or a single frequency, the grid would exceed <see cref="MaximumGridPoints"/>, or the options contradict each other.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is outside its range.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public static DrtResult Compute(ImpedanceSpectrum spectrum, DrtOptions options, CancellationToken cancellationToken = default)
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
        var warnings = new List<string>();
        bool series = options.FitSeriesResistance && options.Part != DrtDataPart.Imaginary;
        bool inductance = options.FitInductance && options.Part != DrtDataPart.Real;
        if (options.FitSeriesResistance && !series)
        {
            warnings.Add("R_∞ was left out of the model: an imaginary-only fit cannot determine it (it has no imaginary part).");
        }

        if (options.FitInductance && !inductance)
        {
            warnings.Add("L₀ was left out of the model: a real-only fit cannot determine it (it has no real part).");
        }

        using var model = new Model(spectrum, lnTau, new DrtBasisKernels(options.Basis, options.FwhmCoefficient, step), series, inductance, options);
        cancellationToken.ThrowIfCancellationRequested();
        double lambda;
        ImmutableArray<DrtCriterionPoint> curve = [];
        DrtRidge? ridge = DrtRidge.Create(model.Ata, model.Penalty, model.Atb, model.Btb, model.Rows);
        if (options.Lambda is { } given)
        {
            lambda = given;
        }
        else
        {
            if (ridge is null)
            {
                throw new ArgumentException("The DRT problem is singular: a column of the model is determined neither by the data nor by the penalty (is the spectrum all zeros?).", nameof(spectrum));
            }

            double noise = options.NoiseStandardDeviation ?? 0;
            (lambda, curve, bool atEnd) = DrtLambdaSearch.Search(ridge, options.Criterion, noise * noise);
            if (atEnd)
            {
                warnings.Add(lambda < 1e-6
                    ? $"λ by {options.Criterion} lies at the lower end of the search (1e-7): the data are nearly noiseless, or the criterion has no minimum inside; check the DRT at a few larger λ."
                    : $"λ by {options.Criterion} lies at the upper end of the search (1): the criterion has no minimum inside; the DRT is probably over-smoothed.");
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        double[] x = new double[model.P];
        int iterations = model.Solve(lambda, x);
        double residual = model.Residual(x);
        double effective = ridge?.Trace(lambda) ?? 0;
        double sigma = Math.Sqrt(residual / Math.Max(model.Rows - effective, 1));
        double[] low = new double[model.P];
        double[] high = new double[model.P];
        model.Solve(lambda / 10, low);
        model.Solve(lambda * 10, high);
        DrtCredibleBand? band = options.CredibleBandSamples > 0
            ? model.Band(lambda, x, sigma, options, cancellationToken)
            : null;
        DrtResult result = model.Result(x, lambda, options.Lambda is null ? options.Criterion : null, curve, iterations);
        double misfit = Math.Sqrt(residual / model.Btb);
        if (misfit > MisfitWarningLevel)
        {
            warnings.Add(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"The DRT does not explain the data: the reconstruction misses the fitted values by {misfit * 100:0.#} % in the root-mean-square sense (‖Z − Ẑ‖/‖Z‖). Check the spectrum (Kramers–Kronig), a λ that is too large, or the basis: with γ ≥ 0 the tails of heavy-tailed bases (Cauchy, inverse quadratic) cannot cancel, so they cannot follow a DRT that falls off faster."));
        }

        return result with
        {
            Part = options.Part,
            NoiseStandardDeviation = sigma,
            GammaAtTenthLambda = model.GammaOnGrid(low),
            GammaAtTenfoldLambda = model.GammaOnGrid(high),
            Band = band,
            Warnings = [.. warnings],
        };
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

    /// <summary>The discretised problem of one spectrum: design, normal equations and penalty in column-scaled form.</summary>
    private sealed class Model : IDisposable
    {
        private readonly ImpedanceSpectrum spectrum;
        private readonly double[] lnTau;
        private readonly DrtBasisKernels kernels;
        private readonly int offset;
        private readonly bool series;
        private readonly bool inductance;
        private readonly DrtOptions options;
        private readonly double[] design;
        private readonly double[] scale;
        private readonly int firstRow;

        internal Model(ImpedanceSpectrum spectrum, double[] lnTau, DrtBasisKernels kernels, bool series, bool inductance, DrtOptions options)
        {
            this.spectrum = spectrum;
            this.lnTau = lnTau;
            this.kernels = kernels;
            this.series = series;
            this.inductance = inductance;
            this.options = options;
            int n = spectrum.Count;
            offset = (series ? 1 : 0) + (inductance ? 1 : 0);
            P = offset + lnTau.Length;
            design = Design(spectrum, lnTau, kernels, series, inductance, offset);
            (firstRow, Rows) = options.Part switch
            {
                DrtDataPart.Real => (0, n),
                DrtDataPart.Imaginary => (n, n),
                _ => (0, 2 * n),
            };
            double[] b = new double[2 * n];
            spectrum.Real.CopyTo(b);
            spectrum.Imaginary.CopyTo(b.AsSpan(n));
            B = b;
            Ata = new double[P * P];
            Atb = new double[P];
            for (int r = firstRow; r < firstRow + Rows; r++)
            {
                ReadOnlySpan<double> row = design.AsSpan(r * P, P);
                TensorPrimitives.MultiplyAdd(row, b[r], Atb, Atb);
                for (int i = 0; i < P; i++)
                {
                    if (row[i] != 0)
                    {
                        Span<double> target = Ata.AsSpan(i * P, P);
                        TensorPrimitives.MultiplyAdd(row, row[i], target, target);
                    }
                }
            }

            Btb = TensorPrimitives.Dot(b.AsSpan(firstRow, Rows), b.AsSpan(firstRow, Rows));

            // Columns scaled to unit diagonal of AᵀA (R_∞, L₀ and the basis differ by orders of magnitude); the
            // solution is unscaled on the way out.
            scale = new double[P];
            for (int i = 0; i < P; i++)
            {
                scale[i] = Ata[(i * P) + i] > 0 ? 1 / Math.Sqrt(Ata[(i * P) + i]) : 1;
            }

            Penalty = PenaltyMatrix(P, offset, lnTau.Length, kernels, options.PenaltyOrder);
            for (int i = 0; i < P; i++)
            {
                Atb[i] *= scale[i];
                for (int j = 0; j < P; j++)
                {
                    Ata[(i * P) + j] *= scale[i] * scale[j];
                    Penalty[(i * P) + j] *= scale[i] * scale[j];
                }
            }
        }

        internal int P { get; }

        /// <summary>Returns the design matrix's pooled array (large enough for the large-object heap, so pooling it keeps a batch of DRTs from triggering full collections).</summary>
        public void Dispose() => System.Buffers.ArrayPool<double>.Shared.Return(design);

        internal int Rows { get; }

        /// <summary>The data, Z′ then Z″.</summary>
        internal double[] B { get; }

        /// <summary>Scaled AᵀA over the fitted rows.</summary>
        internal double[] Ata { get; }

        /// <summary>Scaled Aᵀb.</summary>
        internal double[] Atb { get; }

        /// <summary>bᵀb over the fitted rows.</summary>
        internal double Btb { get; }

        /// <summary>Scaled penalty M.</summary>
        internal double[] Penalty { get; }

        /// <summary>Solves the non-negative problem at λ; x unscaled (Ω for the weights). Returns the active-set iterations, −1 when it did not converge.</summary>
        internal int Solve(double lambda, double[] x)
        {
            double[] h = Hessian(lambda);
            int iterations = NonNegativeQuadratic.Solve(h, Atb, x, 3 * P);
            for (int i = 0; i < P; i++)
            {
                x[i] *= scale[i];
            }

            return iterations;
        }

        /// <summary>‖b − Ax‖² over the fitted rows, x unscaled.</summary>
        internal double Residual(double[] x)
        {
            double sum = 0;
            for (int r = firstRow; r < firstRow + Rows; r++)
            {
                double e = B[r] - TensorPrimitives.Dot(design.AsSpan(r * P, P), x);
                sum += e * e;
            }

            return sum;
        }

        /// <summary>γ at the grid points for unscaled weights x.</summary>
        internal ImmutableArray<double> GammaOnGrid(double[] x)
        {
            int m = lnTau.Length;
            double[] values = new double[m];
            for (int d = 0; d < m; d++)
            {
                values[d] = DrtBasisKernels.Value(kernels.Basis, kernels.Shape, kernels.Step, d * kernels.Step);
            }

            double[] gamma = new double[m];
            for (int r = 0; r < m; r++)
            {
                double sum = 0;
                for (int c = 0; c < m; c++)
                {
                    sum += x[offset + c] * values[Math.Abs(r - c)];
                }

                gamma[r] = sum;
            }

            return ImmutableArray.Create(gamma);
        }

        /// <summary>The credible band by exact HMC on the truncated Gaussian posterior N(H⁻¹Aᵀb, σ²H⁻¹), H = AᵀA + λM (scaled).</summary>
        internal DrtCredibleBand? Band(double lambda, double[] solution, double sigma, DrtOptions options, CancellationToken cancellationToken)
        {
            double[] l = Hessian(lambda);
            if (!DenseAlgebra.Cholesky(l, P) || !(sigma > 0))
            {
                return null;
            }

            double[] mean = [.. Atb];
            DenseAlgebra.CholeskySolve(l, P, mean);

            // F = σ·L⁻ᵀ, so that x = mean + F·z with z ~ N(0, I): columns of L⁻¹ are rows of F.
            double[] factor = new double[P * P];
            double[] column = new double[P];
            for (int j = 0; j < P; j++)
            {
                Array.Clear(column);
                column[j] = 1;
                for (int i = j; i < P; i++)
                {
                    double sum = column[i];
                    for (int k = j; k < i; k++)
                    {
                        sum -= l[(i * P) + k] * column[k];
                    }

                    column[i] = sum / l[(i * P) + i];
                }

                for (int i = 0; i < P; i++)
                {
                    factor[(j * P) + i] = sigma * column[i];
                }
            }

            double[] start = new double[P];
            double top = 0;
            for (int i = 0; i < P; i++)
            {
                start[i] = solution[i] / scale[i];
                top = Math.Max(top, start[i]);
            }

            for (int i = 0; i < P; i++)
            {
                start[i] += 1e-9 * Math.Max(top, 1e-300);
            }

            int m = lnTau.Length;
            int count = options.CredibleBandSamples;
            double[] draws = new double[count * m];
            double[] weights = new double[P];
            int kept = 0;
            var sampler = new TruncatedGaussianSampler(factor, mean);
            sampler.Sample(start, count, Math.Max(count / 10, 50), new Random(options.Seed), draw =>
            {
                for (int i = 0; i < P; i++)
                {
                    weights[i] = draw[i] * scale[i];
                }

                GammaOnGrid(weights).AsSpan().CopyTo(draws.AsSpan(kept * m, m));
                kept++;
            }, cancellationToken);

            double tail = (1 - options.CredibleLevel) / 2;
            double[] lower = new double[m];
            double[] upper = new double[m];
            double[] average = new double[m];
            double[] values = new double[count];
            for (int j = 0; j < m; j++)
            {
                for (int k = 0; k < count; k++)
                {
                    values[k] = draws[(k * m) + j];
                }

                Array.Sort(values);
                lower[j] = Quantile(values, tail);
                upper[j] = Quantile(values, 1 - tail);
                average[j] = TensorPrimitives.Sum(values) / count;
            }

            return new DrtCredibleBand(options.CredibleLevel, count, options.Seed, [.. lower], [.. upper], [.. average]);
        }

        internal DrtResult Result(double[] x, double lambda, DrtLambdaCriterion? criterion, ImmutableArray<DrtCriterionPoint> curve, int iterations)
        {
            int n = spectrum.Count;
            double[] real = new double[n];
            double[] imaginary = new double[n];
            double[] residualReal = new double[n];
            double[] residualImaginary = new double[n];
            for (int i = 0; i < n; i++)
            {
                double zr = TensorPrimitives.Dot(design.AsSpan(i * P, P), x);
                double zi = TensorPrimitives.Dot(design.AsSpan((n + i) * P, P), x);
                real[i] = zr;
                imaginary[i] = zi;
                double magnitude = Math.Sqrt((spectrum.Real[i] * spectrum.Real[i]) + (spectrum.Imaginary[i] * spectrum.Imaginary[i]));
                magnitude = magnitude > 0 ? magnitude : 1;
                residualReal[i] = (spectrum.Real[i] - zr) / magnitude;
                residualImaginary[i] = (spectrum.Imaginary[i] - zi) / magnitude;
            }

            int c = 0;
            double? seriesResistance = series ? x[c++] : null;
            double? inductanceValue = inductance ? x[c] : null;
            return new DrtResult(
                options.Basis,
                [.. lnTau.Select(Math.Exp)],
                [.. x.AsSpan(offset).ToArray()],
                kernels.Shape,
                seriesResistance,
                inductanceValue,
                lambda,
                criterion,
                curve,
                new ImpedanceSpectrum(spectrum.Frequency, real, imaginary),
                ImmutableArray.Create(residualReal),
                ImmutableArray.Create(residualImaginary),
                iterations >= 0,
                Math.Max(iterations, 0));
        }

        private static double Quantile(double[] sorted, double probability)
        {
            double position = probability * (sorted.Length - 1);
            int below = (int)Math.Floor(position);
            int above = Math.Min(below + 1, sorted.Length - 1);
            return sorted[below] + ((position - below) * (sorted[above] - sorted[below]));
        }

        private double[] Hessian(double lambda)
        {
            double[] h = new double[P * P];
            TensorPrimitives.MultiplyAdd(Penalty, lambda, Ata, h);
            return h;
        }

        /// <summary>The design matrix, row-major 2n × p: n rows for Z′ then n for Z″; columns R_∞, L₀ (when fitted), then the basis.</summary>
        private static double[] Design(ImpedanceSpectrum spectrum, double[] lnTau, DrtBasisKernels kernels, bool series, bool inductance, int offset)
        {
            int n = spectrum.Count;
            int m = lnTau.Length;
            int p = offset + lnTau.Length;
            double[] a = System.Buffers.ArrayPool<double>.Shared.Rent(2 * n * p);
            Array.Clear(a, 0, 2 * n * p);
            ReadOnlySpan<double> f = spectrum.Frequency;
            for (int i = 0; i < n; i++)
            {
                double omega = 2 * Math.PI * f[i];
                double lnOmega = Math.Log(omega);
                Span<double> re = a.AsSpan(i * p, p);
                Span<double> im = a.AsSpan((n + i) * p, p);
                int c = 0;
                if (series)
                {
                    re[c++] = 1;
                }

                if (inductance)
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

        /// <summary>The penalty matrix (p×p, zero for R_∞ and L₀): ∫ γ⁽ᵏ⁾ₙ γ⁽ᵏ⁾ₘ d ln τ, which depends only on the grid distance.</summary>
        private static double[] PenaltyMatrix(int p, int offset, int m, DrtBasisKernels kernels, int order)
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
    }
}
