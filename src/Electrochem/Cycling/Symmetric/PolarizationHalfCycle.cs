namespace Electrochem.Cycling;

/// <summary>
/// One constant-current half-cycle of a symmetric cell, measured: the overpotential as the plateau (mean |V| over the
/// plateau window), the peak (max |V|) and the end (|V| of the last sample), the scatter of V about a line over the
/// plateau window, how much of it follows the current's polarity, and the charge passed. Times in s, voltages in V,
/// currents in A, capacities in A·h.
/// </summary>
public sealed record PolarizationHalfCycle
{
    /// <summary>0-based position.</summary>
    public required int Index { get; init; }

    /// <summary>First row.</summary>
    public required int StartRow { get; init; }

    /// <summary>The row after the last.</summary>
    public required int EndRow { get; init; }

    /// <summary>Test time of the first row (s).</summary>
    public required double StartTime { get; init; }

    /// <summary>Test time of the last row (s).</summary>
    public required double EndTime { get; init; }

    /// <summary>The mean current (A, signed).</summary>
    public required double CurrentAmperes { get; init; }

    /// <summary>|I|/area (A/m²) when an area was given; else null.</summary>
    public required double? CurrentDensity { get; init; }

    /// <summary>Mean |V| over the plateau window (V).</summary>
    public required double PlateauVolts { get; init; }

    /// <summary>Max |V| (V): the nucleation peak at the half-cycle's start, or a rise at its end.</summary>
    public required double PeakVolts { get; init; }

    /// <summary>|V| of the last sample (V).</summary>
    public required double EndVolts { get; init; }

    /// <summary>RMS of V about a straight line over the plateau window (V).</summary>
    public required double NoiseVolts { get; init; }

    /// <summary>The fraction of samples whose voltage has the current's sign.</summary>
    public required double PolarityAgreement { get; init; }

    /// <summary>|I|·duration (A·h).</summary>
    public required double CapacityAmpereHours { get; init; }

    /// <summary>The capacity passed from the record's start to this half-cycle's end (A·h).</summary>
    public required double CumulativeCapacityAmpereHours { get; init; }

    /// <summary>Which short signatures this half-cycle shows against the preceding ones.</summary>
    public required ShortCriteria Signatures { get; init; }
}
