using System.Collections.Immutable;

namespace Electrochem.Cli.Transference;

/// <summary>What <c>electrochem transference</c> was asked to do, with the resistances as given or as fitted from spectra.</summary>
/// <param name="File">The chronoamperometry file, as typed.</param>
/// <param name="AppliedVoltage">ΔV in V with its uncertainty.</param>
/// <param name="InterfacialResistanceInitial">R_i,0 (R₀) in Ω, whole cell.</param>
/// <param name="InterfacialResistanceSteadyState">R_i,ss (R_ss) in Ω, whole cell.</param>
/// <param name="BulkResistanceInitial">R_b,0 in Ω, or null when not given.</param>
/// <param name="BulkResistanceSteadyState">R_b,ss in Ω, or null when not given.</param>
/// <param name="Json">True for one JSON document instead of text.</param>
/// <param name="ResistanceSources">How the resistances were obtained from impedance files (before, after), or empty when given as numbers.</param>
internal sealed record TransferenceRequest(
    string File,
    Measurement AppliedVoltage,
    Measurement InterfacialResistanceInitial,
    Measurement InterfacialResistanceSteadyState,
    Measurement? BulkResistanceInitial,
    Measurement? BulkResistanceSteadyState,
    bool Json,
    ImmutableArray<string> ResistanceSources)
{
    /// <summary>True when both bulk resistances were given.</summary>
    internal bool HasBulkResistances => BulkResistanceInitial is not null && BulkResistanceSteadyState is not null;
}
