using System.Collections.Immutable;
using Electrochem.Fitting;

namespace Electrochem.Kinetics;

/// <summary>
/// The outcome of a Tafel analysis: each branch's region, points and line fit, the exchange current density of
/// each branch and a combined one, and warnings. Immutable; <see cref="ToTable"/> and <see cref="ToJson"/> print it.
/// </summary>
/// <param name="Geometry">Whether the voltage was one electrode's η or a symmetric cell's η_cell.</param>
/// <param name="ElectronCount">n.</param>
/// <param name="TemperatureKelvin">T in K.</param>
/// <param name="RegionStartThreshold">The smallest |V| (V) at which an automatic region may start: k·RT/(nF), doubled for a symmetric cell.</param>
/// <param name="Anodic">The anodic branch, or null when none was found (see <see cref="Warnings"/>).</param>
/// <param name="Cathodic">The cathodic branch, or null when none was found.</param>
/// <param name="CombinedExchangeCurrentDensity">
/// With both branches: i₀ from the inverse-variance weighted mean of the two intercepts log₁₀ i₀
/// (SE = (1/SE_a² + 1/SE_c²)^−½, interval with Student t at ν_a + ν_c, mapped exactly through 10^x); with one branch,
/// that branch's i₀.
/// </param>
/// <param name="CombinationMethod">How <see cref="CombinedExchangeCurrentDensity"/> was obtained, in words.</param>
/// <param name="LineIntersectionVoltage">V (in V) where the two Tafel lines cross; near 0 when the equilibrium potential is right. NaN with one branch.</param>
/// <param name="ExcludedPointCount">Points left out because V = 0, i = 0, or i has the wrong sign for V.</param>
/// <param name="Warnings">Conditions found in the data.</param>
public sealed record TafelResult(
    PolarizationGeometry Geometry,
    int ElectronCount,
    double TemperatureKelvin,
    double RegionStartThreshold,
    TafelBranchFit? Anodic,
    TafelBranchFit? Cathodic,
    ParameterEstimate CombinedExchangeCurrentDensity,
    string CombinationMethod,
    double LineIntersectionVoltage,
    int ExcludedPointCount,
    ImmutableArray<KineticsWarning> Warnings)
{
    /// <summary>A plain-text report: geometry, each branch's region, slope, α and i₀ with intervals, the combined i₀, warnings, and each line fit's table.</summary>
    /// <returns>Multi-line text, invariant culture.</returns>
    public string ToTable() => KineticsResultWriter.ToTable(this);

    /// <summary>The result as JSON (each branch's points and line fit included; NaN and ∞ as null).</summary>
    /// <param name="indented">Whether to indent.</param>
    /// <returns>A JSON document.</returns>
    public string ToJson(bool indented = true) => KineticsResultWriter.ToJson(this, indented);
}
