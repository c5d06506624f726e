using System.Collections.Immutable;
using Electrochem.Fitting;

namespace Electrochem.Kinetics;

/// <summary>
/// A symmetric cell of two identical Butler–Volmer electrodes in series (e.g. Li‖Li), ohmic drop removed. The same
/// current density i flows through both; the anode sits at η₁ &gt; 0 with i = i_BV(η₁), the cathode at η₂ &lt; 0 with
/// −i = i_BV(η₂), and the cell voltage is η_cell = η₁ − η₂ (V). When α_a = α_c = α the split is even and
/// i = 2·i₀·sinh(α·n·F·η_cell/(2·R·T)); for α = ½, n = 1 this is the familiar i = 2·i₀·sinh(F·η_cell/(4RT)).
/// Otherwise η_cell(i) = η_BV(i) − η_BV(−i) is solved for i. The cell's charge-transfer resistance is twice one
/// electrode's: this type never hides that factor — use <see cref="Electrode"/> for one electrode.
/// </summary>
/// <param name="ExchangeCurrentDensity">i₀ &gt; 0 of each electrode, in the unit of the current density.</param>
/// <param name="AnodicTransferCoefficient">α_a of each electrode.</param>
/// <param name="CathodicTransferCoefficient">α_c of each electrode.</param>
/// <param name="ElectronCount">n ≥ 1.</param>
/// <param name="TemperatureKelvin">T in K.</param>
/// <example><code>var cell = new SymmetricCell(1e-3, 0.5, 0.5, 1, 298.15);
/// double i = cell.Evaluate(0.05);   // 1.0118876e-3 A/cm²</code></example>
public sealed record SymmetricCell(
    double ExchangeCurrentDensity,
    double AnodicTransferCoefficient,
    double CathodicTransferCoefficient,
    int ElectronCount,
    double TemperatureKelvin)
{
    /// <summary>Name of ln i₀ in a fit's results.</summary>
    public const string LnExchangeCurrentDensityName = "LnExchangeCurrentDensity";

    /// <summary>Name of the common transfer coefficient α = α_a = α_c in a fit's results.</summary>
    public const string TransferCoefficientName = "TransferCoefficient";

    /// <summary>One electrode of the cell, as a <see cref="ButlerVolmer"/> model.</summary>
    public ButlerVolmer Electrode => new(ExchangeCurrentDensity, AnodicTransferCoefficient, CathodicTransferCoefficient, ElectronCount, TemperatureKelvin);

    /// <summary>
    /// Area-specific charge-transfer resistance of the whole cell, 2·R·T/(n·F·i₀·(α_a + α_c)): twice one
    /// electrode's, in V per current-density unit (Ω·cm² for A/cm²).
    /// </summary>
    public double AreaSpecificCellChargeTransferResistance => 2 * Electrode.AreaSpecificChargeTransferResistance;

    /// <summary>Current density at one cell voltage.</summary>
    /// <param name="cellVoltage">η_cell in V (positive: the current flows as anodic at the first electrode).</param>
    /// <returns>i in the unit of i₀.</returns>
    /// <exception cref="ArgumentOutOfRangeException">η_cell is not finite, or a parameter is out of range.</exception>
    public double Evaluate(double cellVoltage)
    {
        ButlerVolmer electrode = Electrode;
        electrode.Validate();
        Preconditions.CheckFinite(cellVoltage);
        return EvaluateUnchecked(electrode, cellVoltage);
    }

    /// <summary>Current density at every cell voltage; the destination may be the input but must not partially overlap it.</summary>
    /// <param name="cellVoltage">η_cell in V.</param>
    /// <param name="currentDensity">Destination, at least as long as the input; unit of i₀.</param>
    /// <exception cref="ArgumentException">The destination is too short or partially overlaps, or a voltage is not finite.</exception>
    public void Evaluate(ReadOnlySpan<double> cellVoltage, Span<double> currentDensity)
    {
        ButlerVolmer electrode = Electrode;
        electrode.Validate();
        Preconditions.CheckDestination(cellVoltage.Length, currentDensity.Length, nameof(currentDensity));
        Preconditions.CheckNoOverlap(cellVoltage, currentDensity, nameof(cellVoltage), nameof(currentDensity));
        Preconditions.CheckAllFinite(cellVoltage, nameof(cellVoltage));
        if (AnodicTransferCoefficient == CathodicTransferCoefficient)
        {
            // i = i₀·(e^{x} − e^{−x}) with x = α·f·η_cell/2: one electrode's Butler–Volmer at η_cell/2, vectorised.
            var half = new ButlerVolmer(ExchangeCurrentDensity, AnodicTransferCoefficient, CathodicTransferCoefficient, ElectronCount, TemperatureKelvin * 2);
            half.Evaluate(cellVoltage, currentDensity);
            return;
        }

        for (int k = 0; k < cellVoltage.Length; k++)
        {
            currentDensity[k] = EvaluateUnchecked(electrode, cellVoltage[k]);
        }
    }

    /// <summary>The cell voltage that drives a current density: η_cell = η_BV(i) − η_BV(−i), in V.</summary>
    /// <param name="currentDensity">i in the unit of i₀.</param>
    /// <returns>η_cell in V.</returns>
    /// <exception cref="ArgumentOutOfRangeException">i is not finite.</exception>
    public double CellVoltage(double currentDensity)
    {
        ButlerVolmer electrode = Electrode;
        return electrode.Overpotential(currentDensity) - electrode.Overpotential(-currentDensity);
    }

    /// <summary>
    /// Fits i₀ (as ln i₀) and, optionally, a common α = α_a = α_c to a symmetric-cell polarisation curve
    /// i = 2·i₀·sinh(α·n·F·η_cell/(2RT)) by Levenberg–Marquardt with the analytic Jacobian. By default α is held at ½
    /// (only the harmonic mean of α_a and α_c is identifiable from a cell anyway). i₀ starts from the closed-form
    /// least-squares value at the starting α (the model is linear in i₀).
    /// </summary>
    /// <param name="cellVoltage">η_cell in V (iR-corrected).</param>
    /// <param name="currentDensity">i, any unit (i₀ comes out in it).</param>
    /// <param name="electronCount">n ≥ 1.</param>
    /// <param name="temperatureKelvin">T in K.</param>
    /// <param name="currentDensityStandardUncertainty">Standard uncertainties (weights 1/u²), or empty to weight by <see cref="SymmetricCellFitOptions.Weighting"/> (relative noise by default).</param>
    /// <param name="options">α fitted or held, solver options; null for defaults.</param>
    /// <param name="cancellationToken">Checked once per iteration.</param>
    /// <returns>The fit with the cell at the estimates; its i₀ is each electrode's.</returns>
    /// <exception cref="ArgumentException">Lengths differ, too few points, a value is not finite, or all voltages are 0.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public static FitResult<SymmetricCell> Fit(
        ReadOnlySpan<double> cellVoltage,
        ReadOnlySpan<double> currentDensity,
        int electronCount,
        double temperatureKelvin,
        ReadOnlySpan<double> currentDensityStandardUncertainty = default,
        SymmetricCellFitOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        options ??= SymmetricCellFitOptions.Default;
        ArgumentNullException.ThrowIfNull(options.Solver, nameof(options));
        KineticsFitting.CheckWeighting(options.Weighting, options.RelativeWeightFloor, nameof(options));
        KineticsData.CheckElectronCount(electronCount);
        KineticsData.CheckTemperature(temperatureKelvin);
        KineticsData.CheckTransferCoefficient(options.TransferCoefficient, nameof(options));
        double[] weights = KineticsFitting.CheckedCurveWeights(cellVoltage, currentDensity, currentDensityStandardUncertainty, 2, nameof(cellVoltage));
        double f = KineticsData.ReciprocalThermalVoltage(electronCount, temperatureKelvin);
        double[] voltage = cellVoltage.ToArray();

        double alpha = options.TransferCoefficient;
        double wyg = 0;
        double wgg = 0;
        for (int k = 0; k < voltage.Length; k++)
        {
            double w = weights.Length == 0 ? 1 : weights[k];
            double g = 2 * Math.Sinh(alpha * f * voltage[k] / 2);
            wyg += w * currentDensity[k] * g;
            wgg += w * g * g;
        }

        if (!(wgg > 0) || !double.IsFinite(wgg))
        {
            throw new ArgumentException("cellVoltage must contain non-zero voltages of moderate size (|η_cell| well below 10 V) to determine i₀.", nameof(cellVoltage));
        }

        double i0Start = wyg > 0 ? wyg / wgg : 1e-6 * Math.Sqrt(wgg / voltage.Length);
        ImmutableArray<string> fixedNames = options.FitTransferCoefficient || options.Solver.FixedParameters.Contains(TransferCoefficientName)
            ? options.Solver.FixedParameters
            : options.Solver.FixedParameters.Add(TransferCoefficientName);
        var model = new NonlinearModel(
            [new(LnExchangeCurrentDensityName, "ln(current-density unit)"), new(TransferCoefficientName, string.Empty, 0, double.PositiveInfinity)],
            (theta, values) =>
            {
                double i0 = Math.Exp(theta[0]);
                for (int k = 0; k < voltage.Length; k++)
                {
                    values[k] = 2 * i0 * Math.Sinh(theta[1] * f * voltage[k] / 2);
                }
            },
            (theta, jacobian) =>
            {
                int n = voltage.Length;
                double i0 = Math.Exp(theta[0]);
                for (int k = 0; k < n; k++)
                {
                    double x = theta[1] * f * voltage[k] / 2;
                    jacobian[k] = 2 * i0 * Math.Sinh(x);
                    jacobian[n + k] = i0 * Math.Cosh(x) * f * voltage[k];
                }
            });
        FitResult fit = KineticsFitting.FitCurrents(model, currentDensity, [Math.Log(i0Start), alpha], weights, options.Weighting, options.RelativeWeightFloor, options.Solver with { FixedParameters = fixedNames }, cancellationToken);
        double fittedAlpha = fit[TransferCoefficientName].Value;
        return new FitResult<SymmetricCell>(fit, new SymmetricCell(Math.Exp(fit[LnExchangeCurrentDensityName].Value), fittedAlpha, fittedAlpha, electronCount, temperatureKelvin));
    }

    private double EvaluateUnchecked(ButlerVolmer electrode, double cellVoltage)
    {
        if (AnodicTransferCoefficient == CathodicTransferCoefficient)
        {
            double x = AnodicTransferCoefficient * electrode.ReciprocalThermalVoltage * cellVoltage / 2;
            return ExchangeCurrentDensity * (Math.Exp(x) - Math.Exp(-x));
        }

        if (cellVoltage == 0)
        {
            return 0;
        }

        // η_cell(i) is strictly increasing; |i| ≤ |i_BV(η_cell)| because each electrode carries less than η_cell.
        double bound = electrode.EvaluateUnchecked(cellVoltage);
        double lo = Math.Min(0, bound);
        double hi = Math.Max(0, bound);
        double i = 0.5 * (lo + hi);
        for (int iteration = 0; iteration < 200; iteration++)
        {
            double anode = electrode.Overpotential(i);
            double cathode = electrode.Overpotential(-i);
            double g = anode - cathode - cellVoltage;
            if (g == 0)
            {
                return i;
            }

            if (g > 0)
            {
                hi = i;
            }
            else
            {
                lo = i;
            }

            double derivative = (1 / electrode.Slope(anode)) + (1 / electrode.Slope(cathode));
            double next = i - (g / derivative);
            if (!(next > lo && next < hi))
            {
                next = 0.5 * (lo + hi);
            }

            if (next == i || hi - lo <= 2e-16 * Math.Max(Math.Abs(lo), Math.Abs(hi)))
            {
                return next;
            }

            i = next;
        }

        return i;
    }
}
