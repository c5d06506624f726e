namespace Electrochem.Cycling;

/// <summary>Which short-circuit signatures a symmetric-cell half-cycle shows (several may).</summary>
[Flags]
public enum ShortCriteria
{
    /// <summary>None.</summary>
    None = 0,

    /// <summary>The plateau overpotential collapsed below <see cref="SymmetricCyclingOptions.CollapseFraction"/> of the median of the preceding half-cycles: the current found an ohmic path.</summary>
    Collapse = 1 << 0,

    /// <summary>The voltage's scatter about its trend exceeds <see cref="SymmetricCyclingOptions.NoiseFactor"/> times the preceding half-cycles' (and the noise floor): a soft short's flicker.</summary>
    Noise = 1 << 1,

    /// <summary>The voltage follows the current's polarity on fewer than <see cref="SymmetricCyclingOptions.PolarityFraction"/> of the samples: the square wave is lost.</summary>
    ShapeLoss = 1 << 2,
}
