namespace Electrochem.Transport;

/// <summary>
/// The resistances of a Li‖Li (or other non-blocking symmetric) cell read from impedance spectra taken before the
/// potentiostatic polarisation and at its steady state, each with its standard uncertainty, in Ω. "Interfacial" is
/// the whole-cell resistance of both electrode interfaces together (SEI + charge transfer, e.g. R_SEI + R_ct of the
/// equivalent circuit), as the Bruce–Vincent formula uses it; "bulk" is the electrolyte's R_b (high-frequency
/// intercept). The bulk resistances may be left out (both null): then I₀ must be extrapolated from the decay, and the
/// quantities that need R_b (Ohm's-law I₀, the Abraham and Watanabe forms) are not available.
/// </summary>
/// <param name="BulkResistanceInitial">R_b,0 in Ω, before polarisation, or null when not measured.</param>
/// <param name="BulkResistanceSteadyState">R_b,ss in Ω, at steady state, or null when not measured.</param>
/// <param name="InterfacialResistanceInitial">R₀ (R_i,0) in Ω, before polarisation.</param>
/// <param name="InterfacialResistanceSteadyState">R_ss (R_i,ss) in Ω, at steady state.</param>
public sealed record PolarizationResistances(
    Measurement? BulkResistanceInitial,
    Measurement? BulkResistanceSteadyState,
    Measurement InterfacialResistanceInitial,
    Measurement InterfacialResistanceSteadyState)
{
    /// <summary>Only the interfacial resistances, for when the bulk resistances were not measured.</summary>
    /// <param name="interfacialResistanceInitial">R₀ in Ω.</param>
    /// <param name="interfacialResistanceSteadyState">R_ss in Ω.</param>
    /// <returns>Resistances without R_b.</returns>
    public static PolarizationResistances InterfacialOnly(Measurement interfacialResistanceInitial, Measurement interfacialResistanceSteadyState) =>
        new(null, null, interfacialResistanceInitial, interfacialResistanceSteadyState);

    /// <summary>True when both bulk resistances are given.</summary>
    public bool HasBulkResistances => BulkResistanceInitial is not null && BulkResistanceSteadyState is not null;

    internal void Validate()
    {
        if ((BulkResistanceInitial is null) != (BulkResistanceSteadyState is null))
        {
            throw new ArgumentException("Give both bulk resistances (R_b,0 and R_b,ss) or neither.", nameof(BulkResistanceSteadyState));
        }

        BulkResistanceInitial?.CheckPositive(nameof(BulkResistanceInitial));
        BulkResistanceSteadyState?.CheckPositive(nameof(BulkResistanceSteadyState));
        TransferenceData.CheckNonNegative(InterfacialResistanceInitial, nameof(InterfacialResistanceInitial));
        TransferenceData.CheckNonNegative(InterfacialResistanceSteadyState, nameof(InterfacialResistanceSteadyState));
    }
}
