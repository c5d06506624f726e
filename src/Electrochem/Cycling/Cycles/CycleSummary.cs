namespace Electrochem.Cycling;

/// <summary>
/// One cycle of a <see cref="CycleTable"/>: what went in and out, efficiencies under the table's convention, voltages,
/// rates, resistance and temperature. Capacities in A·h and energies in W·h (magnitudes); a value that cannot be
/// computed (no charge, no mass, no temperature column) is null, never 0 or a default.
/// </summary>
public sealed record CycleSummary
{
    /// <summary>The cycle number: the instrument's counter, or 1, 2, … when derived (see <see cref="CycleTable.Numbering"/>).</summary>
    public required int Cycle { get; init; }

    /// <summary>The cycle's first step (its <see cref="CyclerStep.Ordinal"/>).</summary>
    public required int FirstStep { get; init; }

    /// <summary>Steps in the cycle.</summary>
    public required int StepCount { get; init; }

    /// <summary>The cycle's first row in the recording.</summary>
    public required int StartRow { get; init; }

    /// <summary>Rows in the cycle.</summary>
    public required int RowCount { get; init; }

    /// <summary>Test time at the cycle's start (s).</summary>
    public required double StartTime { get; init; }

    /// <summary>Test time at the cycle's last row (s).</summary>
    public required double EndTime { get; init; }

    /// <summary>The instrument's data-point number of the cycle's last row; null without a data-point column.</summary>
    public double? LastDataPoint { get; init; }

    /// <summary>Charge capacity Qc (A·h).</summary>
    public required double ChargeCapacity { get; init; }

    /// <summary>Discharge capacity Qd (A·h).</summary>
    public required double DischargeCapacity { get; init; }

    /// <summary>Charge energy (W·h).</summary>
    public required double ChargeEnergy { get; init; }

    /// <summary>Discharge energy (W·h).</summary>
    public required double DischargeEnergy { get; init; }

    /// <summary>Coulombic efficiency (%): 100·Qd/Qc charge-first, 100·Qc/Qd discharge-first; null when the cycle lacks a charge or a discharge step, or the denominator is 0.</summary>
    public double? CoulombicEfficiencyPercent { get; init; }

    /// <summary>Energy efficiency (%), with the same convention; null when <see cref="CoulombicEfficiencyPercent"/> is, or the denominator is 0.</summary>
    public double? EnergyEfficiencyPercent { get; init; }

    /// <summary>Mean charge voltage: charge energy / charge capacity (V); null without charge.</summary>
    public double? MeanChargeVoltage { get; init; }

    /// <summary>Mean discharge voltage: discharge energy / discharge capacity (V); null without discharge.</summary>
    public double? MeanDischargeVoltage { get; init; }

    /// <summary>Voltage at the last row of the cycle's last charge step (V); null without one.</summary>
    public double? EndChargeVoltage { get; init; }

    /// <summary>Voltage at the last row of the cycle's last discharge step (V); null without one.</summary>
    public double? EndDischargeVoltage { get; init; }

    /// <summary>Capacity charged in constant-voltage steps (A·h).</summary>
    public required double ConstantVoltageChargeCapacity { get; init; }

    /// <summary>Time spent in constant-voltage charge steps (s).</summary>
    public required double ConstantVoltageChargeSeconds { get; init; }

    /// <summary>Capacity discharged in constant-voltage steps (A·h).</summary>
    public required double ConstantVoltageDischargeCapacity { get; init; }

    /// <summary>Time spent in constant-voltage discharge steps (s).</summary>
    public required double ConstantVoltageDischargeSeconds { get; init; }

    /// <summary>Duration-weighted mean |I| of the constant-current charge steps (A); null without such a step.</summary>
    public double? ChargeCurrent { get; init; }

    /// <summary>Duration-weighted mean |I| of the constant-current discharge steps (A); null without such a step.</summary>
    public double? DischargeCurrent { get; init; }

    /// <summary>Duration-weighted mean |I| of the constant-current charge steps / nominal capacity (h⁻¹, "C"); null without a nominal capacity or such a step.</summary>
    public double? ChargeCRate { get; init; }

    /// <summary>Duration-weighted mean |I| of the constant-current discharge steps / nominal capacity (h⁻¹); null without a nominal capacity or such a step.</summary>
    public double? DischargeCRate { get; init; }

    /// <summary>The instrument's internal-resistance reading at the last row of the cycle's last charge step (Ω); null without an internal-resistance column.</summary>
    public double? ChargeResistance { get; init; }

    /// <summary>The reading at the last row of the cycle's last discharge step (Ω); null without one.</summary>
    public double? DischargeResistance { get; init; }

    /// <summary>Lowest temperature over the cycle's rows (K; the recording's first temperature column); null without one.</summary>
    public double? MinimumTemperature { get; init; }

    /// <summary>Mean temperature over the cycle's rows (K); null without a temperature column.</summary>
    public double? MeanTemperature { get; init; }

    /// <summary>Highest temperature over the cycle's rows (K); null without a temperature column.</summary>
    public double? MaximumTemperature { get; init; }

    /// <summary>Charge capacity per active mass (mA·h/g); null without a mass.</summary>
    public double? SpecificChargeCapacity { get; init; }

    /// <summary>Discharge capacity per active mass (mA·h/g); null without a mass.</summary>
    public double? SpecificDischargeCapacity { get; init; }

    /// <summary>Charge capacity per electrode area (mA·h/cm²); null without an area.</summary>
    public double? ArealChargeCapacity { get; init; }

    /// <summary>Discharge capacity per electrode area (mA·h/cm²); null without an area.</summary>
    public double? ArealDischargeCapacity { get; init; }

    /// <summary>What is unusual about the cycle.</summary>
    public required CycleAnomalies Anomalies { get; init; }

    /// <summary>The running accounts up to and including this cycle.</summary>
    public required CycleBookkeeping Bookkeeping { get; init; }
}
