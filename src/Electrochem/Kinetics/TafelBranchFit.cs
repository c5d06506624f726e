using System.Collections.Immutable;
using Electrochem.Fitting;

namespace Electrochem.Kinetics;

/// <summary>
/// One branch's Tafel line log₁₀|i| = a + s·V over its region, and what follows from it. V is η (single electrode)
/// or η_cell (symmetric cell) in V, signed, so the cathodic slope s is negative.
/// </summary>
/// <param name="Branch">Anodic or cathodic.</param>
/// <param name="RegionSelectedAutomatically">True when the region came from the criterion in <see cref="TafelOptions"/>, false when given by hand.</param>
/// <param name="Region">The |V| range of the points used, in V (from the first to the last point of the region).</param>
/// <param name="Voltage">The points' voltages in V (signed).</param>
/// <param name="Log10Current">log₁₀|i| of the points (i in the input's unit).</param>
/// <param name="LineFit">The least-squares line: parameters <c>Log10ExchangeCurrentDensity</c> (a, log₁₀ of the current unit) and <c>Slope</c> (s, decades/V).</param>
/// <param name="TafelSlope">b = 1/s in V/decade (anodic positive, cathodic negative); its interval is the exact image [1/s_upper, 1/s_lower], its SE the delta-method SE/s².</param>
/// <param name="TransferCoefficient">α = ln10·R·T·|s|/(n·F) for one electrode (α_a or α_c); 2·ln10·R·T·|s|/(n·F) for a symmetric cell (the harmonic mean of α_a and α_c); interval linear in s, so exact.</param>
/// <param name="ExchangeCurrentDensity">i₀ = 10^a with the exact image [10^lower, 10^upper] of the intercept's interval, in the unit of the current input.</param>
/// <param name="CandidateWindowCount">How many windows met the criterion (0 when the region was given by hand).</param>
public sealed record TafelBranchFit(
    TafelBranch Branch,
    bool RegionSelectedAutomatically,
    VoltageRange Region,
    ImmutableArray<double> Voltage,
    ImmutableArray<double> Log10Current,
    FitResult LineFit,
    ParameterEstimate TafelSlope,
    ParameterEstimate TransferCoefficient,
    ParameterEstimate ExchangeCurrentDensity,
    long CandidateWindowCount)
{
    /// <summary>Name of the intercept a = log₁₀ i₀ in <see cref="LineFit"/>.</summary>
    public const string Log10ExchangeCurrentDensityName = "Log10ExchangeCurrentDensity";

    /// <summary>Name of the slope s (decades per V) in <see cref="LineFit"/>.</summary>
    public const string SlopeName = "Slope";

    /// <summary>Adjusted R² of the line over the region.</summary>
    public double AdjustedRSquared => LineFit.Statistics.AdjustedRSquared;
}
