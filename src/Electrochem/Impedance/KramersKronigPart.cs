namespace Electrochem.Impedance;

/// <summary>Which part of the spectrum the Lin-KK model is fitted to (Schönleber et al. 2014).</summary>
public enum KramersKronigPart
{
    /// <summary>Fit Z′ (R₀ and the Rₖ); the series inductance (and capacitance) then follow from the Z″ residual. The usual choice.</summary>
    Real,

    /// <summary>Fit Z″ (the Rₖ, L, C); R₀ then follows from the Z′ residual with Boukamp's 1/|Z|² weighting.</summary>
    Imaginary,

    /// <summary>Fit Z′ and Z″ together.</summary>
    Complex,
}
