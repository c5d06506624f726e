namespace Electrochem.Transport;

/// <summary>
/// The currents an ideal symmetric cell (dilute binary salt between two non-blocking electrodes) carries under a
/// small constant voltage ΔV: at first the ions move freely, I₀ = ΔV/(R_b,0 + R_i,0); at steady state only the
/// cation carries current and the electrolyte's effective resistance is R_b,ss/t₊, so I_ss = ΔV/(R_b,ss/t₊ + R_i,ss).
/// The forward model behind the Bruce–Vincent method (and the test data of this library). SI units: V, Ω, A.
/// </summary>
/// <param name="AppliedVoltage">ΔV in V, &gt; 0.</param>
/// <param name="BulkResistanceInitial">R_b,0 in Ω.</param>
/// <param name="BulkResistanceSteadyState">R_b,ss in Ω.</param>
/// <param name="InterfacialResistanceInitial">R_i,0 (both interfaces) in Ω.</param>
/// <param name="InterfacialResistanceSteadyState">R_i,ss (both interfaces) in Ω.</param>
/// <param name="TransferenceNumber">t₊ in (0, 1].</param>
/// <example><code>var cell = new IdealPolarizationCell(0.010, 100, 100, 400, 450, 0.4);
/// // cell.InitialCurrent = 2e-5 A, cell.SteadyStateCurrent = 1.428571e-5 A</code></example>
public sealed record IdealPolarizationCell(
    double AppliedVoltage,
    double BulkResistanceInitial,
    double BulkResistanceSteadyState,
    double InterfacialResistanceInitial,
    double InterfacialResistanceSteadyState,
    double TransferenceNumber)
{
    /// <summary>I₀ = ΔV/(R_b,0 + R_i,0) in A.</summary>
    public double InitialCurrent => AppliedVoltage / (BulkResistanceInitial + InterfacialResistanceInitial);

    /// <summary>I_ss = ΔV/(R_b,ss/t₊ + R_i,ss) in A.</summary>
    public double SteadyStateCurrent => AppliedVoltage / ((BulkResistanceSteadyState / TransferenceNumber) + InterfacialResistanceSteadyState);

    /// <summary>The resistances as exact measurements, ready for <see cref="BruceVincent.Analyze"/>.</summary>
    public PolarizationResistances Resistances => new(BulkResistanceInitial, BulkResistanceSteadyState, InterfacialResistanceInitial, InterfacialResistanceSteadyState);

    /// <summary>The exponential approach I(t) = I_ss + (I₀ − I_ss)·e^{−(t − t₀)/τ} between the two currents.</summary>
    /// <param name="timeConstantSeconds">τ in s (≈ L²/(π²D) for a cell of thickness L and salt diffusivity D).</param>
    /// <param name="stepTimeSeconds">t₀ in s.</param>
    /// <returns>The relaxation model.</returns>
    public CurrentRelaxation Relaxation(double timeConstantSeconds, double stepTimeSeconds = 0) =>
        new(InitialCurrent, SteadyStateCurrent, timeConstantSeconds, stepTimeSeconds);
}
