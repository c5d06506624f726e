namespace Electrochem.Impedance;

/// <summary>
/// A circle fitted to the points of one arc in the (Z′, −Z″) plane by Kåsa's algebraic least squares: minimise
/// Σ (x² + y² + D·x + E·y + F)² over D, E, F (linear), centre (−D/2, −E/2), radius² = (D² + E²)/4 − F. An R‖CPE arc
/// (a Zarc) is exactly such a circle with its centre depressed below the real axis by the angle (1 − α)π/2, so the
/// circle gives the arc's two real-axis intercepts (x_c ∓ c, c = √(r² − y_c²)) even when the spectrum stops before
/// one of them, and its exponent α = 1 − (2/π)·atan(−y_c/c).
/// </summary>
/// <param name="Left">The left (high-frequency) real-axis intercept, Ω.</param>
/// <param name="Right">The right (low-frequency) real-axis intercept, Ω.</param>
/// <param name="Exponent">α = 1 − (2/π)·atan(−y_c/c), not yet clamped (above 1 when the centre lies above the axis).</param>
internal readonly record struct ArcCircle(double Left, double Right, double Exponent)
{
    /// <summary>
    /// The circle through the points (re, height) — at least four — or false when they do not define one that crosses
    /// the real axis (collinear points, a singular system, a centre farther from the axis than the radius).
    /// </summary>
    public static bool TryFit(ReadOnlySpan<double> re, ReadOnlySpan<double> height, out ArcCircle circle)
    {
        circle = default;
        int m = re.Length;
        if (m < 4)
        {
            return false;
        }

        // Centred and scaled coordinates keep the 3×3 normal equations well conditioned whatever the unit of Z.
        double meanX = 0, meanY = 0;
        for (int i = 0; i < m; i++)
        {
            meanX += re[i];
            meanY += height[i];
        }

        meanX /= m;
        meanY /= m;
        double scale = 0;
        for (int i = 0; i < m; i++)
        {
            scale = Math.Max(scale, Math.Max(Math.Abs(re[i] - meanX), Math.Abs(height[i] - meanY)));
        }

        if (!(scale > 0) || !double.IsFinite(scale))
        {
            return false;
        }

        // Normal equations of [x y 1]·[D E F]ᵀ = −(x² + y²).
        double sxx = 0, sxy = 0, sx = 0, syy = 0, sy = 0, bx = 0, by = 0, b1 = 0;
        for (int i = 0; i < m; i++)
        {
            double x = (re[i] - meanX) / scale;
            double y = (height[i] - meanY) / scale;
            double r2 = -((x * x) + (y * y));
            sxx += x * x;
            sxy += x * y;
            sx += x;
            syy += y * y;
            sy += y;
            bx += x * r2;
            by += y * r2;
            b1 += r2;
        }

        double det = Determinant(sxx, sxy, sx, sxy, syy, sy, sx, sy, m);
        if (!(Math.Abs(det) > 1e-12 * m * m * m))
        {
            return false;
        }

        double d = Determinant(bx, sxy, sx, by, syy, sy, b1, sy, m) / det;
        double e = Determinant(sxx, bx, sx, sxy, by, sy, sx, b1, m) / det;
        double f = Determinant(sxx, sxy, bx, sxy, syy, by, sx, sy, b1) / det;
        double centreX = meanX - (scale * d / 2);
        double centreY = meanY - (scale * e / 2);
        double radius2 = scale * scale * (((d * d) + (e * e)) / 4 - f);
        double halfChord2 = radius2 - (centreY * centreY);
        if (!(halfChord2 > 0) || !double.IsFinite(halfChord2))
        {
            return false;
        }

        double halfChord = Math.Sqrt(halfChord2);
        circle = new ArcCircle(centreX - halfChord, centreX + halfChord, 1 - (2 / Math.PI * Math.Atan(-centreY / halfChord)));
        return true;
    }

    private static double Determinant(double a, double b, double c, double d, double e, double f, double g, double h, double i) =>
        (a * ((e * i) - (f * h))) - (b * ((d * i) - (f * g))) + (c * ((d * h) - (e * g)));
}
