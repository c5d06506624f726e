namespace Electrochem.Cycling;

/// <summary>
/// How <see cref="SymmetricCycling.Analyse"/> measures the half-cycles of a Li‖Li (symmetric) cell and what it calls a
/// short. Every criterion is stated here and can be switched off; none is tuned to a file. Voltages in V, currents in
/// A, areas in m².
/// </summary>
public sealed record SymmetricCyclingOptions
{
    /// <summary>The defaults described on each property.</summary>
    public static SymmetricCyclingOptions Default { get; } = new();

    /// <summary>The electrode area (m²) for current densities and areal capacities; null: none. Never defaulted.</summary>
    public double? AreaSquareMetres { get; init; }

    /// <summary>|I| at or below this is rest (A); null: 5 % of the typical current.</summary>
    public double? RestCurrentAmperes { get; init; }

    /// <summary>The plateau is the mean |V| between these fractions of each half-cycle's duration (default 0.25 to 0.75).</summary>
    public double PlateauStartFraction { get; init; } = 0.25;

    /// <summary>End of the plateau window, as a fraction of the half-cycle's duration (default 0.75).</summary>
    public double PlateauEndFraction { get; init; } = 0.75;

    /// <summary>How many preceding half-cycles a half-cycle is compared with (their median; 1 to 1000, default 10). A short is only called after this many.</summary>
    public int HistoryLength { get; init; } = 10;

    /// <summary><see cref="ShortCriteria.Collapse"/> when the plateau falls below this fraction of the preceding median (default 0.5); 0 switches the criterion off.</summary>
    public double CollapseFraction { get; init; } = 0.5;

    /// <summary><see cref="ShortCriteria.Noise"/> when the scatter exceeds this multiple of the preceding median (default 5); 0 switches it off.</summary>
    public double NoiseFactor { get; init; } = 5;

    /// <summary>Scatter below this (V) never counts as noise (default 1 mV, about a cycler's resolution times ten).</summary>
    public double NoiseFloorVolts { get; init; } = 1e-3;

    /// <summary><see cref="ShortCriteria.ShapeLoss"/> when fewer than this fraction of a half-cycle's samples have the current's sign (default 0.9); 0 switches it off.</summary>
    public double PolarityFraction { get; init; } = 0.9;

    /// <summary>Checks the options.</summary>
    /// <exception cref="ArgumentException">A value is out of range; the message names it.</exception>
    public void Validate()
    {
        if (AreaSquareMetres is { } a)
        {
            Preconditions.CheckPositive(a, nameof(AreaSquareMetres));
        }

        if (RestCurrentAmperes is { } r)
        {
            Preconditions.CheckNonNegative(r, nameof(RestCurrentAmperes));
        }

        if (!(PlateauStartFraction >= 0 && PlateauEndFraction <= 1 && PlateauEndFraction > PlateauStartFraction))
        {
            throw new ArgumentOutOfRangeException(nameof(PlateauStartFraction), PlateauStartFraction, "The plateau window must satisfy 0 ≤ start < end ≤ 1.");
        }

        if (HistoryLength < 1 || HistoryLength > 1000)
        {
            throw new ArgumentOutOfRangeException(nameof(HistoryLength), HistoryLength, "The history is 1 to 1000 preceding half-cycles.");
        }

        if (!(CollapseFraction >= 0 && CollapseFraction < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(CollapseFraction), CollapseFraction, "The collapse fraction lies in [0, 1) (0: off).");
        }

        Preconditions.CheckNonNegative(NoiseFactor, nameof(NoiseFactor));
        Preconditions.CheckNonNegative(NoiseFloorVolts, nameof(NoiseFloorVolts));
        if (!(PolarityFraction >= 0 && PolarityFraction <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(PolarityFraction), PolarityFraction, "The polarity fraction lies in [0, 1] (0: off).");
        }
    }
}
