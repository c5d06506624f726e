using System.Collections.Immutable;
using Electrochem.Constants;
using Electrochem.Fitting;
using Electrochem.Transport;

namespace Electrochem.Kinetics;

/// <summary>
/// The exchange current density from the low-field (linear) limit of Butler–Volmer, di/dη = i₀·(α_a+α_c)·n·F/(RT),
/// either from a charge-transfer resistance or from the slope of i against V near equilibrium. Single-electrode and
/// symmetric-cell forms are separate, explicitly named entry points: a symmetric cell has two interfaces in series,
/// so its R_ct is twice one electrode's and, for the same resistance, i₀ differs by a factor of 2.
/// </summary>
public static class LowFieldPolarization
{
    /// <summary>
    /// i₀ = R·T/(n·F·R_ct·A·(α_a+α_c)) from the charge-transfer resistance of ONE electrode (three-electrode
    /// measurement), with first-order propagation (u_i₀/i₀)² = (u_R/R)² + (u_A/A)².
    /// </summary>
    /// <param name="electrodeChargeTransferResistance">R_ct of one electrode in Ω, with its standard uncertainty.</param>
    /// <param name="electrodeArea">Electrode area A (e.g. cm²), with its standard uncertainty.</param>
    /// <param name="electronCount">n ≥ 1.</param>
    /// <param name="temperatureKelvin">T in K.</param>
    /// <param name="transferCoefficientSum">α_a + α_c; default 1.</param>
    /// <returns>i₀ in A per area unit (A/cm² for cm²).</returns>
    /// <exception cref="ArgumentOutOfRangeException">A value is not positive and finite, or an uncertainty is negative.</exception>
    /// <example><c>ExchangeCurrentDensityFromElectrodeResistance(100, 1.5394, 1, 298.15)</c> = 1.669e-4 A/cm².</example>
    public static Measurement ExchangeCurrentDensityFromElectrodeResistance(
        Measurement electrodeChargeTransferResistance,
        Measurement electrodeArea,
        int electronCount,
        double temperatureKelvin,
        double transferCoefficientSum = 1.0) =>
        FromResistance(electrodeChargeTransferResistance, electrodeArea, electronCount, temperatureKelvin, transferCoefficientSum, 1, nameof(electrodeChargeTransferResistance), nameof(electrodeArea));

    /// <summary>
    /// i₀ = 2·R·T/(n·F·R_ct,cell·A·(α_a+α_c)) from the charge-transfer resistance of a WHOLE symmetric cell (two
    /// identical electrodes in series, R_ct,cell = 2·R_ct,electrode), with first-order uncertainty propagation.
    /// </summary>
    /// <param name="cellChargeTransferResistance">R_ct of the whole symmetric cell in Ω (the diameter of the charge-transfer arc of a Li‖Li spectrum).</param>
    /// <param name="electrodeArea">Area of one electrode (e.g. cm²).</param>
    /// <param name="electronCount">n ≥ 1.</param>
    /// <param name="temperatureKelvin">T in K.</param>
    /// <param name="transferCoefficientSum">α_a + α_c; default 1.</param>
    /// <returns>i₀ of each electrode in A per area unit.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A value is not positive and finite, or an uncertainty is negative.</exception>
    /// <example><c>ExchangeCurrentDensityFromSymmetricCellResistance(100, 1.5394, 1, 298.15)</c> = 3.338e-4 A/cm².</example>
    public static Measurement ExchangeCurrentDensityFromSymmetricCellResistance(
        Measurement cellChargeTransferResistance,
        Measurement electrodeArea,
        int electronCount,
        double temperatureKelvin,
        double transferCoefficientSum = 1.0) =>
        FromResistance(cellChargeTransferResistance, electrodeArea, electronCount, temperatureKelvin, transferCoefficientSum, 2, nameof(cellChargeTransferResistance), nameof(electrodeArea));

    /// <summary>
    /// Fits i = a + s·η to the points of a single-electrode polarisation curve with |η| ≤
    /// <see cref="LowFieldOptions.MaximumElectrodeOverpotential"/> and returns i₀ = s·R·T/(n·F·(α_a+α_c)).
    /// </summary>
    /// <param name="overpotential">η of one electrode in V.</param>
    /// <param name="currentDensity">i, any unit (i₀ comes out in it).</param>
    /// <param name="electronCount">n ≥ 1.</param>
    /// <param name="temperatureKelvin">T in K.</param>
    /// <param name="options">Window, α_a + α_c, tolerance, level; null for defaults.</param>
    /// <returns>The line fit, i₀, R_ct·A, the window and any warnings.</returns>
    /// <exception cref="ArgumentException">Lengths differ, a value is not finite, fewer than 3 points in the window, or the slope is not positive.</exception>
    public static LowFieldPolarizationResult AnalyzeElectrode(
        ReadOnlySpan<double> overpotential,
        ReadOnlySpan<double> currentDensity,
        int electronCount,
        double temperatureKelvin,
        LowFieldOptions? options = null) =>
        Analyze(overpotential, currentDensity, electronCount, temperatureKelvin, options, PolarizationGeometry.SingleElectrode, nameof(overpotential));

    /// <summary>
    /// Fits i = a + s·η_cell to the points of a symmetric-cell polarisation curve with |η_cell|/2 ≤
    /// <see cref="LowFieldOptions.MaximumElectrodeOverpotential"/> and returns each electrode's
    /// i₀ = 2·s·R·T/(n·F·(α_a+α_c)) — for α = ½, n = 1 the low-field limit of i = 2·i₀·sinh(F·η_cell/(4RT)),
    /// i₀ = 2RT·i/(F·η_cell).
    /// </summary>
    /// <param name="cellVoltage">η_cell in V (ohmic drop removed).</param>
    /// <param name="currentDensity">i, any unit.</param>
    /// <param name="electronCount">n ≥ 1.</param>
    /// <param name="temperatureKelvin">T in K.</param>
    /// <param name="options">Window, α_a + α_c, tolerance, level; null for defaults.</param>
    /// <returns>The line fit, each electrode's i₀, the whole cell's R_ct·A, the window and any warnings.</returns>
    /// <exception cref="ArgumentException">Lengths differ, a value is not finite, fewer than 3 points in the window, or the slope is not positive.</exception>
    public static LowFieldPolarizationResult AnalyzeSymmetricCell(
        ReadOnlySpan<double> cellVoltage,
        ReadOnlySpan<double> currentDensity,
        int electronCount,
        double temperatureKelvin,
        LowFieldOptions? options = null) =>
        Analyze(cellVoltage, currentDensity, electronCount, temperatureKelvin, options, PolarizationGeometry.SymmetricCell, nameof(cellVoltage));

    private static Measurement FromResistance(Measurement resistance, Measurement area, int electronCount, double temperatureKelvin, double transferCoefficientSum, double cellFactor, string resistanceName, string areaName)
    {
        resistance.CheckPositive(resistanceName);
        area.CheckPositive(areaName);
        KineticsData.CheckElectronCount(electronCount);
        KineticsData.CheckTemperature(temperatureKelvin);
        Preconditions.CheckPositive(transferCoefficientSum);
        double thermalVoltage = PhysicalConstants.MolarGasConstant * temperatureKelvin / (electronCount * PhysicalConstants.FaradayConstant);
        double i0 = cellFactor * thermalVoltage / (resistance.Value * area.Value * transferCoefficientSum);
        double relative = Math.Sqrt((resistance.RelativeUncertainty * resistance.RelativeUncertainty) + (area.RelativeUncertainty * area.RelativeUncertainty));
        return new Measurement(i0, i0 * relative);
    }

    private static LowFieldPolarizationResult Analyze(
        ReadOnlySpan<double> voltage,
        ReadOnlySpan<double> currentDensity,
        int electronCount,
        double temperatureKelvin,
        LowFieldOptions? options,
        PolarizationGeometry geometry,
        string voltageName)
    {
        options ??= LowFieldOptions.Default;
        options.Validate();
        KineticsData.CheckElectronCount(electronCount);
        KineticsData.CheckTemperature(temperatureKelvin);
        Preconditions.CheckSameLength(voltage.Length, currentDensity.Length, voltageName, nameof(currentDensity));
        Preconditions.CheckAllFinite(voltage, voltageName);
        Preconditions.CheckAllFinite(currentDensity, nameof(currentDensity));
        double cellFactor = geometry == PolarizationGeometry.SymmetricCell ? 2 : 1;
        double maximumVoltage = options.MaximumElectrodeOverpotential * cellFactor;
        var x = new List<double>();
        var y = new List<double>();
        for (int k = 0; k < voltage.Length; k++)
        {
            if (Math.Abs(voltage[k]) <= maximumVoltage)
            {
                x.Add(voltage[k]);
                y.Add(currentDensity[k]);
            }
        }

        if (x.Count < 3)
        {
            throw new ArgumentException(
                $"{voltageName} has {x.Count} values within ±{Preconditions.Format(maximumVoltage)} V but at least 3 are needed for the low-field line; measure more points near equilibrium or raise options.MaximumElectrodeOverpotential (which limits {(cellFactor == 2 ? "|η_cell|/2" : "|η|")}).",
                voltageName);
        }

        FitResult line = LinearLeastSquares.FitLine(x.ToArray(), y.ToArray(), default, new LinearFitOptions(options.ConfidenceLevel),
            new ParameterDefinition("Intercept", "current-density unit"), new ParameterDefinition("Slope", "current-density unit/V"));
        ParameterEstimate slope = line["Slope"];
        if (!(slope.Value > 0))
        {
            throw new ArgumentException(
                $"The low-field slope di/dV is {Preconditions.Format(slope.Value)}; it must be positive (anodic current positive for positive {voltageName}). Check the sign convention of the current.",
                nameof(currentDensity));
        }

        double thermalVoltage = PhysicalConstants.MolarGasConstant * temperatureKelvin / (electronCount * PhysicalConstants.FaradayConstant);
        double factor = cellFactor * thermalVoltage / options.TransferCoefficientSum;
        ParameterEstimate i0 = slope.Scaled(factor, "ExchangeCurrentDensity", "current-density unit");
        double maxUsed = x.Max(Math.Abs);
        double argument = options.TransferCoefficientSum * (maxUsed / cellFactor) / (2 * thermalVoltage);
        double linearisationError = argument == 0 ? 0 : (Math.Sinh(argument) / argument) - 1;
        var warnings = ImmutableArray.CreateBuilder<KineticsWarning>();
        if (linearisationError > options.LinearisationTolerance)
        {
            warnings.Add(new KineticsWarning(KineticsWarningKind.LinearisationErrorExceeded,
                $"At the largest |V| used ({Preconditions.Format(maxUsed)} V) the linear law is {linearisationError:P2} below Butler–Volmer (tolerance {options.LinearisationTolerance:P2}); i₀ is overestimated. Lower MaximumElectrodeOverpotential."));
        }

        return new LowFieldPolarizationResult(geometry, line, i0, 1 / slope.Value, maxUsed, linearisationError, [.. x], [.. y], warnings.ToImmutable());
    }
}
