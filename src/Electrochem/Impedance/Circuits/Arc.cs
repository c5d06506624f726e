namespace Electrochem.Impedance;

/// <summary>
/// One arc of −Z″ seen in a spectrum: its characteristic frequency in Hz (the apex, where ωτ = 1 for a Zarc), its
/// diameter on the real axis in Ω and its depression exponent α (1 for a semicircle).
/// </summary>
/// <param name="ApexFrequency">Characteristic frequency 1/(2πτ), Hz.</param>
/// <param name="Resistance">Real-axis diameter, Ω.</param>
/// <param name="Exponent">Depression exponent α in [0.5, 1].</param>
internal readonly record struct Arc(double ApexFrequency, double Resistance, double Exponent)
{
    /// <summary>The exponent assumed where the spectrum shows none (an arc not found, a series CPE).</summary>
    public const double DefaultExponent = 0.9;

    /// <summary>
    /// α from an arc's apex height h and diameter R: a Zarc's apex is (R/2)·tan(απ/4) above the axis, so
    /// α = (4/π)·atan(2h/R), clamped to [0.5, 1].
    /// </summary>
    public static double ExponentFromApex(double height, double diameter)
    {
        double exponent = 4 / Math.PI * Math.Atan(2 * height / diameter);
        return double.IsFinite(exponent) ? Math.Clamp(exponent, 0.5, 1) : DefaultExponent;
    }
}
