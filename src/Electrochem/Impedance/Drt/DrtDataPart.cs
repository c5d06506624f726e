namespace Electrochem.Impedance.Drt;

/// <summary>Which part of the spectrum the DRT is fitted to.</summary>
public enum DrtDataPart
{
    /// <summary>Z′ and Z″ together (the default): R_∞ and L₀ can both be fitted.</summary>
    Combined,

    /// <summary>Z′ only: R_∞ can be fitted, L₀ cannot (it has no real part) and is left out. Z″ is then predicted, a Kramers–Kronig-style check.</summary>
    Real,

    /// <summary>Z″ only: L₀ can be fitted, R_∞ cannot (it has no imaginary part) and is left out. Z′ is then predicted up to R_∞.</summary>
    Imaginary,
}
