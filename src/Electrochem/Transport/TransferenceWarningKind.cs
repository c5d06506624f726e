namespace Electrochem.Transport;

/// <summary>What a <see cref="TransferenceWarning"/> is about.</summary>
public enum TransferenceWarningKind
{
    /// <summary>ΔV exceeds the small-signal limit (<see cref="BruceVincentOptions.SmallSignalLimitVolts"/>): the interfaces are no longer linear.</summary>
    SmallSignalExceeded,

    /// <summary>The current still drifts over the final window by more than <see cref="BruceVincentOptions.SteadyStateTolerance"/> of I_ss.</summary>
    NotAtSteadyState,

    /// <summary>The interfacial resistance changed by more than <see cref="BruceVincentOptions.InterfacialDriftTolerance"/> between the two spectra.</summary>
    InterfacialResistanceDrift,

    /// <summary>The bulk resistance changed by more than <see cref="BruceVincentOptions.BulkDriftTolerance"/>: prefer the Abraham (bulk-corrected) t₊.</summary>
    BulkResistanceDrift,

    /// <summary>The Ohm's-law and extrapolated I₀ differ by more than <see cref="BruceVincentOptions.InitialCurrentAgreementTolerance"/>.</summary>
    InitialCurrentMismatch,

    /// <summary>The Bruce–Vincent t₊ lies outside [0, 1]: the assumptions (ideal binary salt, stable interfaces, small signal) fail.</summary>
    TransferenceNumberOutOfRange,

    /// <summary>The exponential fit of the decay did not converge; its I₀ and I_ss were not used.</summary>
    RelaxationFitFailed,
}
