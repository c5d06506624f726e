namespace Electrochem.Transport;

/// <summary>
/// The resistances of a Li‖Li (or other non-blocking symmetric) cell read from impedance spectra taken before the
/// potentiostatic polarisation and at its steady state, each with its standard uncertainty, in Ω. "Interfacial" is
/// the whole-cell resistance of both electrode interfaces together (SEI + charge transfer, e.g. R_SEI + R_ct of the
/// equivalent circuit), as the Bruce–Vincent formula uses it; "bulk" is the electrolyte's R_b (high-frequency
/// intercept).
/// </summary>
/// <param name="BulkResistanceInitial">R_b,0 in Ω, before polarisation.</param>
/// <param name="BulkResistanceSteadyState">R_b,ss in Ω, at steady state.</param>
/// <param name="InterfacialResistanceInitial">R₀ (R_i,0) in Ω, before polarisation.</param>
/// <param name="InterfacialResistanceSteadyState">R_ss (R_i,ss) in Ω, at steady state.</param>
public sealed record PolarizationResistances(
    Measurement BulkResistanceInitial,
    Measurement BulkResistanceSteadyState,
    Measurement InterfacialResistanceInitial,
    Measurement InterfacialResistanceSteadyState)
{
    internal void Validate()
    {
        BulkResistanceInitial.CheckPositive(nameof(BulkResistanceInitial));
        BulkResistanceSteadyState.CheckPositive(nameof(BulkResistanceSteadyState));
        TransferenceData.CheckNonNegative(InterfacialResistanceInitial, nameof(InterfacialResistanceInitial));
        TransferenceData.CheckNonNegative(InterfacialResistanceSteadyState, nameof(InterfacialResistanceSteadyState));
    }
}
