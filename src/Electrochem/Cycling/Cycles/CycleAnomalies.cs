namespace Electrochem.Cycling;

/// <summary>What is unusual about a cycle; a table's statistics should usually leave flagged cycles out.</summary>
[Flags]
public enum CycleAnomalies
{
    /// <summary>A complete cycle in the convention's order.</summary>
    None = 0,

    /// <summary>The cycle has no charge (coulombic efficiency is then undefined).</summary>
    NoCharge = 1,

    /// <summary>The cycle has no discharge.</summary>
    NoDischarge = 2,

    /// <summary>The cycle's first current step is the convention's second half (a discharge first under <see cref="EfficiencyConvention.ChargeFirst"/>).</summary>
    OppositeOrder = 4,

    /// <summary>The last cycle of the recording, without the half that would complete it: the test ended or was cut off.</summary>
    Incomplete = 8,
}
