namespace Electrochem.Cycling;

/// <summary>
/// One step of a cycling test: a run of rows with one instrument step number (or, without a step counter, one
/// state: rest, charge or discharge), its classification and what passed through the cell. Capacities in A·h and
/// energies in W·h are magnitudes (≥ 0) from the table's <see cref="StepTable.CapacitySource"/>.
/// </summary>
/// <param name="Ordinal">0-based position in the step table.</param>
/// <param name="StepNumber">The instrument's step number as written; NaN when the recording has no step counter.</param>
/// <param name="Cycle">The cycle the step belongs to (see <see cref="CycleTable.Numbering"/>).</param>
/// <param name="StartRow">The step's first row in the recording.</param>
/// <param name="RowCount">Rows in the step (≥ 1).</param>
/// <param name="Kind">The classification.</param>
/// <param name="StartTime">Test time at which the step began (s): the first row's time less its step time when the recording has a step-time column, else the first row's time.</param>
/// <param name="EndTime">Test time at which the next step began (the same rule), or of the last row for the last step (s).</param>
/// <param name="MeanCurrent">Time-weighted mean current (A; the plain mean for a one-row step), &gt; 0 on charge.</param>
/// <param name="MinimumCurrent">Smallest current (A).</param>
/// <param name="MaximumCurrent">Largest current (A).</param>
/// <param name="StartVoltage">Voltage of the first row (V).</param>
/// <param name="EndVoltage">Voltage of the last row (V).</param>
/// <param name="ChargeCapacity">Charge put into the cell (A·h, ≥ 0).</param>
/// <param name="DischargeCapacity">Charge taken from the cell (A·h, ≥ 0).</param>
/// <param name="ChargeEnergy">Energy put into the cell (W·h, ≥ 0).</param>
/// <param name="DischargeEnergy">Energy taken from the cell (W·h, ≥ 0).</param>
public sealed record CyclerStep(
    int Ordinal,
    double StepNumber,
    int Cycle,
    int StartRow,
    int RowCount,
    StepKind Kind,
    double StartTime,
    double EndTime,
    double MeanCurrent,
    double MinimumCurrent,
    double MaximumCurrent,
    double StartVoltage,
    double EndVoltage,
    double ChargeCapacity,
    double DischargeCapacity,
    double ChargeEnergy,
    double DischargeEnergy)
{
    /// <summary>Duration (s): <see cref="EndTime"/> − <see cref="StartTime"/>.</summary>
    public double Duration => EndTime - StartTime;

    /// <summary>The row after the step's last.</summary>
    public int EndRow => StartRow + RowCount;
}
