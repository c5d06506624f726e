namespace Electrochem.Cycling;

/// <summary>What to do when a recording's test time goes backwards between two rows.</summary>
public enum RecordingTimeOrder
{
    /// <summary>Refuse the data, naming the first row where time goes back (the default: nothing out of order is kept silently).</summary>
    Reject = 0,

    /// <summary>Sort every column by test time (stable: rows with equal times keep their file order) and say so in a warning.</summary>
    Sort,
}
