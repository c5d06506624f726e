namespace Electrochem.Transport;

/// <summary>
/// Ionic conductivity of an electrolyte film between blocking electrodes from its bulk resistance:
/// σ = L/(R_b·A). Unit-transparent: with L in cm, A in cm² and R_b in Ω, σ is in S/cm; with m and m², S/m.
/// </summary>
public static class IonicConductivity
{
    /// <summary>σ = L/(R_b·A), exact inputs.</summary>
    /// <param name="thickness">Electrolyte thickness L (e.g. cm), &gt; 0.</param>
    /// <param name="area">Electrode area A (e.g. cm²), &gt; 0.</param>
    /// <param name="bulkResistance">Bulk resistance R_b in Ω (the high-frequency intercept of the spectrum), &gt; 0.</param>
    /// <returns>σ in S per length unit of <paramref name="thickness"/> (S/cm for cm and cm²).</returns>
    /// <exception cref="ArgumentOutOfRangeException">An input is zero, negative, NaN or infinite.</exception>
    /// <example><c>IonicConductivity.FromBulkResistance(0.0100, Math.PI * 0.7 * 0.7, 10.0)</c> = 6.4961e-4 S/cm.</example>
    public static double FromBulkResistance(double thickness, double area, double bulkResistance)
    {
        Preconditions.CheckPositive(thickness);
        Preconditions.CheckPositive(area);
        Preconditions.CheckPositive(bulkResistance);
        return new Measurement(thickness / (bulkResistance * area), 0).CheckedResult("σ = L/(R_b·A)").Value;
    }

    /// <summary>
    /// σ = L/(R_b·A) with first-order propagation of independent standard uncertainties:
    /// (u_σ/σ)² = (u_L/L)² + (u_A/A)² + (u_R/R_b)².
    /// </summary>
    /// <param name="thickness">L with its standard uncertainty.</param>
    /// <param name="area">A with its standard uncertainty.</param>
    /// <param name="bulkResistance">R_b with its standard uncertainty (e.g. the standard error of an impedance fit).</param>
    /// <returns>σ with its standard uncertainty.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A value is not positive and finite, or an uncertainty is negative or not finite.</exception>
    public static Measurement FromBulkResistance(Measurement thickness, Measurement area, Measurement bulkResistance)
    {
        thickness.CheckPositive(nameof(thickness));
        area.CheckPositive(nameof(area));
        bulkResistance.CheckPositive(nameof(bulkResistance));
        double sigma = thickness.Value / (bulkResistance.Value * area.Value);
        double relative = Math.Sqrt(
            (thickness.RelativeUncertainty * thickness.RelativeUncertainty)
            + (area.RelativeUncertainty * area.RelativeUncertainty)
            + (bulkResistance.RelativeUncertainty * bulkResistance.RelativeUncertainty));
        return new Measurement(sigma, sigma * relative).CheckedResult("σ = L/(R_b·A)");
    }
}
