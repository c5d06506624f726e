using Electrochem.Constants;
using Electrochem.Fitting;

namespace Electrochem.Voltammetry;

/// <summary>
/// Peak currents over a scan-rate series. Randles–Ševčík for a reversible, diffusion-controlled couple:
/// i_p = 0.4463·n·F·A·C·√(n·F·v·D/(R·T)) (SI: A, m², mol/m³, V/s, m²/s, K), so i_p is linear in √v and
/// D = (slope/(0.4463·n·F·A·C))²·R·T/(n·F). And the exponent b of i_p ∝ v^b from log|i_p| against log v: 0.5 for
/// diffusion control, 1.0 for a surface (capacitive) process.
/// </summary>
/// <param name="InterceptAmperes">a of |i_p| = a + b·√v (A); ≈ 0 for a clean diffusion-controlled peak.</param>
/// <param name="Slope">b (A·s^½·V^-½).</param>
/// <param name="AreaSquareMetres">A (m²).</param>
/// <param name="ConcentrationMolesPerCubicMetre">C (mol/m³ = mM).</param>
/// <param name="Electrons">n.</param>
/// <param name="TemperatureKelvin">T (K).</param>
public sealed record RandlesSevcik(double InterceptAmperes, double Slope, double AreaSquareMetres, double ConcentrationMolesPerCubicMetre, int Electrons, double TemperatureKelvin)
{
    /// <summary>The reversible Randles–Ševčík coefficient 0.4463 (√π times the maximum of the reversible current function, 0.2518).</summary>
    public const double ReversibleCoefficient = 0.4463;

    /// <summary>D (m²/s) = (b/(0.4463·n·F·A·C))²·R·T/(n·F).</summary>
    public double DiffusionCoefficient => DiffusionFromSlope(Slope);

    /// <summary>Fits |i_p| = a + b·√v; <see cref="Diffusion(FitResult{RandlesSevcik})"/> turns b into D with its interval.</summary>
    /// <param name="scanRatesVoltsPerSecond">v (V/s), at least three, positive.</param>
    /// <param name="peakCurrentsAmperes">i_p (A; heights above the baseline; the sign is dropped).</param>
    /// <param name="areaSquareMetres">A (m²).</param>
    /// <param name="concentrationMolesPerCubicMetre">C (mol/m³; 1 mM = 1 mol/m³).</param>
    /// <param name="electrons">n.</param>
    /// <param name="temperatureKelvin">T (K).</param>
    /// <param name="confidenceLevel">For the intervals (default 0.95).</param>
    /// <returns>The line fit and its model.</returns>
    /// <exception cref="ArgumentException">Fewer than three points, lengths differ, or a value is out of range.</exception>
    public static FitResult<RandlesSevcik> Fit(
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
        if (electrons < 1 || electrons > 10)
        {
            throw new ArgumentOutOfRangeException(nameof(electrons), electrons, "The number of electrons n must lie between 1 and 10.");
        }

        double[] root = new double[scanRatesVoltsPerSecond.Length];
        double[] ip = new double[root.Length];
        for (int k = 0; k < root.Length; k++)
        {
            root[k] = Math.Sqrt(scanRatesVoltsPerSecond[k]);
            ip[k] = Math.Abs(peakCurrentsAmperes[k]);
        }

        FitResult line = LinearLeastSquares.FitLine(root, ip, default, new LinearFitOptions(confidenceLevel), new ParameterDefinition("Intercept", "A"), new ParameterDefinition("Slope", "A s^1/2 V^-1/2"));
        return new FitResult<RandlesSevcik>(line, new RandlesSevcik(line.Parameters[0].Value, line.Parameters[1].Value, areaSquareMetres, concentrationMolesPerCubicMetre, electrons, temperatureKelvin));
    }

    /// <summary>D (m²/s) with its standard error (2·D·u_b/b) and the slope's confidence interval squared (D is monotonic in b, so the interval keeps its coverage).</summary>
    /// <param name="fit">A Randles–Ševčík fit.</param>
    /// <returns>D as an estimate.</returns>
    public static ParameterEstimate Diffusion(FitResult<RandlesSevcik> fit)
    {
        ArgumentNullException.ThrowIfNull(fit);
        ParameterEstimate slope = fit.Parameters[1];
        RandlesSevcik m = fit.Model;
        double d = m.DiffusionFromSlope(slope.Value);
        double lower = slope.ConfidenceLower > 0 ? m.DiffusionFromSlope(slope.ConfidenceLower) : 0;
        return new ParameterEstimate("DiffusionCoefficient", "m^2/s", d, 2 * d * slope.RelativeStandardError, lower, m.DiffusionFromSlope(slope.ConfidenceUpper), false, BoundState.Interior);
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

    private double DiffusionFromSlope(double b)
    {
        double k0 = ReversibleCoefficient * Electrons * PhysicalConstants.FaradayConstant * AreaSquareMetres * ConcentrationMolesPerCubicMetre;
        return b / k0 * (b / k0) * PhysicalConstants.MolarGasConstant * TemperatureKelvin / (Electrons * PhysicalConstants.FaradayConstant);
    }
}
