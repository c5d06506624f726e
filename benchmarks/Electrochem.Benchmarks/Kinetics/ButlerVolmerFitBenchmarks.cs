using BenchmarkDotNet.Attributes;
using Electrochem.Fitting;
using Electrochem.Kinetics;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;

namespace Electrochem.Benchmarks.Kinetics;

/// <summary>
/// A Butler–Volmer fit (ln i₀, α_a, α_c) of a 10,000-point sweep and an odd size: the library (grid start,
/// analytic Jacobian, pooled buffers) beside MathNet.Numerics 5's <see cref="LevenbergMarquardtMinimizer"/> with the
/// same model, the same analytic Jacobian and a start at the grid's best point (so the baseline gets no handicap on
/// starting values).
/// </summary>
[MemoryDiagnoser]
public class ButlerVolmerFitBenchmarks
{
    private const double Temperature = 298.15;
    private double[] _overpotential = [];
    private double[] _current = [];
    private double _f;

    /// <summary>Points in the sweep.</summary>
    [Params(6 * 512 + 7, 10_000)]
    public int PointCount { get; set; }

    /// <summary>A Butler–Volmer sweep over ±0.3 V with 2 % noise.</summary>
    [GlobalSetup]
    public void Setup()
    {
        (_overpotential, _current) = KineticsBenchmarkData.Sweep(PointCount, 0.3);
        _f = new ButlerVolmer(1, 0.5, 0.5, 1, Temperature).ReciprocalThermalVoltage;
    }

    /// <summary>MathNet's Levenberg–Marquardt on the same least-squares problem.</summary>
    /// <returns>The fitted ln i₀.</returns>
    [Benchmark(Baseline = true)]
    public double MathNetLevenbergMarquardt()
    {
        double[] eta = _overpotential;
        double f = _f;
        Vector<double> x = Vector<double>.Build.DenseOfArray(eta);
        Vector<double> y = Vector<double>.Build.DenseOfArray(_current);
        IObjectiveModel objective = ObjectiveFunction.NonlinearModel(
            (theta, xs) =>
            {
                double i0 = Math.Exp(theta[0]);
                return Vector<double>.Build.Dense(xs.Count, k => i0 * (Math.Exp(theta[1] * f * xs[k]) - Math.Exp(-theta[2] * f * xs[k])));
            },
            (theta, xs) =>
            {
                double i0 = Math.Exp(theta[0]);
                return Matrix<double>.Build.Dense(xs.Count, 3, (k, j) =>
                {
                    double ea = Math.Exp(theta[1] * f * xs[k]);
                    double ec = Math.Exp(-theta[2] * f * xs[k]);
                    return j switch
                    {
                        0 => i0 * (ea - ec),
                        1 => i0 * f * xs[k] * ea,
                        _ => i0 * f * xs[k] * ec,
                    };
                });
            },
            x,
            y);
        var minimizer = new LevenbergMarquardtMinimizer(maximumIterations: 500);
        NonlinearMinimizationResult result = minimizer.FindMinimum(objective, Vector<double>.Build.DenseOfArray([Math.Log(1e-3), 0.5, 0.5]));
        return result.MinimizingPoint[0];
    }

    /// <summary>The library's fit, automatic start included.</summary>
    /// <returns>The fitted ln i₀.</returns>
    [Benchmark]
    public double Library()
    {
        FitResult<ButlerVolmer> fit = ButlerVolmer.Fit(_overpotential, _current, 1, Temperature);
        return fit[ButlerVolmer.LnExchangeCurrentDensityName].Value;
    }
}
