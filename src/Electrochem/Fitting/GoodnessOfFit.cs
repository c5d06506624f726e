namespace Electrochem.Fitting;

/// <summary>
/// How well a least-squares fit describes its data. With residuals rᵢ = yᵢ − f(xᵢ), weights wᵢ (1 when
/// unweighted), N residuals and P free parameters:
/// SSR = Σ rᵢ², χ² = Σ wᵢ rᵢ², ν = N − P, χ²_ν = χ²/ν, R² = 1 − χ²/Σ wᵢ (yᵢ − ȳ_w)²,
/// AIC = N·ln(χ²/N) + 2K, AICc = AIC + 2K(K+1)/(N−K−1), BIC = N·ln(χ²/N) + K·ln N with K = P + 1
/// (the +1 counts the estimated error variance). Information criteria compare models fitted to the same data
/// with the same weights; only differences between them mean anything.
/// </summary>
/// <param name="ObservationCount">N, the number of real residuals (a complex point counts twice).</param>
/// <param name="FreeParameterCount">P, the number of adjusted parameters.</param>
/// <param name="ResidualSumOfSquares">SSR = Σ rᵢ², unweighted, in squared data units.</param>
/// <param name="ChiSquare">χ² = Σ wᵢ rᵢ², the minimised objective.</param>
/// <param name="RSquared">Weighted coefficient of determination.</param>
/// <param name="Aic">Akaike information criterion.</param>
/// <param name="Aicc">Small-sample corrected AIC (NaN when N ≤ K + 1).</param>
/// <param name="Bic">Bayesian (Schwarz) information criterion.</param>
public sealed record GoodnessOfFit(
    int ObservationCount,
    int FreeParameterCount,
    double ResidualSumOfSquares,
    double ChiSquare,
    double RSquared,
    double Aic,
    double Aicc,
    double Bic)
{
    /// <summary>ν = N − P, the residual degrees of freedom.</summary>
    public int DegreesOfFreedom => ObservationCount - FreeParameterCount;

    /// <summary>χ²_ν = χ²/ν (NaN when ν = 0). Near 1 when absolute weights 1/σᵢ² describe the scatter correctly.</summary>
    public double ReducedChiSquare => DegreesOfFreedom > 0 ? ChiSquare / DegreesOfFreedom : double.NaN;

    /// <summary>Adjusted R² = 1 − (1 − R²)(N − 1)/ν.</summary>
    public double AdjustedRSquared => DegreesOfFreedom > 0 ? 1 - ((1 - RSquared) * (ObservationCount - 1) / DegreesOfFreedom) : double.NaN;

    /// <summary>√χ²_ν, the residual standard error in (weighted) data units.</summary>
    public double ResidualStandardError => Math.Sqrt(ReducedChiSquare);

    internal static GoodnessOfFit Create(int n, int p, double ssr, double chiSquare, double weightedTotalSumOfSquares)
    {
        int k = p + 1;
        double logLikelihoodTerm = n * Math.Log(chiSquare / n);
        double aic = logLikelihoodTerm + (2.0 * k);
        double aicc = n - k - 1 > 0 ? aic + (2.0 * k * (k + 1) / (n - k - 1)) : double.NaN;
        double bic = logLikelihoodTerm + (k * Math.Log(n));
        double rSquared = weightedTotalSumOfSquares > 0 ? 1 - (chiSquare / weightedTotalSumOfSquares) : double.NaN;
        return new GoodnessOfFit(n, p, ssr, chiSquare, rSquared, aic, aicc, bic);
    }
}
