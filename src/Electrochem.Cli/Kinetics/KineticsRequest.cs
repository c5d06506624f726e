using Electrochem.IO;
using Electrochem.IO.Kinetics;
using Electrochem.Kinetics;

namespace Electrochem.Cli.Kinetics;

/// <summary>What a <c>kinetics</c> subcommand was asked to do.</summary>
/// <param name="File">The data file, as typed.</param>
/// <param name="Geometry">What the voltage is across, from <c>--geometry</c>.</param>
/// <param name="TemperatureKelvin">T in K.</param>
/// <param name="TemperatureGiven">True when <c>--temperature</c> was given, false when the default was used.</param>
/// <param name="ElectronCount">n.</param>
/// <param name="AreaSquareCentimetres">Electrode area from <c>--area</c>, or null.</param>
/// <param name="CurrentUnit">The current unit from <c>--current-unit</c>, or null to take it from the header.</param>
/// <param name="EquilibriumPotential">E_eq in V from <c>--e-eq</c>, or null when the voltage column is already η.</param>
/// <param name="Json">True for one JSON document instead of text.</param>
/// <param name="Columns">Columns named on the command line (--voltage-column, --current-column), or null.</param>
internal sealed record KineticsRequest(
    string File,
    PolarizationGeometry Geometry,
    double TemperatureKelvin,
    bool TemperatureGiven,
    int ElectronCount,
    double? AreaSquareCentimetres,
    CurrentUnit? CurrentUnit,
    double? EquilibriumPotential,
    bool Json,
    PolarizationColumns? Columns = null)
{
    /// <summary>Reads the file and applies <c>--area</c>.</summary>
    /// <exception cref="ArgumentException">The area is not positive, or the column is already a density.</exception>
    internal PolarizationCurve ReadCurve() => PolarizationCurve.From(PolarizationCurveTable.Read(File, CurrentUnit, columns: Columns), AreaSquareCentimetres, EquilibriumPotential);
}
