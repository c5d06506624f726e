namespace Electrochem.Diffusion;

/// <summary>
/// The Weppner–Huggins chemical diffusion coefficient from one GITT pulse (J. Electrochem. Soc. 124 (1977) 1569):
/// D = (4/(π·τ))·L²·(ΔE_s/ΔE_t)², with τ the pulse length (s), ΔE_s the change of the relaxed (open-circuit) voltage
/// over the pulse, ΔE_t the voltage change during the pulse without the IR step, and L the diffusion length (m). For a
/// dense film L is its thickness; for an electrode of mass m_B, molar mass M_B, molar volume V_M and area S,
/// L = m_B·V_M/(M_B·S) (the "thickness" the active material would have as a film); for spherical particles of radius
/// r, L = r/3 — the volume-to-surface ratio, which is what the short-time solution depends on; using r itself
/// overstates D nine-fold. Valid only for τ ≪ L²/D (check with <see cref="TimeRatio"/>) and a linear E vs √t during
/// the pulse. Results in m²/s (× 10⁴ for cm²/s).
/// </summary>
public static class WeppnerHuggins
{
    /// <summary>D (m²/s) from the diffusion length, with its standard uncertainty from the inputs': u(D)/D = √[(2u_L/L)² + (u_τ/τ)² + (2u_ΔEs/ΔE_s)² + (2u_ΔEt/ΔE_t)²].</summary>
    /// <param name="pulseSeconds">τ (s) &gt; 0.</param>
    /// <param name="diffusionLengthMetres">L (m) &gt; 0.</param>
    /// <param name="relaxedVoltageChange">ΔE_s (V), same sign as <paramref name="transientVoltageChange"/>.</param>
    /// <param name="transientVoltageChange">ΔE_t (V) without the IR step, non-zero.</param>
    /// <returns>D in m²/s with its standard uncertainty.</returns>
    /// <exception cref="ArgumentException">A value is not finite or positive, or ΔE_s and ΔE_t differ in sign.</exception>
    public static Measurement FromLength(Measurement pulseSeconds, Measurement diffusionLengthMetres, Measurement relaxedVoltageChange, Measurement transientVoltageChange)
    {
        pulseSeconds.CheckPositive(nameof(pulseSeconds));
        diffusionLengthMetres.CheckPositive(nameof(diffusionLengthMetres));
        if (!double.IsFinite(relaxedVoltageChange.Value) || !double.IsFinite(transientVoltageChange.Value) || transientVoltageChange.Value == 0)
        {
            throw new ArgumentException($"ΔE_s = {Preconditions.Format(relaxedVoltageChange.Value)} V and ΔE_t = {Preconditions.Format(transientVoltageChange.Value)} V; expected finite values and a non-zero ΔE_t.", nameof(transientVoltageChange));
        }

        if (relaxedVoltageChange.Value * transientVoltageChange.Value < 0)
        {
            throw new ArgumentException($"ΔE_s = {Preconditions.Format(relaxedVoltageChange.Value)} V and ΔE_t = {Preconditions.Format(transientVoltageChange.Value)} V differ in sign: the relaxed voltage moved against the pulse (a phase transition or an unrelaxed rest), where Weppner–Huggins does not apply.", nameof(relaxedVoltageChange));
        }

        double tau = pulseSeconds.Value, l = diffusionLengthMetres.Value, es = relaxedVoltageChange.Value, et = transientVoltageChange.Value;
        double d = 4 / (Math.PI * tau) * l * l * (es / et) * (es / et);
        double relative = Math.Sqrt(
            Square(2 * diffusionLengthMetres.RelativeUncertainty) + Square(pulseSeconds.RelativeUncertainty)
            + Square(2 * relaxedVoltageChange.RelativeUncertainty) + Square(2 * transientVoltageChange.RelativeUncertainty));
        return new Measurement(d, d * relative);
    }

    /// <summary>The diffusion length of an electrode from its active material: L = m_B·V_M/(M_B·S), in m.</summary>
    /// <param name="massGrams">m_B (g).</param>
    /// <param name="molarMassGramsPerMole">M_B (g/mol).</param>
    /// <param name="molarVolumeCubicCentimetresPerMole">V_M (cm³/mol) = M_B/ρ.</param>
    /// <param name="areaSquareCentimetres">S (cm²), the electrode–electrolyte area.</param>
    /// <returns>L in m, with its uncertainty.</returns>
    public static Measurement LengthFromMolarVolume(Measurement massGrams, Measurement molarMassGramsPerMole, Measurement molarVolumeCubicCentimetresPerMole, Measurement areaSquareCentimetres)
    {
        massGrams.CheckPositive(nameof(massGrams));
        molarMassGramsPerMole.CheckPositive(nameof(molarMassGramsPerMole));
        molarVolumeCubicCentimetresPerMole.CheckPositive(nameof(molarVolumeCubicCentimetresPerMole));
        areaSquareCentimetres.CheckPositive(nameof(areaSquareCentimetres));
        double centimetres = massGrams.Value * molarVolumeCubicCentimetresPerMole.Value / (molarMassGramsPerMole.Value * areaSquareCentimetres.Value);
        double relative = Math.Sqrt(Square(massGrams.RelativeUncertainty) + Square(molarMassGramsPerMole.RelativeUncertainty) + Square(molarVolumeCubicCentimetresPerMole.RelativeUncertainty) + Square(areaSquareCentimetres.RelativeUncertainty));
        return new Measurement(centimetres / 100, centimetres / 100 * relative);
    }

    /// <summary>The diffusion length of spherical particles of radius r: L = r/3 (their volume-to-surface ratio), in m.</summary>
    /// <param name="radiusMetres">r (m).</param>
    /// <returns>L in m.</returns>
    public static Measurement LengthFromSphereRadius(Measurement radiusMetres)
    {
        radiusMetres.CheckPositive(nameof(radiusMetres));
        return new Measurement(radiusMetres.Value / 3, radiusMetres.StandardUncertainty / 3);
    }

    /// <summary>
    /// D (m²/s) from the √t form: D = (4/π)·L²·[(dE_s/dt)/(dE/d√t)]², with dE_s/dt the change of the relaxed
    /// voltage per second of current (ΔE_s/τ, as ampworks uses it) and dE/d√t the slope of E against √t during the
    /// pulse. For a linear E(√t) over the whole pulse it equals <see cref="FromLength"/>.
    /// </summary>
    /// <param name="diffusionLengthMetres">L (m).</param>
    /// <param name="relaxedSlopeVoltsPerSecond">dE_s/dt (V/s).</param>
    /// <param name="transientSlopeVoltsPerRootSecond">dE/d√t (V/s^½), same sign.</param>
    /// <returns>D with its uncertainty.</returns>
    public static Measurement FromSquareRootSlope(Measurement diffusionLengthMetres, Measurement relaxedSlopeVoltsPerSecond, Measurement transientSlopeVoltsPerRootSecond)
    {
        diffusionLengthMetres.CheckPositive(nameof(diffusionLengthMetres));
        double a = relaxedSlopeVoltsPerSecond.Value, b = transientSlopeVoltsPerRootSecond.Value;
        if (!double.IsFinite(a) || !double.IsFinite(b) || b == 0 || a * b < 0)
        {
            throw new ArgumentException($"dE_s/dt = {Preconditions.Format(a)} V/s and dE/d√t = {Preconditions.Format(b)} V/s^½; expected finite slopes of the same sign, dE/d√t non-zero.", nameof(transientSlopeVoltsPerRootSecond));
        }

        double l = diffusionLengthMetres.Value;
        double d = 4 / Math.PI * l * l * (a / b) * (a / b);
        double relative = Math.Sqrt(Square(2 * diffusionLengthMetres.RelativeUncertainty) + Square(2 * relaxedSlopeVoltsPerSecond.RelativeUncertainty) + Square(2 * transientSlopeVoltsPerRootSecond.RelativeUncertainty));
        return new Measurement(d, d * relative);
    }

    /// <summary>τ·D/L²: Weppner–Huggins needs it ≪ 1 (its short-time solution underestimates D more the larger it is).</summary>
    /// <param name="pulseSeconds">τ (s).</param>
    /// <param name="diffusionCoefficient">D (m²/s).</param>
    /// <param name="diffusionLengthMetres">L (m).</param>
    /// <returns>The ratio.</returns>
    public static double TimeRatio(double pulseSeconds, double diffusionCoefficient, double diffusionLengthMetres) =>
        pulseSeconds * diffusionCoefficient / (diffusionLengthMetres * diffusionLengthMetres);

    /// <summary>
    /// The bias of Weppner–Huggins in a film, in closed form: the ratio D_WH/D a constant-flux pulse of length τ gives
    /// when the open-circuit curve is linear and there is no ohmic drop, 1/(1 + 2√π·Σₙ ierfc(n/√θ))² with θ = τD/L²
    /// (the method of images for the blocking back face; ierfc(z) = e^(−z²)/√π − z·erfc z). It is 1.000 for θ ≤ 0.1,
    /// 0.998 at 0.2, 0.920 at 0.5 and 0.716 at 1: the back face is felt before the pulse ends.
    /// </summary>
    /// <param name="timeRatio">θ = τD/L², in (0, 100].</param>
    /// <returns>D_WH/D.</returns>
    /// <exception cref="ArgumentOutOfRangeException">θ is not in (0, 100].</exception>
    public static double PlanarFilmRatio(double timeRatio)
    {
        if (!(timeRatio > 0 && timeRatio <= 100))
        {
            throw new ArgumentOutOfRangeException(nameof(timeRatio), timeRatio, $"τD/L² must lie in (0, 100] but was {Preconditions.Format(timeRatio)}.");
        }

        double sum = 0;
        double root = Math.Sqrt(timeRatio);
        for (int n = 1; n < 10_000; n++)
        {
            double z = n / root;
            double term = (Math.Exp(-z * z) / Math.Sqrt(Math.PI)) - (z * MathNet.Numerics.SpecialFunctions.Erfc(z));
            sum += term;
            if (term < 1e-18)
            {
                break;
            }
        }

        return 1 / Square(1 + (2 * Math.Sqrt(Math.PI) * sum));
    }

    /// <summary>
    /// The bias of Weppner–Huggins in spherical particles with L = r/3, in closed form: the ratio D_WH/D a
    /// constant-flux pulse gives (linear open-circuit curve, no ohmic drop), from the surface concentration of a sphere
    /// under constant flux (Crank, The Mathematics of Diffusion, eq. 6.60): Δc_s = (j·r/D)·[3s + 1/5 − 2·Σ e^(−αₙ²s)/αₙ²],
    /// s = τD/r², αₙ the positive roots of tan α = α. Unlike a film, a sphere is biased even for short pulses, by
    /// curvature: ≈ (1 + √(πs)/2)⁻², 0.98 at θ = τD/L² = 0.001, 0.94 at 0.01, 0.82 at 0.1, 0.52 at 1.
    /// </summary>
    /// <param name="timeRatio">θ = τD/L² with L = r/3, in (0, 100] (below 10⁻⁴ the short-time limit is returned).</param>
    /// <returns>D_WH/D.</returns>
    /// <exception cref="ArgumentOutOfRangeException">θ is not in (0, 100].</exception>
    public static double SphereRatio(double timeRatio)
    {
        if (!(timeRatio > 0 && timeRatio <= 100))
        {
            throw new ArgumentOutOfRangeException(nameof(timeRatio), timeRatio, $"τD/L² must lie in (0, 100] but was {Preconditions.Format(timeRatio)}.");
        }

        double s = timeRatio / 9;
        if (timeRatio < 1e-4)
        {
            return 1 / Square(1 + (Math.Sqrt(Math.PI * s) / 2)); // the short-time limit, within 1e-5 here
        }

        double sum = 0;
        for (int n = 1; n < 100_000; n++)
        {
            double alpha = TanRoot(n);
            double term = Math.Exp(-alpha * alpha * s) / (alpha * alpha);
            sum += term;
            if (term < 1e-18 * Math.Max(sum, 1e-300))
            {
                break;
            }
        }

        double surface = (3 * s) + 0.2 - (2 * sum); // Δc_s·D/(j·r)
        return 4 * s / (Math.PI * surface * surface); // D_WH/D = 4j²τ/(π·Δc_s²·D)
    }

    /// <summary>The expected D_WH/D for a geometry: <see cref="PlanarFilmRatio"/> or <see cref="SphereRatio"/>.</summary>
    /// <param name="geometry">Film or spheres (L = r/3).</param>
    /// <param name="timeRatio">θ = τD/L².</param>
    /// <returns>D_WH/D.</returns>
    public static double ExpectedRatio(DiffusionGeometry geometry, double timeRatio) =>
        geometry == DiffusionGeometry.Spherical ? SphereRatio(timeRatio) : PlanarFilmRatio(timeRatio);

    /// <summary>
    /// The D whose Weppner–Huggins estimate would be the one measured: solves D·r(τD/L²) = D_WH for D, r the expected
    /// ratio of the geometry (bisection in log D). Exact for constant D and a linear open-circuit curve over the pulse;
    /// null when no D gives that estimate (D_WH beyond what pulses of this length can show) or θ leaves the ratio's range.
    /// </summary>
    /// <param name="geometry">Film or spheres (L = r/3).</param>
    /// <param name="weppnerHuggins">D_WH (m²/s).</param>
    /// <param name="pulseSeconds">τ (s).</param>
    /// <param name="diffusionLengthMetres">L (m).</param>
    /// <returns>The corrected D (m²/s), or null.</returns>
    public static double? CorrectBias(DiffusionGeometry geometry, double weppnerHuggins, double pulseSeconds, double diffusionLengthMetres)
    {
        Preconditions.CheckPositive(weppnerHuggins);
        Preconditions.CheckPositive(pulseSeconds);
        Preconditions.CheckPositive(diffusionLengthMetres);
        double scale = diffusionLengthMetres * diffusionLengthMetres / pulseSeconds; // D at θ = 1
        const double minimum = 1e-8, maximum = 100;
        double Excess(double d) => (d * ExpectedRatio(geometry, Math.Clamp(d / scale, minimum, maximum))) - weppnerHuggins;
        double lo = Math.Log(Math.Max(weppnerHuggins, minimum * scale)) - 1e-9, hi = Math.Log(maximum * scale); // below: ratio ≤ 1, rounding aside
        if (!(lo < hi) || Excess(Math.Exp(lo)) > 0 || Excess(Math.Exp(hi)) < 0)
        {
            return null;
        }

        for (int k = 0; k < 200 && hi - lo > 1e-12; k++)
        {
            double mid = (lo + hi) / 2;
            if (Excess(Math.Exp(mid)) < 0)
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }

        return Math.Exp((lo + hi) / 2);
    }

    /// <summary>The n-th positive root of tan α = α, in (nπ, (n + ½)π), by Newton's method on α·cos α − sin α.</summary>
    private static double TanRoot(int n)
    {
        double a = (n + 0.5) * Math.PI;
        double alpha = a - (1 / a) - (2 / (3 * a * a * a)); // the asymptotic series, then polish
        for (int k = 0; k < 20; k++)
        {
            double f = (alpha * Math.Cos(alpha)) - Math.Sin(alpha);
            double step = f / (-alpha * Math.Sin(alpha));
            alpha -= step;
            if (Math.Abs(step) < 1e-15 * alpha)
            {
                break;
            }
        }

        return alpha;
    }

    private static double Square(double x) => x * x;
}
