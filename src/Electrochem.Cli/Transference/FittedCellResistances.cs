using System.Globalization;
using Electrochem.Fitting;
using Electrochem.Impedance;
using Electrochem.IO;
using Electrochem.IO.Impedance;

namespace Electrochem.Cli.Transference;

/// <summary>
/// The resistances of a Li‖Li cell read from its impedance spectrum: the spectrum is fitted with
/// <see cref="Circuit"/> <c>R0-p(R1,CPE1)-p(R2,CPE2)</c> (bulk, SEI, charge transfer; automatic start, modulus
/// weighting) and R_b = R0, R_i = R1 + R2 with the covariance-aware standard error.
/// </summary>
internal static class FittedCellResistances
{
    /// <summary>The circuit fitted to each spectrum.</summary>
    internal const string CircuitText = "R0-p(R1,CPE1)-p(R2,CPE2)";

    private static readonly Circuit LiLiCircuit = Circuit.Parse(CircuitText);

    /// <summary>Reads and fits one spectrum.</summary>
    /// <param name="path">The impedance file.</param>
    /// <returns>R_b and R_i with their standard uncertainties, and a sentence saying where they came from.</returns>
    /// <exception cref="DataFileException">The fit did not converge (the message names the file, says why and what to do instead).</exception>
    internal static (Measurement Bulk, Measurement Interfacial, string Description) FromFile(string path)
    {
        ImpedanceData data = ImpedanceFile.Read(path);
        FitResult<CircuitModel> fit = CircuitModel.Fit(LiLiCircuit, data.Spectrum);
        if (!fit.Converged)
        {
            throw new DataFileException(
                $"{path}: the fit of {CircuitText} ended with status {fit.Status} ({fit.StatusReason}); fit the spectrum with `electrochem eis fit` and pass --r0/--rss (and --rb0/--rbss) instead.");
        }

        SymmetricCellResistances r = SymmetricCellResistances.FromFit(fit);
        string description = string.Create(CultureInfo.InvariantCulture,
            $"{path}: {CircuitText} fitted ({data.Spectrum.Count} points, modulus weighting, χ²/ν = {fit.Statistics.ReducedChiSquare:G3}); R_b = R0, R_i = R1 + R2");
        return (new Measurement(r.Bulk.Value, r.Bulk.StandardError), new Measurement(r.Interface.Value, r.Interface.StandardError), description);
    }
}
