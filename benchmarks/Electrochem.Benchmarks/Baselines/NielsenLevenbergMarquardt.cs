using Electrochem.Fitting;

namespace Electrochem.Benchmarks.Baselines;

/// <summary>
/// The library's Levenberg–Marquardt iteration as it was before the trust region and the secant term (until
/// 2026-12-04): (JᵀWJ + λ·D²)δ = JᵀWr with Marquardt's scaling, Nielsen's λ update (× max(1/3, 1 − (2ρ − 1)³) on an
/// accepted step, × 2, 4, 8, … on rejected ones), the same bounds handling and the same stopping rules and
/// tolerances. Kept only to measure the new engine against, in the same run; it computes no uncertainties.
/// </summary>
public static class NielsenLevenbergMarquardt
{
    /// <summary>The circuit fitter's options as they were with this engine: λ₀ = 0.1 and FunctionTolerance = 10⁻¹⁴.</summary>
    public static NonlinearFitOptions Options { get; } = NonlinearFitOptions.Default with { InitialDamping = 0.1, FunctionTolerance = 1e-14 };

    /// <summary>Fits stacked real observations (real parts, then imaginary parts) with weights; returns θ, χ² and the iterations.</summary>
    public static (double[] Theta, double ChiSquare, int Iterations) Fit(NonlinearModel model, double[] observed, double[] weights, double[] start, NonlinearFitOptions options)
    {
        int n = observed.Length;
        int p = start.Length;
        double[] sqrtW = [.. weights.Select(Math.Sqrt)];
        double[] theta = [.. start];
        double[] values = new double[n];
        double[] residuals = new double[n];
        double[] jacobian = new double[n * p];
        double[] normal = new double[p * p];
        double[] system = new double[p * p];
        double[] gradient = new double[p];
        double[] step = new double[p];
        double[] scaling = new double[p];
        double[] trial = new double[p];
        bool[] active = new bool[p];
        double[] trialValues = new double[n];
        double[] trialResiduals = new double[n];
        double chiSquare = Evaluate(model, theta, observed, sqrtW, values, residuals);
        Jacobian(model, theta, sqrtW, jacobian);
        double damping = options.InitialDamping;
        double growth = 2;
        int iterations = 0;
        int evaluations = 0;
        bool current = false;
        while (true)
        {
            if (!current)
            {
                for (int a = 0; a < p; a++)
                {
                    gradient[a] = Dot(jacobian, a, residuals, n);
                    for (int b = 0; b <= a; b++)
                    {
                        double v = Dot(jacobian, a, jacobian, b, n);
                        normal[(a * p) + b] = v;
                        normal[(b * p) + a] = v;
                    }

                    scaling[a] = Math.Max(scaling[a], normal[(a * p) + a]);
                }

                current = true;
            }

            if (chiSquare == 0 || iterations >= options.MaxIterations)
            {
                return (theta, chiSquare, evaluations);
            }

            double largest = 0;
            for (int a = 0; a < p; a++)
            {
                var d = model.Parameters[a];
                active[a] = (theta[a] <= d.LowerBound && gradient[a] < 0) || (theta[a] >= d.UpperBound && gradient[a] > 0);
                double norm = Math.Sqrt(normal[(a * p) + a]);
                if (norm > 0 && !active[a])
                {
                    largest = Math.Max(largest, Math.Abs(gradient[a]) / (norm * Math.Sqrt(chiSquare)));
                }
            }

            if (largest <= options.GradientTolerance)
            {
                return (theta, chiSquare, evaluations);
            }

            iterations++;
            for (int a = 0; a < p; a++)
            {
                for (int b = 0; b < p; b++)
                {
                    system[(a * p) + b] = active[a] || active[b] ? (a == b ? 1.0 : 0.0) : normal[(a * p) + b];
                }

                if (!active[a])
                {
                    system[(a * p) + a] += damping * Math.Max(scaling[a], double.Epsilon);
                }

                step[a] = active[a] ? 0 : gradient[a];
            }

            if (!CholeskySolve(system, p, step))
            {
                damping *= growth;
                growth *= 2;
                continue;
            }

            double stepNorm = 0;
            double thetaNorm = 0;
            for (int a = 0; a < p; a++)
            {
                var d = model.Parameters[a];
                trial[a] = Math.Clamp(theta[a] + step[a], d.LowerBound, d.UpperBound);
                step[a] = trial[a] - theta[a];
                stepNorm += step[a] * step[a];
                thetaNorm += theta[a] * theta[a];
            }

            if (Math.Sqrt(stepNorm) <= options.ParameterTolerance * (Math.Sqrt(thetaNorm) + options.ParameterTolerance))
            {
                return (theta, chiSquare, evaluations);
            }

            evaluations++;
            double trialChiSquare = Evaluate(model, trial, observed, sqrtW, trialValues, trialResiduals);
            double actual = chiSquare - trialChiSquare;
            if (double.IsFinite(trialChiSquare) && actual > 0)
            {
                double predicted = 0;
                for (int a = 0; a < p; a++)
                {
                    double aDelta = 0;
                    for (int b = 0; b < p; b++)
                    {
                        aDelta += normal[(a * p) + b] * step[b];
                    }

                    predicted += step[a] * ((2 * gradient[a]) - aDelta);
                }

                double ratio = predicted > 0 ? actual / predicted : 1;
                double previous = chiSquare;
                (theta, trial) = (trial, theta);
                (values, trialValues) = (trialValues, values);
                (residuals, trialResiduals) = (trialResiduals, residuals);
                chiSquare = trialChiSquare;
                damping *= Math.Max(1.0 / 3, 1 - Math.Pow((2 * ratio) - 1, 3));
                growth = 2;
                current = false;
                Jacobian(model, theta, sqrtW, jacobian);
                if (actual <= options.FunctionTolerance * previous)
                {
                    return (theta, chiSquare, evaluations);
                }
            }
            else
            {
                damping *= growth;
                growth *= 2;
                if (damping > 1e20)
                {
                    return (theta, chiSquare, evaluations);
                }
            }
        }
    }

    private static double Evaluate(NonlinearModel model, double[] theta, double[] observed, double[] sqrtW, double[] values, double[] residuals)
    {
        model.Function(theta, values);
        double sum = 0;
        for (int i = 0; i < observed.Length; i++)
        {
            residuals[i] = sqrtW[i] * (observed[i] - values[i]);
            sum += residuals[i] * residuals[i];
        }

        return sum;
    }

    private static void Jacobian(NonlinearModel model, double[] theta, double[] sqrtW, double[] jacobian)
    {
        int n = sqrtW.Length;
        model.Jacobian!(theta, jacobian);
        for (int j = 0; j < theta.Length; j++)
        {
            for (int i = 0; i < n; i++)
            {
                jacobian[(j * n) + i] *= sqrtW[i];
            }
        }
    }

    private static double Dot(double[] jacobian, int a, double[] vector, int n)
    {
        double sum = 0;
        for (int i = 0; i < n; i++)
        {
            sum += jacobian[(a * n) + i] * vector[i];
        }

        return sum;
    }

    private static double Dot(double[] jacobian, int a, double[] other, int b, int n)
    {
        double sum = 0;
        for (int i = 0; i < n; i++)
        {
            sum += jacobian[(a * n) + i] * other[(b * n) + i];
        }

        return sum;
    }

    private static bool CholeskySolve(double[] a, int n, double[] b)
    {
        for (int j = 0; j < n; j++)
        {
            double diagonal = a[(j * n) + j];
            for (int k = 0; k < j; k++)
            {
                diagonal -= a[(j * n) + k] * a[(j * n) + k];
            }

            if (!(diagonal > 0) || !double.IsFinite(diagonal))
            {
                return false;
            }

            double l = Math.Sqrt(diagonal);
            a[(j * n) + j] = l;
            for (int i = j + 1; i < n; i++)
            {
                double sum = a[(i * n) + j];
                for (int k = 0; k < j; k++)
                {
                    sum -= a[(i * n) + k] * a[(j * n) + k];
                }

                a[(i * n) + j] = sum / l;
            }
        }

        for (int i = 0; i < n; i++)
        {
            double sum = b[i];
            for (int k = 0; k < i; k++)
            {
                sum -= a[(i * n) + k] * b[k];
            }

            b[i] = sum / a[(i * n) + i];
        }

        for (int i = n - 1; i >= 0; i--)
        {
            double sum = b[i];
            for (int k = i + 1; k < n; k++)
            {
                sum -= a[(k * n) + i] * b[k];
            }

            b[i] = sum / a[(i * n) + i];
        }

        return true;
    }
}
