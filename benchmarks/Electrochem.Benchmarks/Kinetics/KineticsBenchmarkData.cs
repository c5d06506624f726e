using Electrochem.Fitting;
using Electrochem.Kinetics;

namespace Electrochem.Benchmarks.Kinetics;

/// <summary>Seeded data and the brute-force baseline shared by the kinetics benchmarks.</summary>
internal static class KineticsBenchmarkData
{
    /// <summary>A Butler–Volmer sweep (i₀ = 1e-3, α_a = 0.45, α_c = 0.55, 298.15 K) over ±<paramref name="limit"/> V with 2 % multiplicative noise, seeded.</summary>
    internal static (double[] Overpotential, double[] Current) Sweep(int count, double limit)
    {
        var model = new ButlerVolmer(1e-3, 0.45, 0.55, 1, 298.15);
        var random = new Random(20240917);
        var eta = new double[count];
        var current = new double[count];
        for (int k = 0; k < count; k++)
        {
            eta[k] = -limit + (2 * limit * k / (count - 1));
            double u1 = 1 - random.NextDouble();
            double u2 = random.NextDouble();
            double normal = Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
            current[k] = model.Evaluate(eta[k]) * (1 + (0.02 * normal));
        }

        return (eta, current);
    }

    /// <summary>
    /// The anodic region by brute force: every run of consecutive points meeting the same eligibility rules as
    /// <see cref="TafelOptions"/> is refitted from scratch with <see cref="LinearLeastSquares.FitLine"/>; returns the best adjusted R².
    /// </summary>
    internal static double BruteForceAnodicRegion(double[] overpotential, double[] current, TafelOptions options, double temperatureKelvin)
    {
        double threshold = options.MinimumElectrodeOverpotentialThermalVoltages / new ButlerVolmer(1, 0.5, 0.5, 1, temperatureKelvin).ReciprocalThermalVoltage;
        var points = overpotential.Zip(current).Where(p => p.First >= threshold && p.Second > 0).OrderBy(p => p.First).ToArray();
        double[] x = points.Select(p => p.First).ToArray();
        double[] y = points.Select(p => Math.Log10(p.Second)).ToArray();
        double best = double.NegativeInfinity;
        for (int start = 0; start < x.Length; start++)
        {
            for (int end = start + options.MinimumPoints - 1; end < x.Length; end++)
            {
                ReadOnlySpan<double> wy = y.AsSpan(start, end - start + 1);
                double span = wy.ToArray().Max() - wy.ToArray().Min();
                if (span < options.MinimumDecades)
                {
                    continue;
                }

                FitResult line = LinearLeastSquares.FitLine(x.AsSpan(start, end - start + 1), wy);
                if (line["Slope"].Value > 0)
                {
                    best = Math.Max(best, line.Statistics.AdjustedRSquared);
                }
            }
        }

        return best;
    }
}
