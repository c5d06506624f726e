using Electrochem.Constants;
using Electrochem.Fitting;

namespace Electrochem.Voltammetry;

/// <summary>
/// Peak currents over a scan-rate series. Randles–Ševčík for a reversible, diffusion-controlled couple:
/// i_p = 0.4463·n·F·A·C·√(n·F·v·D/(R·T)) (SI: A, m², mol/m³, V/s, m²/s, K), so i_p is linear in √v and
/// D = (slope/(0.4463·n·F·A·C))²·R·T/(n·F). And the exponent b of i_p ∝ v^b from log|i_p| against log v: 0.5 for
/// diffusion control, 1.0 for a surface (capacitive) process.
/// </summary>
public static class RandlesSevcik
{
    /// <summary>The reversible Randles–Ševčík coefficient 0.4463 (√π times the maximum of the reversible current function, 0.2518).</summary>
    public const double ReversibleCoefficient = 0.4463;

    /// <summary>Fits |i_p| = a + b·√v and converts b to D with its standard error and confidence interval (the slope's interval squared: D is monotonic in it).</summary>
    /// <param name="scanRatesVoltsPerSecond">v (V/s), at least three, positive.</param>
    /// <param name="peakCurrentsAmperes">i_p (A; heights above the baseline; the sign is dropped).</param>
    /// <param name="areaSquareMetres">A (m²).</param>
    /// <param name="concentrationMolesPerCubicMetre">C (mol/m³; 1 mM = 1 mol/m³).</param>
    /// <param name="electrons">n.</param>
    /// <param name="temperatureKelvin">T (K).</param>
    /// <param name="confidenceLevel">For the intervals (default 0.95).</param>
    /// <returns>The line fit and D.</returns>
    /// <exception cref="ArgumentException">Fewer than three points, lengths differ, or a value is out of range.</exception>
    public static (FitResult Line, ParameterEstimate DiffusionCoefficient) Fit(
        ReadOnlySpan<double> scanRatesVoltsPerSecond,
        ReadOnlySpan<double> peakCurrentsAmperes,
        double areaSquareMetres,
        double concentrationMolesPerCubicMetre,
        int electrons,
        double temperatureKelvin,
        double confidenceLevel = 0.95)
    {
        Preconditions.CheckSameLength(scanRatesVoltsPerSecond.Length, peakCurrentsAmperes.Length, nameof(scanRatesVoltsPerSecond), nameof(peakCurrentsAmperes));
        Preconditions.CheckAllPositive(scanRatesVoltsPerSecond, nameof(scanRatesVoltsPerSecond), "V/s");
        Preconditions.CheckAllFinite(peakCurrentsAmperes, nameof(peakCurrentsAmperes));
        Preconditions.CheckPositive(areaSquareMetres);
        Preconditions.CheckPositive(concentrationMolesPerCubicMetre);
        Preconditions.CheckPositive(temperatureKelvin);
        if (electrons < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(electrons), electrons, "The number of electrons n must be 1 or more.");
        }

        double[] root = new double[scanRatesVoltsPerSecond.Length];
        double[] ip = new double[root.Length];
        for (int k = 0; k < root.Length; k++)
        {
            root[k] = Math.Sqrt(scanRatesVoltsPerSecond[k]);
            ip[k] = Math.Abs(peakCurrentsAmperes[k]);
        }

        FitResult line = LinearLeastSquares.FitLine(root, ip, default, new LinearFitOptions(confidenceLevel), new ParameterDefinition("Intercept", "A"), new ParameterDefinition("Slope", "A s^1/2 V^-1/2"));
        ParameterEstimate slope = line.Parameters[1];
        double f = PhysicalConstants.FaradayConstant;
        double k0 = ReversibleCoefficient * electrons * f * areaSquareMetres * concentrationMolesPerCubicMetre;
        double factor = PhysicalConstants.MolarGasConstant * temperatureKelvin / (electrons * f);
        double D(double b) => b / k0 * (b / k0) * factor;
        double d = D(slope.Value);
        double lower = slope.ConfidenceLower > 0 ? D(slope.ConfidenceLower) : 0;
        var estimate = new ParameterEstimate("DiffusionCoefficient", "m^2/s", d, 2 * d * slope.RelativeStandardError, lower, D(slope.ConfidenceUpper), false, BoundState.Interior);
        return (line, estimate);
    }

    /// <summary>The exponent b of |i_p| ∝ v^b: a line through log₁₀|i_p| against log₁₀ v (b ≈ 0.5 diffusive, ≈ 1 capacitive).</summary>
    /// <param name="scanRatesVoltsPerSecond">v (V/s), at least three, positive.</param>
    /// <param name="peakCurrentsAmperes">i_p (A), non-zero.</param>
    /// <param name="confidenceLevel">For the interval (default 0.95).</param>
    /// <returns>The fit; its "Exponent" parameter is b.</returns>
    public static FitResult ScanRateExponent(ReadOnlySpan<double> scanRatesVoltsPerSecond, ReadOnlySpan<double> peakCurrentsAmperes, double confidenceLevel = 0.95)
    {
        Preconditions.CheckSameLength(scanRatesVoltsPerSecond.Length, peakCurrentsAmperes.Length, nameof(scanRatesVoltsPerSecond), nameof(peakCurrentsAmperes));
        Preconditions.CheckAllPositive(scanRatesVoltsPerSecond, nameof(scanRatesVoltsPerSecond), "V/s");
        double[] x = new double[scanRatesVoltsPerSecond.Length];
        double[] y = new double[x.Length];
        for (int k = 0; k < x.Length; k++)
        {
            double ip = Math.Abs(peakCurrentsAmperes[k]);
            if (!(ip > 0) || !double.IsFinite(ip))
            {
                throw new ArgumentException($"Peak current {k} is {Preconditions.Format(peakCurrentsAmperes[k])} A; a log–log fit needs non-zero, finite currents.", nameof(peakCurrentsAmperes));
            }

            x[k] = Math.Log10(scanRatesVoltsPerSecond[k]);
            y[k] = Math.Log10(ip);
        }

        return LinearLeastSquares.FitLine(x, y, default, new LinearFitOptions(confidenceLevel), new ParameterDefinition("LogPrefactor", "log10 A"), new ParameterDefinition("Exponent", "1"));
    }
}
