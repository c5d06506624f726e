namespace Electrochem.Impedance;

/// <summary>
/// Whether a spectrum passes the Lin-KK test, and why. It fails when the largest relative residual exceeds the limit —
/// the stated <see cref="LinearKramersKronigOptions.ResidualLimit"/> or five times the noise level (the larger RMS of the
/// real and imaginary residuals), whichever is larger — or when the residuals of the part not fitted
/// (Z″ for a real-part test, Z′ for an imaginary-part test, both for a complex test) show a trend: a Wald–Wolfowitz runs
/// test on their signs in frequency order rejects randomness (z &lt; −3.5, one-sided p ≈ 0.0002) while their RMS exceeds
/// <see cref="LinearKramersKronigOptions.NegligibleResidual"/> (structure below that is immaterial).
/// </summary>
/// <param name="Passed">True when the spectrum is consistent with a linear, causal, stable system within the limits.</param>
/// <param name="Reason">Why, in one sentence with the numbers.</param>
/// <param name="NoiseEstimate">RMS of all relative residuals, √(pseudo-χ²/(2N)): the noise level the fit leaves (dimensionless, of |Z|).</param>
/// <param name="TrendScore">The runs test's z score for the residuals that carry the Kramers–Kronig check (≈ 0 for random residuals, strongly negative for a trend).</param>
public sealed record KramersKronigVerdict(bool Passed, string Reason, double NoiseEstimate, double TrendScore);
