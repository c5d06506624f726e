using System.Globalization;

namespace Electrochem.Impedance;

/// <summary>Judges Lin-KK residuals (<see cref="KramersKronigVerdict"/>): a residual limit and a runs test for a trend.</summary>
internal static class KramersKronigVerdicts
{
    /// <summary>The runs-test z below which the residuals have a trend (one-sided p ≈ 0.0013).</summary>
    internal const double TrendZ = -3;

    /// <summary>How many noise levels (RMS of the fitted part's residuals) a residual may reach before it is an outlier.</summary>
    internal const double NoiseFactor = 5;

    internal static KramersKronigVerdict Judge(ReadOnlySpan<double> real, ReadOnlySpan<double> imaginary, LinearKramersKronigOptions options)
    {
        int n = real.Length;
        double sum = 0;
        double largest = 0;
        for (int i = 0; i < n; i++)
        {
            sum += (real[i] * real[i]) + (imaginary[i] * imaginary[i]);
            largest = Math.Max(largest, Math.Max(Math.Abs(real[i]), Math.Abs(imaginary[i])));
        }

        double noise = Math.Sqrt(sum / (2 * n));

        // The part not fitted carries the Kramers–Kronig check; a complex fit spreads it over both.
        double trend = options.Part switch
        {
            KramersKronigPart.Real => RunsZ(imaginary),
            KramersKronigPart.Imaginary => RunsZ(real),
            _ => Math.Min(RunsZ(real), RunsZ(imaginary)),
        };
        double checkedRms = options.Part switch
        {
            KramersKronigPart.Real => Rms(imaginary),
            KramersKronigPart.Imaginary => Rms(real),
            _ => noise,
        };

        // The noise level is the larger RMS of the two parts' residuals: the limit is the stated one or five noise levels,
        // whichever is larger, so noisy but valid spectra pass while a single outlier (or a trend, below) does not.
        double noiseLevel = Math.Max(Rms(real), Rms(imaginary));
        double limit = Math.Max(options.ResidualLimit, NoiseFactor * noiseLevel);

        string Percent(double x) => (100 * x).ToString("0.###", CultureInfo.InvariantCulture) + " %";
        string limitText = limit > options.ResidualLimit
            ? $"{Percent(limit)} (five times the {Percent(noiseLevel)} RMS residual; the stated limit is {Percent(options.ResidualLimit)})"
            : Percent(limit);
        if (largest > limit)
        {
            return new KramersKronigVerdict(false, $"the largest residual is {Percent(largest)} of |Z|, above the limit of {limitText}: the spectrum is not consistent with a linear, causal, stable system (drift, nonlinearity, or an outlier)", noise, trend);
        }

        if (trend < TrendZ && checkedRms > options.NegligibleResidual)
        {
            return new KramersKronigVerdict(false, string.Create(CultureInfo.InvariantCulture,
                $"the residuals have a trend (runs test z = {trend:0.0} < {TrendZ:0.0}) at an RMS of {Percent(checkedRms)}, above the {Percent(options.NegligibleResidual)} that is immaterial: typically drift during the sweep"), noise, trend);
        }

        return new KramersKronigVerdict(true, $"the largest residual is {Percent(largest)} of |Z| (limit {limitText}) and the residuals show no material trend (RMS {Percent(noise)})", noise, trend);
    }

    /// <summary>Wald–Wolfowitz runs test of the residuals' signs in frequency order: z = (runs − mean)/SD; 0 when too few signs to judge.</summary>
    private static double RunsZ(ReadOnlySpan<double> residuals)
    {
        int positive = 0;
        int negative = 0;
        int runs = 0;
        int previous = 0;
        foreach (double r in residuals)
        {
            int sign = Math.Sign(r);
            if (sign == 0)
            {
                continue;
            }

            positive += sign > 0 ? 1 : 0;
            negative += sign < 0 ? 1 : 0;
            runs += sign != previous ? 1 : 0;
            previous = sign;
        }

        double n = positive + negative;
        if (positive == 0 || negative == 0 || n < 10)
        {
            return positive == 0 || negative == 0 ? (n >= 10 ? double.NegativeInfinity : 0) : 0;
        }

        double product = 2.0 * positive * negative;
        double mean = (product / n) + 1;
        double variance = product * (product - n) / (n * n * (n - 1));
        return (runs - mean) / Math.Sqrt(variance);
    }

    private static double Rms(ReadOnlySpan<double> values)
    {
        double sum = 0;
        foreach (double v in values)
        {
            sum += v * v;
        }

        return Math.Sqrt(sum / values.Length);
    }
}
