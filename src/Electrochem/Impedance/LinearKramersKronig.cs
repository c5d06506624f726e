using Electrochem.Fitting;
using System.Collections.Immutable;
using MathNet.Numerics.LinearAlgebra;

namespace Electrochem.Impedance;

/// <summary>
/// The Lin-KK test of Schönleber et al. (Electrochim. Acta 131 (2014) 20–27): fit the Kramers–Kronig-compliant model
/// Ẑ(ω) = R₀ + jωL [+ 1/(jωC)] + Σₖ₌₁..M Rₖ/(1 + jωτₖ), with the τₖ fixed and log-spaced from 1/(2π·f_max) to
/// 1/(2π·f_min), by linear least squares weighted by 1/|Z|, and grow M from 1 until μ = 1 − Σ|Rₖ&lt;0|/Σ|Rₖ≥0| falls to
/// the cutoff c. Implemented as impedance.py 1.7 does (whose authors checked it against Schönleber's Lin-KK software):
/// least-squares solutions are minimum-norm pseudo-inverse solutions (singular values below 10⁻¹⁵ of the largest are
/// dropped, as numpy's pinv does), so over-parameterised M still gives a defined answer; for M = 1 the single τ is
/// 1/(2π·f_min). Unlike impedance.py, M never exceeds <see cref="LinearKramersKronigOptions.MaximumElementCount"/>.
/// </summary>
public static class LinearKramersKronig
{
    private const double PseudoInverseCutoff = 1e-15;
    private const double FullRankThreshold = 1e-10;

    /// <summary>Runs the Lin-KK test.</summary>
    /// <param name="spectrum">The spectrum (any order; at least 3 points).</param>
    /// <param name="options">Part fitted, μ cutoff, maximum M, series capacitance; null for defaults.</param>
    /// <param name="cancellationToken">Checked before each M.</param>
    /// <returns>M, μ (and μ for every M tried), the fitted elements, the fitted spectrum and the relative residuals.</returns>
    /// <exception cref="ArgumentException">The spectrum has fewer than 3 points, or an option is out of range.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    /// <example><code>var kk = LinearKramersKronig.Test(spectrum, LinearKramersKronigOptions.Default with { Cutoff = 0.69 });
    /// bool looksValid = kk.MaximumAbsoluteResidual &lt; 0.01;</code></example>
    public static LinearKramersKronigResult Test(ImpedanceSpectrum spectrum, LinearKramersKronigOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(spectrum);
        options ??= LinearKramersKronigOptions.Default;
        options.Validate();
        Preconditions.CheckMinimumCount(spectrum.Count, 3, nameof(spectrum), "the Lin-KK test needs at least 3 points");

        if (options.Selection == KramersKronigSelection.Fixed && options.MaximumElementCount > spectrum.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.MaximumElementCount, $"The Lin-KK test was asked for {options.MaximumElementCount} RC elements but the spectrum has {spectrum.Count} points; use at most one element per point.");
        }

        options = options with { MaximumElementCount = Math.Min(options.MaximumElementCount, spectrum.Count) }; // a search stops at one element per point
        try
        {
            var work = new Problem(spectrum, options);
            var mus = ImmutableArray.CreateBuilder<double>();
            var chiSquares = ImmutableArray.CreateBuilder<double>();
            Solution solution;
            switch (options.Selection)
            {
                case KramersKronigSelection.MuCriterion:
                {
                    int m = 0;
                    do
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        m++;
                        solution = work.Solve(m, options.IncludeSeriesCapacitance, seriesElements: false);
                        mus.Add(solution.Mu);
                    }
                    while (solution.Mu > options.Cutoff!.Value && m < options.MaximumElementCount);

                    solution = work.Solve(m, options.IncludeSeriesCapacitance);
                    break;
                }

                case KramersKronigSelection.Fixed:
                    cancellationToken.ThrowIfCancellationRequested();
                    solution = work.Solve(options.MaximumElementCount, options.IncludeSeriesCapacitance);
                    mus.Add(solution.Mu);
                    break;

                default:
                    solution = Automatic(work, options, mus, chiSquares, cancellationToken);
                    break;
            }

            if (!double.IsFinite(solution.Mu) || !solution.Resistances.All(double.IsFinite))
            {
                throw new ArgumentException("The Lin-KK fit gives non-finite values for this spectrum: its impedances overflow or underflow double precision. Check their units and magnitudes.", nameof(spectrum));
            }

            return work.Result(solution, mus.ToImmutable(), chiSquares.ToImmutable());
        }
        catch (MathNet.Numerics.NonConvergenceException)
        {
            // No third-party exception reaches a caller: say what it means for the data.
            throw new ArgumentException("The Lin-KK least-squares problem could not be solved (its singular value decomposition did not converge): the impedances are probably denormal, enormous or degenerate. Check the spectrum's units and values.", nameof(spectrum));
        }
    }

    /// <summary>log₁₀ of the factor within which the pseudo-χ² must come to its lowest value for M to be chosen.</summary>
    private const double PlateauLogFactor = 0.1;

    /// <summary>log₁₀ of the factor by which a series capacitance must lower the lowest pseudo-χ² to be kept.</summary>
    private const double CapacitanceLogFactor = 0.30103; // log₁₀ 2

    /// <summary>
    /// <see cref="KramersKronigSelection.Automatic"/>: fits M = 1 … min(max, N/2) with and without a series capacitance
    /// (only with it when the options ask for it), keeps the capacitance when it lowers the lowest pseudo-χ² at least
    /// twofold, and takes the smallest M whose pseudo-χ² is within 10^0.1 of the lowest.
    /// </summary>
    private static Solution Automatic(Problem work, LinearKramersKronigOptions options, ImmutableArray<double>.Builder mus, ImmutableArray<double>.Builder chiSquares, CancellationToken cancellationToken)
    {
        int largest = Math.Max(1, Math.Min(options.MaximumElementCount, work.PointCount / 2));
        bool[] capacitances = options.IncludeSeriesCapacitance ? [true] : [false, true];
        var curves = new List<(bool Capacitance, Solution[] Solutions, double[] LogChi)>();
        foreach (bool capacitance in capacitances)
        {
            var solutions = new Solution[largest];
            var logChi = new double[largest];
            for (int m = 1; m <= largest; m++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                solutions[m - 1] = work.Solve(m, capacitance);
                logChi[m - 1] = Math.Log10(work.PseudoChiSquare(solutions[m - 1]));
            }

            curves.Add((capacitance, solutions, logChi));
        }

        (bool _, Solution[] chosen, double[] chi) = curves[0];
        if (curves.Count == 2 && Lowest(curves[1].LogChi) < Lowest(curves[0].LogChi) - CapacitanceLogFactor)
        {
            (_, chosen, chi) = curves[1];
        }

        double floor = Lowest(chi);
        int index = Array.FindIndex(chi, c => c <= floor + PlateauLogFactor);
        index = index < 0 ? chi.Length - 1 : index;
        foreach (Solution s in chosen)
        {
            mus.Add(s.Mu);
        }

        foreach (double c in chi)
        {
            chiSquares.Add(Math.Pow(10, c));
        }

        return chosen[index];
    }

    /// <summary>The smallest finite value, or +∞.</summary>
    private static double Lowest(double[] values) => values.Where(double.IsFinite).DefaultIfEmpty(double.PositiveInfinity).Min();

    /// <summary>One fitted model: M, τₖ, the coefficients R₀, Rₖ, L and 1/C, and whether a series capacitance was fitted.</summary>
    private sealed record Solution(int ElementCount, double[] TimeConstants, double SeriesResistance, double[] Resistances, double SeriesInductance, double InverseCapacitance, double Mu, bool WithCapacitance);

    /// <summary>The spectrum in the form the fits need: ω, |Z|, and Z′/|Z|, Z″/|Z|.</summary>
    private sealed class Problem
    {
        private readonly ImpedanceSpectrum _spectrum;
        private readonly LinearKramersKronigOptions _options;
        private readonly double[] _omega;
        private readonly double[] _modulus;
        private readonly double _tauMinimum;
        private readonly double _tauMaximum;

        internal Problem(ImpedanceSpectrum spectrum, LinearKramersKronigOptions options)
        {
            _spectrum = spectrum;
            _options = options;
            _omega = new double[spectrum.Count];
            _modulus = new double[spectrum.Count];
            spectrum.AngularFrequency(_omega);
            spectrum.Modulus(_modulus);
            if (_modulus.Any(m => m == 0))
            {
                throw new ArgumentException("The spectrum has a point with Z = 0; Lin-KK weights each point by 1/|Z|.", nameof(spectrum));
            }

            _tauMinimum = 1 / (2 * Math.PI * spectrum.MaximumFrequency);
            _tauMaximum = 1 / (2 * Math.PI * spectrum.MinimumFrequency);
        }

        private int N => _omega.Length;

        internal int PointCount => N;

        /// <summary>Fits M elements, with or without a series capacitance; <paramref name="seriesElements"/> false skips what μ does not need (L and C of a real-part fit).</summary>
        internal Solution Solve(int m, bool capacitance, bool seriesElements = true)
        {
            double[] tau = TimeConstants(m);
            double r0;
            double[] rk = new double[m];
            double inductance;
            double inverseCapacitance = 0;
            switch (_options.Part)
            {
                case KramersKronigPart.Real:
                {
                    // Z′/|Z| = R₀/|Z| + Σ Rₖ·Re Kₖ/|Z|; then L (and 1/C) from the remaining Z″.
                    double[] x = LeastSquares(N, m + 1, (i, j) => j == 0 ? 1 / _modulus[i] : VoigtReal(i, tau[j - 1]) / _modulus[i], i => _spectrum.Real[i] / _modulus[i]);
                    r0 = x[0];
                    Array.Copy(x, 1, rk, 0, m);
                    if (!seriesElements)
                    {
                        inductance = 0;
                        break;
                    }

                    double[] y = LeastSquares(N, capacitance ? 2 : 1, (i, j) => j == 0 ? _omega[i] / _modulus[i] : -1 / (_omega[i] * _modulus[i]), i => (_spectrum.Imaginary[i] - VoigtSumImaginary(i, tau, rk)) / _modulus[i]);
                    inductance = y[0];
                    inverseCapacitance = capacitance ? y[1] : 0;
                    break;
                }

                case KramersKronigPart.Imaginary:
                {
                    // Z″/|Z| = Σ Rₖ·Im Kₖ/|Z| + ωL/|Z| [− (1/C)/(ω|Z|)]; then R₀ from Z′ with weights 1/|Z|² (Boukamp 1995, eq. 7).
                    int columns = m + 1 + (capacitance ? 1 : 0);
                    double[] x = LeastSquares(N, columns, (i, j) => j < m ? VoigtImaginary(i, tau[j]) / _modulus[i] : j == m ? _omega[i] / _modulus[i] : -1 / (_omega[i] * _modulus[i]), i => _spectrum.Imaginary[i] / _modulus[i]);
                    Array.Copy(x, 0, rk, 0, m);
                    inductance = x[m];
                    inverseCapacitance = capacitance ? x[m + 1] : 0;
                    double numerator = 0;
                    double denominator = 0;
                    for (int i = 0; i < N; i++)
                    {
                        double w = 1 / (_modulus[i] * _modulus[i]);
                        numerator += w * (_spectrum.Real[i] - VoigtSumReal(i, tau, rk));
                        denominator += w;
                    }

                    r0 = numerator / denominator;
                    break;
                }

                default:
                {
                    // Both parts stacked: rows 0..N−1 real, N..2N−1 imaginary.
                    int columns = m + 2 + (capacitance ? 1 : 0);
                    double[] x = LeastSquares(2 * N, columns, (row, j) =>
                    {
                        bool real = row < N;
                        int i = real ? row : row - N;
                        return j switch
                        {
                            0 => real ? 1 / _modulus[i] : 0,
                            _ when j <= m => (real ? VoigtReal(i, tau[j - 1]) : VoigtImaginary(i, tau[j - 1])) / _modulus[i],
                            _ when j == m + 1 => real ? 0 : _omega[i] / _modulus[i],
                            _ => real ? 0 : -1 / (_omega[i] * _modulus[i]),
                        };
                    }, row => row < N ? _spectrum.Real[row] / _modulus[row] : _spectrum.Imaginary[row - N] / _modulus[row - N]);
                    r0 = x[0];
                    Array.Copy(x, 1, rk, 0, m);
                    inductance = x[m + 1];
                    inverseCapacitance = capacitance ? x[m + 2] : 0;
                    break;
                }
            }

            return new Solution(m, tau, r0, rk, inductance, inverseCapacitance, Mu(rk), capacitance);
        }

        /// <summary>Boukamp's pseudo-χ² = Σ (Δ′² + Δ″²) of a solution, without building the result.</summary>
        internal double PseudoChiSquare(Solution s)
        {
            double sum = 0;
            for (int i = 0; i < N; i++)
            {
                double real = (_spectrum.Real[i] - s.SeriesResistance - VoigtSumReal(i, s.TimeConstants, s.Resistances)) / _modulus[i];
                double imaginary = (_spectrum.Imaginary[i] - (_omega[i] * s.SeriesInductance) + (s.InverseCapacitance / _omega[i]) - VoigtSumImaginary(i, s.TimeConstants, s.Resistances)) / _modulus[i];
                sum += (real * real) + (imaginary * imaginary);
            }

            return sum;
        }

        internal LinearKramersKronigResult Result(Solution s, ImmutableArray<double> mus, ImmutableArray<double> chiSquares)
        {
            var fittedReal = new double[N];
            var fittedImaginary = new double[N];
            var residualReal = new double[N];
            var residualImaginary = new double[N];
            for (int i = 0; i < N; i++)
            {
                fittedReal[i] = s.SeriesResistance + VoigtSumReal(i, s.TimeConstants, s.Resistances);
                fittedImaginary[i] = (_omega[i] * s.SeriesInductance) - (s.InverseCapacitance / _omega[i]) + VoigtSumImaginary(i, s.TimeConstants, s.Resistances);
                residualReal[i] = (_spectrum.Real[i] - fittedReal[i]) / _modulus[i];
                residualImaginary[i] = (_spectrum.Imaginary[i] - fittedImaginary[i]) / _modulus[i];
            }

            double? capacitance = s.WithCapacitance ? 1 / s.InverseCapacitance : null;
            return new LinearKramersKronigResult(s.ElementCount, s.Mu, mus, [.. s.TimeConstants], [.. s.Resistances], s.SeriesResistance, s.SeriesInductance, capacitance,
                [.. fittedReal], [.. fittedImaginary], [.. residualReal], [.. residualImaginary], _options.Part)
            {
                Selection = _options.Selection,
                PseudoChiSquareByElementCount = chiSquares,
                Verdict = KramersKronigVerdicts.Judge(residualReal, residualImaginary, _options),
            };
        }

        /// <summary>τₖ log-spaced from τ_min to τ_max; for M = 1 the single τ is τ_max (as impedance.py).</summary>
        private double[] TimeConstants(int m)
        {
            var tau = new double[m];
            if (m == 1)
            {
                tau[0] = _tauMaximum;
                return tau;
            }

            double logMinimum = Math.Log10(_tauMinimum);
            double logSpan = Math.Log10(_tauMaximum / _tauMinimum);
            for (int k = 0; k < m; k++)
            {
                tau[k] = k == 0 ? _tauMinimum : k == m - 1 ? _tauMaximum : Math.Pow(10, logMinimum + (k * logSpan / (m - 1)));
            }

            return tau;
        }

        /// <summary>Re 1/(1 + jωτ) = 1/(1 + ω²τ²).</summary>
        private double VoigtReal(int i, double tau)
        {
            double x = _omega[i] * tau;
            return 1 / (1 + (x * x));
        }

        /// <summary>Im 1/(1 + jωτ) = −ωτ/(1 + ω²τ²).</summary>
        private double VoigtImaginary(int i, double tau)
        {
            double x = _omega[i] * tau;
            return -x / (1 + (x * x));
        }

        private double VoigtSumReal(int i, double[] tau, double[] r)
        {
            double sum = 0;
            for (int k = 0; k < tau.Length; k++)
            {
                sum += r[k] * VoigtReal(i, tau[k]);
            }

            return sum;
        }

        private double VoigtSumImaginary(int i, double[] tau, double[] r)
        {
            double sum = 0;
            for (int k = 0; k < tau.Length; k++)
            {
                sum += r[k] * VoigtImaginary(i, tau[k]);
            }

            return sum;
        }

        /// <summary>
        /// The minimum-norm least-squares solution x = A⁺b. A full-rank system (every |Rₖₖ| of a thin QR above
        /// 10⁻¹⁰ of the largest) has a unique solution, found by the QR; otherwise the singular value decomposition
        /// gives the pseudo-inverse solution, dropping singular values below 10⁻¹⁵ of the largest as numpy's pinv does.
        /// </summary>
        private static double[] LeastSquares(int rows, int columns, Func<int, int, double> design, Func<int, double> target)
        {
            if (rows >= columns)
            {
                // The library's own single-threaded Householder QR (Math.NET's parallelises small matrices, which costs
                // more than it saves here); rank-deficient systems fall through to the SVD below.
                var dense = new double[rows * columns];
                var rhs = new double[rows];
                for (int i = 0; i < rows; i++)
                {
                    rhs[i] = target(i);
                    for (int j = 0; j < columns; j++)
                    {
                        dense[(i * columns) + j] = design(i, j);
                    }
                }

                var x = new double[columns];
                if (DenseAlgebra.LeastSquaresQr(dense, rows, columns, rhs, x, FullRankThreshold))
                {
                    return x;
                }
            }

            Matrix<double> a = Matrix<double>.Build.Dense(rows, columns, design);
            Vector<double> b = Vector<double>.Build.Dense(rows, target);
            var svd = a.Svd(computeVectors: true);

            Vector<double> s = svd.S;
            double cutoff = PseudoInverseCutoff * s.Maximum();
            Vector<double> projected = svd.U.TransposeThisAndMultiply(b);
            var scaled = Vector<double>.Build.Dense(columns);
            for (int k = 0; k < s.Count; k++)
            {
                scaled[k] = s[k] > cutoff ? projected[k] / s[k] : 0;
            }

            return svd.VT.TransposeThisAndMultiply(scaled).ToArray();
        }

        private static double Mu(double[] resistances)
        {
            double negative = 0;
            double positive = 0;
            foreach (double r in resistances)
            {
                if (r < 0)
                {
                    negative -= r;
                }
                else
                {
                    positive += r;
                }
            }

            return 1 - (negative / positive);
        }
    }
}
