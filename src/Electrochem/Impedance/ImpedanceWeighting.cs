namespace Electrochem.Impedance;

/// <summary>
/// How the residuals of a complex impedance fit are weighted, each named by what it does. With residuals
/// r′ = Z′ − Ẑ′ and r″ = Z″ − Ẑ″, the fit minimises Σ (w′·r′² + w″·r″²).
/// </summary>
public enum ImpedanceWeighting
{
    /// <summary>w′ = w″ = 1: absolute residuals in Ω. The large-|Z| (low-frequency) end dominates.</summary>
    Unit,

    /// <summary>
    /// w′ = w″ = 1/|Z|²: each residual relative to the modulus at that frequency (impedance.py's
    /// <c>weight_by_modulus</c>). Every decade counts alike; the usual choice for spectra spanning orders of magnitude.
    /// </summary>
    Modulus,

    /// <summary>
    /// w′ = 1/Z′², w″ = 1/Z″²: real and imaginary residuals each relative to their own part (ZView's "proportional"
    /// weighting). Points where Z″ is near zero (the high-frequency intercept) get enormous weight; avoid it when the
    /// spectrum crosses the real axis.
    /// </summary>
    Proportional,

    /// <summary>w′ = 1/σ′², w″ = 1/σ″² from standard deviations the caller gives per point (e.g. from repeated sweeps).</summary>
    StandardDeviation,
}
