using Electrochem.Fitting;

namespace Electrochem.Impedance;

/// <summary>
/// The resistances of a Li‖Li symmetric cell fitted with <c>R0-p(R1,CPE1)-p(R2,CPE2)</c>: bulk electrolyte (the series
/// resistor), SEI (the higher-frequency arc) and charge transfer (the lower-frequency arc), and the interfacial
/// resistance R_interface = R_SEI + R_ct whose standard error includes the covariance of the two. All in Ω, for the
/// whole cell (both electrodes); divide the interfacial terms by 2 for one electrode.
/// </summary>
/// <param name="Bulk">R_bulk, Ω.</param>
/// <param name="SolidElectrolyteInterphase">R_SEI, Ω.</param>
/// <param name="ChargeTransfer">R_ct, Ω.</param>
/// <param name="Interface">R_SEI + R_ct, Ω, SE from the full covariance.</param>
public sealed record SymmetricCellResistances(
    ParameterEstimate Bulk,
    ParameterEstimate SolidElectrolyteInterphase,
    ParameterEstimate ChargeTransfer,
    ParameterEstimate Interface)
{
    /// <summary>Reads the resistances from a fit by parameter name.</summary>
    /// <param name="fit">The fit.</param>
    /// <param name="bulkName">The bulk resistance's parameter (default <c>"R0"</c>).</param>
    /// <param name="solidElectrolyteInterphaseName">The SEI resistance's parameter (default <c>"R1"</c>).</param>
    /// <param name="chargeTransferName">The charge-transfer resistance's parameter (default <c>"R2"</c>).</param>
    /// <returns>The four resistances.</returns>
    /// <exception cref="ArgumentException">A name is used for two roles.</exception>
    /// <exception cref="KeyNotFoundException">A name is not a parameter of the fit.</exception>
    public static SymmetricCellResistances FromFit(FitResult fit, string bulkName = "R0", string solidElectrolyteInterphaseName = "R1", string chargeTransferName = "R2")
    {
        ArgumentNullException.ThrowIfNull(fit);
        if (bulkName == solidElectrolyteInterphaseName || bulkName == chargeTransferName || solidElectrolyteInterphaseName == chargeTransferName)
        {
            throw new ArgumentException($"The bulk, SEI and charge-transfer resistances must be three different parameters; got '{bulkName}', '{solidElectrolyteInterphaseName}', '{chargeTransferName}'.", nameof(bulkName));
        }

        return new SymmetricCellResistances(
            fit[bulkName],
            fit[solidElectrolyteInterphaseName],
            fit[chargeTransferName],
            fit.SumOfParameters("R_interface", solidElectrolyteInterphaseName, chargeTransferName));
    }
}
