namespace Electrochem.Transport;

/// <summary>Checks and first-order uncertainty propagation shared by the transference-number analyses.</summary>
internal static class TransferenceData
{
    internal static void CheckIncreasingTime(ReadOnlySpan<double> timeSeconds, string name)
    {
        Preconditions.CheckAllFinite(timeSeconds, name);
        for (int k = 1; k < timeSeconds.Length; k++)
        {
            if (!(timeSeconds[k] > timeSeconds[k - 1]))
            {
                throw new ArgumentException(
                    $"{name}[{k}] is {Preconditions.Format(timeSeconds[k])} s, not after {name}[{k - 1}] = {Preconditions.Format(timeSeconds[k - 1])} s; times must be strictly increasing (sort the trace and remove duplicates).",
                    name);
            }
        }
    }

    internal static void CheckNonNegative(Measurement value, string name)
    {
        if (!(value.Value >= 0) || !double.IsFinite(value.Value))
        {
            throw new ArgumentOutOfRangeException(name, value.Value, $"{name} must be a finite resistance zero or greater but was {Preconditions.Format(value.Value)}.");
        }

        if (!(value.StandardUncertainty >= 0) || !double.IsFinite(value.StandardUncertainty))
        {
            throw new ArgumentOutOfRangeException(name, value.StandardUncertainty, $"The standard uncertainty of {name} must be finite and zero or greater but was {Preconditions.Format(value.StandardUncertainty)}.");
        }
    }

    /// <summary>
    /// First-order (delta-method) propagation: Var y = gᵀ·C·g with g = ∂y/∂x by central differences, step
    /// 10⁻⁶·max(|xⱼ|, uⱼ) (or 10⁻⁶ when both are 0; derivative 0 for inputs that are exact and zero).
    /// </summary>
    /// <param name="function">y(x).</param>
    /// <param name="values">x.</param>
    /// <param name="covariance">C, row-major, values.Length² elements.</param>
    internal static Measurement Propagate(Func<double[], double> function, double[] values, double[] covariance)
    {
        int p = values.Length;
        double y = function(values);
        var gradient = new double[p];
        var work = (double[])values.Clone();
        for (int j = 0; j < p; j++)
        {
            double variance = covariance[(j * p) + j];
            if (variance == 0)
            {
                continue;
            }

            double h = 1e-6 * Math.Max(Math.Abs(values[j]), Math.Sqrt(variance));
            work[j] = values[j] + h;
            double up = function(work);
            work[j] = values[j] - h;
            double down = function(work);
            work[j] = values[j];
            gradient[j] = (up - down) / (2 * h);
        }

        double total = 0;
        for (int i = 0; i < p; i++)
        {
            for (int j = 0; j < p; j++)
            {
                total += gradient[i] * covariance[(i * p) + j] * gradient[j];
            }
        }

        return new Measurement(y, Math.Sqrt(Math.Max(0, total))).CheckedResult("The transference number");
    }

    /// <summary>A diagonal covariance from independent standard uncertainties.</summary>
    internal static double[] Diagonal(params ReadOnlySpan<double> standardUncertainties)
    {
        int p = standardUncertainties.Length;
        var covariance = new double[p * p];
        for (int j = 0; j < p; j++)
        {
            covariance[(j * p) + j] = standardUncertainties[j] * standardUncertainties[j];
        }

        return covariance;
    }
}
