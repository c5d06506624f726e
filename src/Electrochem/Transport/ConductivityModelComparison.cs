using Electrochem.Fitting;

namespace Electrochem.Transport;

/// <summary>
/// Arrhenius (σ form) and VTF fitted to the same ln σ data with the same weights, compared by AICc: the model with
/// the lower AICc is preferred; Akaike weights wₖ = exp(−Δₖ/2)/Σ exp(−Δⱼ/2) give the relative support. A difference
/// below about 2 does not distinguish the models. Polymer electrolytes above T_g often curve (VTF); below, or over
/// a narrow range, Arrhenius usually suffices.
/// </summary>
/// <param name="Arrhenius">The Arrhenius (σ form) fit.</param>
/// <param name="Vtf">The VTF fit.</param>
/// <param name="PreferredModel">"Arrhenius" or "VTF", whichever has the lower AICc.</param>
/// <param name="DeltaAicc">AICc(VTF) − AICc(Arrhenius): positive favours Arrhenius.</param>
/// <param name="ArrheniusAkaikeWeight">Akaike weight of Arrhenius, 0…1.</param>
/// <param name="VtfAkaikeWeight">Akaike weight of VTF, 0…1.</param>
public sealed record ConductivityModelComparison(
    FitResult<Arrhenius> Arrhenius,
    FitResult<VogelTammannFulcher> Vtf,
    string PreferredModel,
    double DeltaAicc,
    double ArrheniusAkaikeWeight,
    double VtfAkaikeWeight)
{
    /// <summary>Fits both models and compares them.</summary>
    /// <param name="temperatureKelvin">T in K; AICc of VTF needs at least 6 points.</param>
    /// <param name="conductivity">σ, each &gt; 0.</param>
    /// <param name="conductivityStandardUncertainty">Standard uncertainties of σ, or empty.</param>
    /// <param name="confidenceLevel">Level of both fits' confidence intervals, in (0, 1); AICc does not depend on it.</param>
    /// <param name="cancellationToken">Passed to the VTF fit.</param>
    /// <returns>Both fits and the comparison.</returns>
    /// <exception cref="ArgumentException">Fewer than 6 points, or the inputs fail either fit's checks.</exception>
    public static ConductivityModelComparison Compare(
        ReadOnlySpan<double> temperatureKelvin,
        ReadOnlySpan<double> conductivity,
        ReadOnlySpan<double> conductivityStandardUncertainty = default,
        double confidenceLevel = 0.95,
        CancellationToken cancellationToken = default)
    {
        Preconditions.CheckOpenUnitInterval(confidenceLevel);
        Preconditions.CheckMinimumCount(temperatureKelvin.Length, 6, nameof(temperatureKelvin),
            "AICc of the 3-parameter VTF model (4 with the error variance) needs N − K − 1 > 0");
        FitResult<Arrhenius> arrhenius = Transport.Arrhenius.Fit(temperatureKelvin, conductivity, ArrheniusForm.Conductivity, conductivityStandardUncertainty, new LinearFitOptions(confidenceLevel));
        FitResult<VogelTammannFulcher> vtf = VogelTammannFulcher.Fit(temperatureKelvin, conductivity, conductivityStandardUncertainty, NonlinearFitOptions.Default with { ConfidenceLevel = confidenceLevel }, cancellationToken);
        double a = arrhenius.Statistics.Aicc;
        double v = vtf.Statistics.Aicc;
        double best = Math.Min(a, v);
        double wa = Math.Exp(-(a - best) / 2);
        double wv = Math.Exp(-(v - best) / 2);
        return new ConductivityModelComparison(arrhenius, vtf, v < a ? "VTF" : "Arrhenius", v - a, wa / (wa + wv), wv / (wa + wv));
    }
}
