namespace Electrochem.Cycling;

/// <summary>What a run of cycles at one rate is for, in a <see cref="CyclingProtocol"/>.</summary>
public enum ProtocolRole
{
    /// <summary>Cycles before the first series block, at another rate, few enough to be formation (see <see cref="ProtocolOptions.FormationMaximumCycles"/>).</summary>
    Formation,

    /// <summary>Cycles at the rate that holds most of the test: the ones whose retention and CE are reported.</summary>
    Series,

    /// <summary>Short runs at another rate that recur between series blocks (e.g. five 1 C cycles every 50 at 10 C): reported apart.</summary>
    CheckUp,

    /// <summary>Any other run: a step of a rate-capability test (no rate holds most of the test), or a one-off change of rate.</summary>
    RateStep,
}

/// <summary>A run of consecutive cycles at one rate.</summary>
/// <param name="Cycles">The run's cycle numbers.</param>
/// <param name="Current">The run's mean discharge current (A, or the unit of the currents given).</param>
/// <param name="Role">What the run is for.</param>
/// <param name="ReturnsToFirstRate">True when the run is at the rate of the test's first run but comes after runs at other rates (the "return" of a rate test).</param>
public sealed record ProtocolBlock(System.Collections.Immutable.ImmutableArray<int> Cycles, double Current, ProtocolRole Role, bool ReturnsToFirstRate)
{
    /// <summary>The run's first cycle number.</summary>
    public int FirstCycle => Cycles[0];

    /// <summary>The run's last cycle number.</summary>
    public int LastCycle => Cycles[^1];
}

/// <summary>How <see cref="CyclingProtocol.Segment(CycleTable, ProtocolOptions?)"/> groups cycles. Immutable; change one setting with <c>with</c>.</summary>
public sealed record ProtocolOptions
{
    /// <summary>The defaults.</summary>
    public static ProtocolOptions Default { get; } = new();

    /// <summary>Cycles whose currents differ by at most this fraction are at one rate (default 0.1).</summary>
    public double RateTolerance { get; init; } = 0.1;

    /// <summary>The longest run that can be a check-up (default 10 cycles).</summary>
    public int CheckUpMaximumCycles { get; init; } = 10;

    /// <summary>The most cycles before the series that count as formation (default 10).</summary>
    public int FormationMaximumCycles { get; init; } = 10;

    /// <summary>The share of cycles the most common rate must hold to be a series (default 0.5); below it the test is a rate test.</summary>
    public double SeriesMinimumShare { get; init; } = 0.5;

    /// <summary>Throws when a setting is out of range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of range.</exception>
    public void Validate()
    {
        if (!double.IsFinite(RateTolerance) || RateTolerance < 0 || RateTolerance >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(RateTolerance), RateTolerance, $"RateTolerance is {RateTolerance}; expected a fraction from 0 to below 1.");
        }

        if (CheckUpMaximumCycles < 1 || FormationMaximumCycles < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(CheckUpMaximumCycles), CheckUpMaximumCycles, "CheckUpMaximumCycles must be at least 1 and FormationMaximumCycles at least 0.");
        }

        if (!double.IsFinite(SeriesMinimumShare) || SeriesMinimumShare <= 0 || SeriesMinimumShare > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(SeriesMinimumShare), SeriesMinimumShare, $"SeriesMinimumShare is {SeriesMinimumShare}; expected a fraction above 0 and at most 1.");
        }
    }
}
