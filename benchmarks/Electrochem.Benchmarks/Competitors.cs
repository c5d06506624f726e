using System.Collections.Immutable;
using Electrochem.Fitting;
using Electrochem.Transport;
using MathNet.Numerics;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;

namespace Electrochem.Benchmarks;

/// <summary>
/// Every fitting method the benchmarks compare, written once so that the benchmarks and the <c>--check</c> mode
/// (which prints the estimates and exit reasons) run exactly the same code.
/// </summary>
public static class Competitors
{
    private const double KB = SyntheticData.KB;

    /// <summary>Start of MathNet's direct Arrhenius fit: A = 100 S/cm (true 1000), Ea = 0.25 eV (true 0.30).</summary>
    public static readonly double[] ArrheniusStart = [100.0, 0.25];

    /// <summary>Start of MathNet's VTF fit: ln A = 0 (true ln 50 ≈ 3.9), B = 500 K (true 1000), T0 = 100 K (true 180).</summary>
    public static readonly double[] VtfStart = [0.0, 500.0, 100.0];

    /// <summary>Start of both engines on the decay: a = 1 (true 5), τ = 1 (true 2), c = 0 (true 0.5).</summary>
    public static readonly double[] DecayStart = [1.0, 1.0, 0.0];

    // ---------------------------------------------------------------- Arrhenius

    /// <summary>Electrochem: weighted-capable linear fit in log space with SE, CI, covariance and residuals.</summary>
    public static FitResult<Arrhenius> ElectrochemArrhenius(double[] t, double[] sigma) =>
        Arrhenius.Fit(t, sigma, ArrheniusForm.Conductivity);

    /// <summary>The naive way: scalar loops into fresh arrays, then MathNet's Fit.Line (no uncertainties). Returns (ln A, Ea).</summary>
    public static (double LnA, double Ea) NaiveArrhenius(double[] t, double[] sigma)
    {
        var x = new double[t.Length];
        var y = new double[t.Length];
        for (int i = 0; i < t.Length; i++)
        {
            x[i] = 1.0 / t[i];
            y[i] = Math.Log(sigma[i]);
        }

        (double intercept, double slope) = Fit.Line(x, y);
        return (intercept, -slope * KB);
    }

    /// <summary>
    /// MathNet's general nonlinear least squares of σ = A·exp(−Ea/(k_B·T)) directly in σ (unweighted, analytic
    /// Jacobian, unbounded, default tolerances). Note the estimator differs from the log-space fit: it minimises
    /// absolute residuals in σ, which over-weights the hottest points.
    /// </summary>
    public static NonlinearMinimizationResult MathNetArrhenius(double[] t, double[] sigma)
    {
        Vector<double> x = Vector<double>.Build.Dense(t);
        Vector<double> y = Vector<double>.Build.Dense(sigma);
        IObjectiveModel objective = ObjectiveFunction.NonlinearModel(
            (p, temperatures) => temperatures.Map(temperature => p[0] * Math.Exp(-p[1] / (KB * temperature))),
            (p, temperatures) =>
            {
                Matrix<double> jacobian = Matrix<double>.Build.Dense(temperatures.Count, 2);
                for (int i = 0; i < temperatures.Count; i++)
                {
                    double e = Math.Exp(-p[1] / (KB * temperatures[i]));
                    jacobian[i, 0] = e;
                    jacobian[i, 1] = -p[0] * e / (KB * temperatures[i]);
                }

                return jacobian;
            },
            x,
            y);
        var minimizer = new LevenbergMarquardtMinimizer();
        return minimizer.FindMinimum(objective, Vector<double>.Build.Dense(ArrheniusStart));
    }

    // ---------------------------------------------------------------- VTF

    /// <summary>Electrochem: profiled start, then bounded LM in log space.</summary>
    public static FitResult<VogelTammannFulcher> ElectrochemVtf(double[] t, double[] sigma) =>
        VogelTammannFulcher.Fit(t, sigma);

    /// <summary>
    /// MathNet's LM on the same log-space model ln σ = ln A − ½ ln T − B/(T − T0) with the analytic Jacobian, from the
    /// fixed start <see cref="VtfStart"/>. MathNet needs every bound finite once any is given; the bounds are
    /// ln A ∈ [−50, 50], B ∈ [0, 10⁵] K, T0 ∈ [0, min T − 1] K (the same T0 ceiling Electrochem uses).
    /// </summary>
    public static NonlinearMinimizationResult MathNetVtf(double[] t, double[] sigma)
    {
        Vector<double> x = Vector<double>.Build.Dense(t);
        Vector<double> y = Vector<double>.Build.Dense(sigma.Length, i => Math.Log(sigma[i]));
        IObjectiveModel objective = ObjectiveFunction.NonlinearModel(
            (p, temperatures) => temperatures.Map(temperature => p[0] - (0.5 * Math.Log(temperature)) - (p[1] / (temperature - p[2]))),
            (p, temperatures) =>
            {
                Matrix<double> jacobian = Matrix<double>.Build.Dense(temperatures.Count, 3);
                for (int i = 0; i < temperatures.Count; i++)
                {
                    double inverseGap = 1.0 / (temperatures[i] - p[2]);
                    jacobian[i, 0] = 1.0;
                    jacobian[i, 1] = -inverseGap;
                    jacobian[i, 2] = -p[1] * inverseGap * inverseGap;
                }

                return jacobian;
            },
            x,
            y);
        double minimum = t.Min();
        var minimizer = new LevenbergMarquardtMinimizer();
        return minimizer.FindMinimum(
            objective,
            Vector<double>.Build.Dense(VtfStart),
            Vector<double>.Build.Dense([-50.0, 0.0, 0.0]),
            Vector<double>.Build.Dense([50.0, 1e5, minimum - 1.0]));
    }

    // ---------------------------------------------------------------- engine

    /// <summary>The decay y = a·exp(−t/τ) + c as an Electrochem model with its analytic Jacobian.</summary>
    public static NonlinearModel DecayModel(double[] t)
    {
        ImmutableArray<ParameterDefinition> parameters = [new("a", string.Empty), new("tau", "s"), new("c", string.Empty)];
        return new NonlinearModel(
            parameters,
            (p, values) =>
            {
                double a = p[0];
                double inverseTau = 1.0 / p[1];
                double c = p[2];
                for (int i = 0; i < t.Length; i++)
                {
                    values[i] = (a * Math.Exp(-t[i] * inverseTau)) + c;
                }
            },
            (p, jacobian) =>
            {
                int n = t.Length;
                double a = p[0];
                double tau = p[1];
                for (int i = 0; i < n; i++)
                {
                    double e = Math.Exp(-t[i] / tau);
                    jacobian[i] = e;
                    jacobian[n + i] = a * e * t[i] / (tau * tau);
                    jacobian[(2 * n) + i] = 1.0;
                }
            });
    }

    /// <summary>Electrochem's Levenberg–Marquardt on the decay.</summary>
    public static FitResult ElectrochemDecay(NonlinearModel model, double[] y) =>
        NonlinearLeastSquares.Fit(model, y, DecayStart);

    /// <summary>MathNet's LevenbergMarquardtMinimizer on the decay, analytic Jacobian, unbounded, default tolerances.</summary>
    public static NonlinearMinimizationResult MathNetDecay(double[] t, double[] y)
    {
        IObjectiveModel objective = ObjectiveFunction.NonlinearModel(
            (p, times) => times.Map(time => (p[0] * Math.Exp(-time / p[1])) + p[2]),
            (p, times) =>
            {
                Matrix<double> jacobian = Matrix<double>.Build.Dense(times.Count, 3);
                for (int i = 0; i < times.Count; i++)
                {
                    double e = Math.Exp(-times[i] / p[1]);
                    jacobian[i, 0] = e;
                    jacobian[i, 1] = p[0] * e * times[i] / (p[1] * p[1]);
                    jacobian[i, 2] = 1.0;
                }

                return jacobian;
            },
            Vector<double>.Build.Dense(t),
            Vector<double>.Build.Dense(y));
        var minimizer = new LevenbergMarquardtMinimizer();
        return minimizer.FindMinimum(objective, Vector<double>.Build.Dense(DecayStart));
    }

    /// <summary>
    /// MathNet 5.0.0 reports several successful exits: anything but an iteration/evaluation limit, a manual stop or
    /// an invalid value counts as converged.
    /// </summary>
    public static bool Succeeded(NonlinearMinimizationResult result) =>
        result.ReasonForExit is not (ExitCondition.None or ExitCondition.InvalidValues or ExitCondition.ExceedIterations or ExitCondition.ManuallyStopped);
}
