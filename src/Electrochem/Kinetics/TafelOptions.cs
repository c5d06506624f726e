namespace Electrochem.Kinetics;

/// <summary>
/// Options of <see cref="TafelAnalysis"/>, including the region-selection criterion. Change one with <c>with</c>.
/// </summary>
/// <remarks>
/// Automatic region selection, per branch: the branch's points are sorted by |V|. A candidate region is any run of
/// consecutive points that (1) starts at a per-electrode overpotential of at least
/// <see cref="MinimumElectrodeOverpotentialThermalVoltages"/>·R·T/(n·F) (|η| for one electrode, |η_cell|/2 for a
/// symmetric cell), (2) has at least <see cref="MinimumPoints"/> points, and (3) spans at least
/// <see cref="MinimumDecades"/> decades of |i| (max − min of log₁₀|i| over the run), with a positive slope of log₁₀|i|
/// against |V|. Each candidate gets the straight line log₁₀|i| = a + s·|V| by least squares; the region chosen is the
/// one with the largest adjusted R² = 1 − (1 − R²)(m − 1)/(m − 2), ties going to the larger m, then the smaller start.
/// Adjusted R² rewards a long range (the total sum of squares grows with the span) and penalises curvature, whether
/// from the back reaction near equilibrium or from mass transport at high |V|.
/// </remarks>
public sealed record TafelOptions
{
    /// <summary>The defaults: start ≥ 6·RT/(nF) per electrode, ≥ 5 points, ≥ 1 decade, 95 % intervals.</summary>
    public static TafelOptions Default { get; } = new();

    /// <summary>
    /// Smallest per-electrode overpotential at which a Tafel region may start, in units of R·T/(n·F). Default 6
    /// (154 mV for n = 1 at 298.15 K): there the back reaction changes log₁₀|i| by at most 0.001 decade
    /// (e^−6 = 0.25 %) when α_a + α_c = 1. A start at 4·RT/(nF) (1.8 % back reaction) biased i₀ low by 1–2 %,
    /// outside the confidence interval, on 600-point sweeps with 2 % noise; lower it only for sparse or short curves.
    /// </summary>
    public double MinimumElectrodeOverpotentialThermalVoltages { get; init; } = 6.0;

    /// <summary>Fewest points in a region, ≥ 3. Default 5.</summary>
    public int MinimumPoints { get; init; } = 5;

    /// <summary>
    /// Remove the reverse reaction from the Tafel lines before reading i₀ (default true): log₁₀|i| − log₁₀(1 − e^{−…·|V|})
    /// is fitted, with the exponent from the lines' own slopes (a symmetric cell's single slope, or both branches of one
    /// electrode). Without it, i₀ is biased low by 0.1–0.2 % at the default threshold — about 0.4 standard errors under
    /// 2 % noise, enough to make the intervals cover 92 % instead of 95 %. The fitted points (<see cref="TafelBranchFit.Log10Current"/>)
    /// are then the corrected values.
    /// </summary>
    public bool CorrectBackReaction { get; init; } = true;

    /// <summary>Fewest decades of |i| a region must span, &gt; 0. Default 1.</summary>
    public double MinimumDecades { get; init; } = 1.0;

    /// <summary>The anodic region given by hand (|V| range in V), or null (the default) to select it automatically.</summary>
    public VoltageRange? AnodicRegion { get; init; }

    /// <summary>The cathodic region given by hand (|V| range in V), or null (the default) to select it automatically.</summary>
    public VoltageRange? CathodicRegion { get; init; }

    /// <summary>Confidence level of every interval, in (0, 1). Default 0.95.</summary>
    public double ConfidenceLevel { get; init; } = 0.95;

    /// <summary>
    /// The branches' log₁₀ i₀ are flagged as disagreeing (<see cref="KineticsWarningKind.BranchesDisagree"/>) when they
    /// differ by more than this many combined standard errors √(SE_a² + SE_c²). Default 3.
    /// </summary>
    public double AgreementCoverageFactor { get; init; } = 3.0;

    internal void Validate()
    {
        Preconditions.CheckNonNegative(MinimumElectrodeOverpotentialThermalVoltages, nameof(MinimumElectrodeOverpotentialThermalVoltages));
        if (MinimumPoints < 3)
        {
            throw new ArgumentOutOfRangeException(nameof(MinimumPoints), MinimumPoints, $"MinimumPoints must be at least 3 (a line and its uncertainty) but was {MinimumPoints}.");
        }

        Preconditions.CheckPositive(MinimumDecades, nameof(MinimumDecades));
        Preconditions.CheckOpenUnitInterval(ConfidenceLevel, nameof(ConfidenceLevel));
        Preconditions.CheckPositive(AgreementCoverageFactor, nameof(AgreementCoverageFactor));
        AnodicRegion?.Validate(nameof(AnodicRegion));
        CathodicRegion?.Validate(nameof(CathodicRegion));
    }
}
