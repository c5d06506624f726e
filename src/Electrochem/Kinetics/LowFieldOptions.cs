namespace Electrochem.Kinetics;

/// <summary>Options of the low-field (micro-polarisation) analyses in <see cref="LowFieldPolarization"/>. Change one with <c>with</c>.</summary>
public sealed record LowFieldOptions
{
    /// <summary>The defaults: |η| ≤ 10 mV per electrode, α_a + α_c = 1, 1 % linearisation tolerance, 95 % intervals.</summary>
    public static LowFieldOptions Default { get; } = new();

    /// <summary>
    /// Largest per-electrode overpotential used, in V (default 0.010). Points with |η| (single electrode) or
    /// |η_cell|/2 (symmetric cell) above it are left out. At 10 mV, 298 K and α_a = α_c = ½ the linearised
    /// Butler–Volmer current is 0.63 % below the exact one.
    /// </summary>
    public double MaximumElectrodeOverpotential { get; init; } = 0.010;

    /// <summary>α_a + α_c, which sets the low-field slope di/dη = i₀·(α_a + α_c)·n·F/(RT). Default 1.</summary>
    public double TransferCoefficientSum { get; init; } = 1.0;

    /// <summary>
    /// Largest tolerated relative linearisation error sinh(x)/x − 1, x = (α_a + α_c)·n·F·|η|max/(2RT), at the largest
    /// per-electrode overpotential used; above it the result carries a <see cref="KineticsWarningKind.LinearisationErrorExceeded"/> warning. Default 0.01.
    /// </summary>
    public double LinearisationTolerance { get; init; } = 0.01;

    /// <summary>Confidence level of the reported intervals, in (0, 1). Default 0.95.</summary>
    public double ConfidenceLevel { get; init; } = 0.95;

    internal void Validate()
    {
        Preconditions.CheckPositive(MaximumElectrodeOverpotential, nameof(MaximumElectrodeOverpotential));
        Preconditions.CheckPositive(TransferCoefficientSum, nameof(TransferCoefficientSum));
        Preconditions.CheckPositive(LinearisationTolerance, nameof(LinearisationTolerance));
        Preconditions.CheckOpenUnitInterval(ConfidenceLevel, nameof(ConfidenceLevel));
    }
}
