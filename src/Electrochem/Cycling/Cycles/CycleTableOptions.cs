namespace Electrochem.Cycling;

/// <summary>How <see cref="CycleTable.From(CyclerRecording, CycleTableOptions, CancellationToken)"/> builds a cycle table. Immutable; change one setting with <c>with</c>.</summary>
/// <param name="Convention">Which half-cycle comes first, and so what coulombic efficiency means (required: there is no safe default).</param>
public sealed record CycleTableOptions(EfficiencyConvention Convention)
{
    /// <summary>How to number cycles; null (the default) to use the instrument's counter when it counts cycles and derive them otherwise (the table says which, and why).</summary>
    public CycleNumbering? Numbering { get; init; }

    /// <summary>Where capacities come from; null (the default) for the instrument's accumulators when the recording has them, else integrated.</summary>
    public CapacitySource? CapacitySource { get; init; }

    /// <summary>Step classification thresholds.</summary>
    public StepThresholds Steps { get; init; } = StepThresholds.Default;

    /// <summary>Active mass (g) for specific capacities (mA·h/g); null to use the recording's stated mass, if any. Never defaulted.</summary>
    public double? ActiveMassGrams { get; init; }

    /// <summary>Electrode area (cm²) for areal capacities (mA·h/cm²); null for none. Never defaulted.</summary>
    public double? AreaSquareCentimetres { get; init; }

    /// <summary>Nominal capacity (A·h) for C-rates and equivalent full cycles; null to use the recording's stated capacity, if any. Never defaulted.</summary>
    public double? NominalCapacityAmpereHours { get; init; }

    /// <summary>
    /// The name of the column holding the instrument's internal-resistance readings (Ω); null to look for a column
    /// named Internal_Resistance, Internal Resistance, IR or DCIR (any case, with or without a unit).
    /// </summary>
    public string? InternalResistanceColumn { get; init; }

    /// <summary>Throws when a setting is out of range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of range.</exception>
    public void Validate()
    {
        if (!Enum.IsDefined(Convention))
        {
            throw new ArgumentOutOfRangeException(nameof(Convention), Convention, "Convention is not a defined EfficiencyConvention; expected ChargeFirst or DischargeFirst.");
        }

        if (Numbering is { } numbering && !Enum.IsDefined(numbering))
        {
            throw new ArgumentOutOfRangeException(nameof(Numbering), numbering, "Numbering is not a defined CycleNumbering.");
        }

        if (CapacitySource is { } source && !Enum.IsDefined(source))
        {
            throw new ArgumentOutOfRangeException(nameof(CapacitySource), source, "CapacitySource is not a defined CapacitySource.");
        }

        Positive(ActiveMassGrams, nameof(ActiveMassGrams), "g");
        Positive(AreaSquareCentimetres, nameof(AreaSquareCentimetres), "cm²");
        Positive(NominalCapacityAmpereHours, nameof(NominalCapacityAmpereHours), "A·h");
        ArgumentNullException.ThrowIfNull(Steps);
        Steps.Validate();
    }

    private static void Positive(double? value, string name, string unit)
    {
        if (value is { } v && (!double.IsFinite(v) || v <= 0))
        {
            throw new ArgumentOutOfRangeException(name, v, $"{name} is {v}; expected a finite value > 0 {unit}, or null when it is not known.");
        }
    }
}
