namespace Electrochem.Cycling;

/// <summary>
/// What a column of a <see cref="CyclerRecording"/> holds, when it is one of the quantities every cycling analysis
/// knows. Each has a fixed SI (or battery-conventional) unit, given here and in <see cref="RecordingQuantities.Unit"/>;
/// readers convert to it. Columns a vendor writes that are none of these are kept as <see cref="Other"/> with their
/// own name and unit.
/// </summary>
public enum RecordingQuantity
{
    /// <summary>Any other numeric column, kept under its original name and unit (no conversion).</summary>
    Other = 0,

    /// <summary>Test time since the start of the test, seconds (s). Required; non-decreasing.</summary>
    TestTime,

    /// <summary>Cell current, amperes (A); positive charges the cell, negative discharges it. Required.</summary>
    Current,

    /// <summary>Cell voltage (working electrode against counter/reference as the instrument measured it), volts (V). Required.</summary>
    Voltage,

    /// <summary>The instrument's running record number, as written (a count, no unit).</summary>
    DataPoint,

    /// <summary>The instrument's cycle counter, as written (a count, no unit). It may be meaningless (Maccor <c>Cyc#</c> = 0 everywhere); cycle analyses say which rule they used.</summary>
    CycleIndex,

    /// <summary>The instrument's step (schedule line) counter, as written (a count, no unit).</summary>
    StepIndex,

    /// <summary>Time since the start of the current step, seconds (s).</summary>
    StepTime,

    /// <summary>Charge capacity as the instrument accumulated it, ampere-hours (Ah), non-negative.</summary>
    ChargeCapacity,

    /// <summary>Discharge capacity as the instrument accumulated it, ampere-hours (Ah), non-negative.</summary>
    DischargeCapacity,

    /// <summary>Charge energy as the instrument accumulated it, watt-hours (Wh), non-negative.</summary>
    ChargeEnergy,

    /// <summary>Discharge energy as the instrument accumulated it, watt-hours (Wh), non-negative.</summary>
    DischargeEnergy,

    /// <summary>A temperature (cell, ambient or auxiliary probe), kelvin (K). A recording may hold several.</summary>
    Temperature,

    /// <summary>An auxiliary voltage (a reference electrode, a counter electrode, a cell in a string), volts (V). A recording may hold several.</summary>
    AuxiliaryVoltage,
}
