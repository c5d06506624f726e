namespace Electrochem.Cycling;

/// <summary>The fixed unit and the canonical column name of each <see cref="RecordingQuantity"/>.</summary>
public static class RecordingQuantities
{
    /// <summary>
    /// The unit every column of this quantity is stored in: <c>s</c>, <c>A</c>, <c>V</c>, <c>Ah</c>, <c>Wh</c>,
    /// <c>K</c>, or an empty string for counters (data point, cycle, step) and for <see cref="RecordingQuantity.Other"/>
    /// (whose columns carry their own unit).
    /// </summary>
    /// <param name="quantity">The quantity.</param>
    /// <returns>The unit symbol.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="quantity"/> is not a defined value.</exception>
    public static string Unit(RecordingQuantity quantity) => quantity switch
    {
        RecordingQuantity.TestTime or RecordingQuantity.StepTime => "s",
        RecordingQuantity.Current => "A",
        RecordingQuantity.Voltage or RecordingQuantity.AuxiliaryVoltage => "V",
        RecordingQuantity.ChargeCapacity or RecordingQuantity.DischargeCapacity => "Ah",
        RecordingQuantity.ChargeEnergy or RecordingQuantity.DischargeEnergy => "Wh",
        RecordingQuantity.Temperature => "K",
        RecordingQuantity.DataPoint or RecordingQuantity.CycleIndex or RecordingQuantity.StepIndex or RecordingQuantity.Other => string.Empty,
        _ => throw new ArgumentOutOfRangeException(nameof(quantity), quantity, $"{quantity} is not a recording quantity."),
    };

    /// <summary>
    /// The canonical column name of the first column of this quantity: <c>test_time</c>, <c>current</c>,
    /// <c>voltage</c>, <c>data_point</c>, <c>cycle_index</c>, <c>step_index</c>, <c>step_time</c>,
    /// <c>charge_capacity</c>, <c>discharge_capacity</c>, <c>charge_energy</c>, <c>discharge_energy</c>,
    /// <c>temperature</c>, <c>auxiliary_voltage</c>. Further columns of a repeatable quantity (temperature,
    /// auxiliary voltage) get <c>_2</c>, <c>_3</c>, … appended.
    /// </summary>
    /// <param name="quantity">The quantity (not <see cref="RecordingQuantity.Other"/>, whose columns keep their own names).</param>
    /// <returns>The name.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="quantity"/> is <see cref="RecordingQuantity.Other"/> or not defined.</exception>
    public static string CanonicalName(RecordingQuantity quantity) => quantity switch
    {
        RecordingQuantity.TestTime => "test_time",
        RecordingQuantity.Current => "current",
        RecordingQuantity.Voltage => "voltage",
        RecordingQuantity.DataPoint => "data_point",
        RecordingQuantity.CycleIndex => "cycle_index",
        RecordingQuantity.StepIndex => "step_index",
        RecordingQuantity.StepTime => "step_time",
        RecordingQuantity.ChargeCapacity => "charge_capacity",
        RecordingQuantity.DischargeCapacity => "discharge_capacity",
        RecordingQuantity.ChargeEnergy => "charge_energy",
        RecordingQuantity.DischargeEnergy => "discharge_energy",
        RecordingQuantity.Temperature => "temperature",
        RecordingQuantity.AuxiliaryVoltage => "auxiliary_voltage",
        _ => throw new ArgumentOutOfRangeException(nameof(quantity), quantity, $"{quantity} has no canonical column name; columns of other quantities keep the name the file gave them."),
    };

    /// <summary>True for the quantities a recording may hold more than one column of (temperature, auxiliary voltage, other).</summary>
    /// <param name="quantity">The quantity.</param>
    /// <returns>True when repeatable.</returns>
    public static bool IsRepeatable(RecordingQuantity quantity) =>
        quantity is RecordingQuantity.Temperature or RecordingQuantity.AuxiliaryVoltage or RecordingQuantity.Other;

    /// <summary>True for the counters written as whole numbers (data point, cycle index, step index).</summary>
    /// <param name="quantity">The quantity.</param>
    /// <returns>True for a counter.</returns>
    public static bool IsCounter(RecordingQuantity quantity) =>
        quantity is RecordingQuantity.DataPoint or RecordingQuantity.CycleIndex or RecordingQuantity.StepIndex;
}
