using System.Collections.Immutable;

namespace Electrochem.Cli.Demo;

/// <summary>
/// The reference study's reported transport, kinetics and interface values (../shared PAPER.md): Su et al., "New Nitrate Additive Enabling
/// Highly Stable and Conductive SEI for Fast-Charging Lithium Metal Batteries", Adv. Funct. Mater. 2024, 2409492.
/// The demo data are generated from these numbers, and the demo prints each result beside them.
/// </summary>
internal static class ReferenceStudy
{
    /// <summary>Short citation.</summary>
    internal const string Citation = "Su et al., Adv. Funct. Mater. 2024, 2409492 (doi 10.1002/adfm.202409492)";

    /// <summary>Name of the electrolyte without additive.</summary>
    internal const string BasePta = "Base-PTA";

    /// <summary>Name of the electrolyte with 1 wt% isopropyl nitrate.</summary>
    internal const string IspnPta = "ISPN-PTA";

    /// <summary>Temperature of the reported room-temperature conductivities, °C.</summary>
    internal const double ConductivityTemperatureCelsius = 28;

    /// <summary>σ(28 °C) of Base-PTA.</summary>
    internal static PaperValue BasePtaConductivity { get; } = new(3.6e-4, "3.6e-4 S/cm");

    /// <summary>σ(28 °C) of ISPN-PTA (1 wt% ISPN).</summary>
    internal static PaperValue IspnPtaConductivity { get; } = new(5.3e-4, "5.3e-4 S/cm");

    /// <summary>Activation energy of Base-PTA over 30–70 °C, eV.</summary>
    internal static PaperValue BasePtaActivationEnergy { get; } = new(0.24, "0.24 eV");

    /// <summary>Activation energy of ISPN-PTA over 30–70 °C, eV.</summary>
    internal static PaperValue IspnPtaActivationEnergy { get; } = new(0.09, "0.09 eV");

    /// <summary>σ(28 °C) of ISPN-PTA against ISPN loading (wt%).</summary>
    internal static ImmutableArray<(double LoadingWeightPercent, PaperValue Conductivity)> LoadingSeries { get; } =
    [
        (0.5, new PaperValue(4.7e-4, "4.7e-4 S/cm")),
        (1.0, IspnPtaConductivity),
        (2.0, new PaperValue(4.47e-4, "4.47e-4 S/cm")),
    ];

    /// <summary>Exchange current density of Li in Base-PTA (Tafel plot of a Li‖Li symmetric cell), mA/cm².</summary>
    internal static PaperValue BasePtaExchangeCurrentDensity { get; } = new(0.074, "0.074 mA/cm²");

    /// <summary>Exchange current density of Li in ISPN-PTA (Tafel plot of a Li‖Li symmetric cell), mA/cm².</summary>
    internal static PaperValue IspnPtaExchangeCurrentDensity { get; } = new(0.25, "0.25 mA/cm²");

    /// <summary>Li⁺ transference number of Base-PTA (Bruce–Vincent).</summary>
    internal static PaperValue BasePtaTransferenceNumber { get; } = new(0.41, "0.41");

    /// <summary>Li⁺ transference number of ISPN-PTA (Bruce–Vincent).</summary>
    internal static PaperValue IspnPtaTransferenceNumber { get; } = new(0.68, "0.68");

    /// <summary>SEI resistance of the ISPN-PTA Li‖Li cell after 200 h of cycling (EIS, whole cell), Ω.</summary>
    internal static PaperValue IspnPtaSeiResistance { get; } = new(28.8, "28.8 Ω");

    /// <summary>Interfacial resistance R_SEI + R_ct of the Base-PTA Li‖Li cell after 200 h of cycling, Ω.</summary>
    internal static PaperValue BasePtaInterfaceResistance { get; } = new(410.92, "410.92 Ω");

    /// <summary>Interfacial resistance R_SEI + R_ct of the ISPN-PTA Li‖Li cell after 200 h of cycling, Ω.</summary>
    internal static PaperValue IspnPtaInterfaceResistance { get; } = new(231.91, "231.91 Ω");

    /// <summary>LFP‖Li at 2 C: retention after 1300 cycles (ISPN-PTA).</summary>
    internal static PaperValue Lfp2CRetention { get; } = new(87.51, "87.51 % after 1300 cycles");

    /// <summary>LFP‖Li at 2 C: mean coulombic efficiency (ISPN-PTA).</summary>
    internal static PaperValue Lfp2CCoulombicEfficiency { get; } = new(99.9, "99.9 %");

    /// <summary>LFP‖Li at 10 C with five 1 C check-ups every 50 cycles: retention after 850 cycles (ISPN-PTA).</summary>
    internal static PaperValue Lfp10CRetention { get; } = new(79.57, "79.57 % after 850 cycles");

    /// <summary>NCM622‖Li at 5 C: retention after 165 cycles as reported (146.1 of 149.9 mAh/g is 97.47 %).</summary>
    internal static PaperValue Ncm5CRetention { get; } = new(97.59, "97.59 % after 165 cycles");

    /// <summary>Oxidation limit of Base-PTA from a linear sweep at 1 mV/s (V vs Li⁺/Li).</summary>
    internal static PaperValue BasePtaOxidationLimit { get; } = new(4.55, "4.55 V");

    /// <summary>Oxidation limit of ISPN-PTA from a linear sweep at 1 mV/s (V vs Li⁺/Li).</summary>
    internal static PaperValue IspnPtaOxidationLimit { get; } = new(5.25, "5.25 V");

    /// <summary>Critical current density of Base-PTA Li‖Li cells (mA/cm²).</summary>
    internal static PaperValue BasePtaCriticalCurrentDensity { get; } = new(0.3, "0.3 mA/cm²");

    /// <summary>Critical current density of ISPN-PTA Li‖Li cells (mA/cm²).</summary>
    internal static PaperValue IspnPtaCriticalCurrentDensity { get; } = new(1.7, "1.7 mA/cm²");

    /// <summary>Base-PTA Li‖Li galvanostatic cycling: polarisation and failure.</summary>
    internal static PaperValue BasePtaLiLiCycling { get; } = new(0.05, "0.05 V; short after ~500 h");

    /// <summary>ISPN-PTA Li‖Li galvanostatic cycling: polarisation and lifetime.</summary>
    internal static PaperValue IspnPtaLiLiCycling { get; } = new(0.02, "0.02 V for > 1900 h");
}
