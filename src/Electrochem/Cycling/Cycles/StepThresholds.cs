namespace Electrochem.Cycling;

/// <summary>
/// The thresholds that classify a step (see <see cref="StepKind"/>). Immutable; change one with <c>with</c>. The
/// defaults suit cells from coin cells to large pouches; state the values you used when you report step statistics.
/// </summary>
public sealed record StepThresholds
{
    /// <summary>The defaults.</summary>
    public static StepThresholds Default { get; } = new();

    /// <summary>
    /// The largest |current| of a rest, in A; null (the default) to use <see cref="RestCurrentFraction"/> of the
    /// recording's largest |current|.
    /// </summary>
    public double? RestCurrentAmperes { get; init; }

    /// <summary>The rest threshold as a fraction of the recording's largest |current| when <see cref="RestCurrentAmperes"/> is null (default 0.001).</summary>
    public double RestCurrentFraction { get; init; } = 1e-3;

    /// <summary>A rest whose voltage moves by more than this (V, end − start) is a relaxation (default 0.005 V).</summary>
    public double RelaxationVolts { get; init; } = 0.005;

    /// <summary>A current step is constant-current when max − min of its current is at most this fraction of |mean| (default 0.05).</summary>
    public double ConstantCurrentTolerance { get; init; } = 0.05;

    /// <summary>A current step is constant-voltage when max − min of its voltage is at most this (V, default 0.005) and |current| falls.</summary>
    public double ConstantVoltageVolts { get; init; } = 0.005;

    /// <summary>A current step lasting at most this long (s, default 1) is a <see cref="StepKind.Pulse"/>.</summary>
    public double PulseMaximumSeconds { get; init; } = 1;

    /// <summary>Throws when a threshold is negative, not finite, or (for fractions) not below 1.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A threshold is out of range.</exception>
    public void Validate()
    {
        if (RestCurrentAmperes is { } rest && (!double.IsFinite(rest) || rest < 0))
        {
            throw new ArgumentOutOfRangeException(nameof(RestCurrentAmperes), rest, $"RestCurrentAmperes is {rest}; expected a finite current ≥ 0 A, or null to use RestCurrentFraction.");
        }

        Check(RestCurrentFraction, nameof(RestCurrentFraction), "a fraction from 0 to 1 of the largest |current|", 1);
        Check(RelaxationVolts, nameof(RelaxationVolts), "a voltage ≥ 0 V", double.MaxValue);
        Check(ConstantCurrentTolerance, nameof(ConstantCurrentTolerance), "a fraction from 0 to 1 of the mean current", 1);
        Check(ConstantVoltageVolts, nameof(ConstantVoltageVolts), "a voltage ≥ 0 V", double.MaxValue);
        Check(PulseMaximumSeconds, nameof(PulseMaximumSeconds), "a duration ≥ 0 s", double.MaxValue);
    }

    private static void Check(double value, string name, string expected, double maximum)
    {
        if (!double.IsFinite(value) || value < 0 || value > maximum)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} is {value}; expected {expected}.");
        }
    }
}
