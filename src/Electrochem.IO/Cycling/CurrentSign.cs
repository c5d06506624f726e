namespace Electrochem.IO.Cycling;

/// <summary>How a file signs its current column.</summary>
public enum CurrentSign
{
    /// <summary>Positive current charges the cell (the recording's own convention; nothing is changed).</summary>
    ChargePositive = 0,

    /// <summary>Positive current discharges the cell; the reader negates the column.</summary>
    DischargePositive,
}
