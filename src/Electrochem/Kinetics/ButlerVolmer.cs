using System.Collections.Immutable;
using System.Numerics.Tensors;
using Electrochem.Fitting;

namespace Electrochem.Kinetics;

/// <summary>
/// Butler–Volmer kinetics of one electrode:
/// i(η) = i₀·[exp(α_a·n·F·η/(R·T)) − exp(−α_c·n·F·η/(R·T))], with η in V (anodic positive: η &gt; 0 gives i &gt; 0),
/// T in K, n electrons, and i in the unit of i₀ (A/cm² in → A/cm² out). With finite limiting current densities
/// i_lim,a and i_lim,c (magnitudes) the mass-transport-limited form is used:
/// i = i₀·[e^{a} − e^{−c}] / (1 + i₀·e^{a}/i_lim,a + i₀·e^{−c}/i_lim,c), a = α_a·n·F·η/(RT), c = α_c·n·F·η/(RT),
/// which tends to +i_lim,a for η → +∞ and to −i_lim,c for η → −∞.
/// </summary>
/// <param name="ExchangeCurrentDensity">i₀ &gt; 0, in the unit of the current density (e.g. A/cm²).</param>
/// <param name="AnodicTransferCoefficient">α_a &gt; 0 (dimensionless).</param>
/// <param name="CathodicTransferCoefficient">α_c &gt; 0 (dimensionless).</param>
/// <param name="ElectronCount">n ≥ 1, electrons transferred (1 for Li⁺ + e⁻ ⇌ Li).</param>
/// <param name="TemperatureKelvin">T in K.</param>
/// <example><code>var bv = new ButlerVolmer(1e-3, 0.5, 0.5, 1, 298.15);
/// double i = bv.Evaluate(0.1);          // 6.858408e-3 A/cm²
/// double eta = bv.Overpotential(i);     // 0.1 V</code></example>
public sealed record ButlerVolmer(
    double ExchangeCurrentDensity,
    double AnodicTransferCoefficient,
    double CathodicTransferCoefficient,
    int ElectronCount,
    double TemperatureKelvin)
{
    /// <summary>Name of ln i₀ in a fit's results (i₀ is fitted in log space; unit: ln of the current-density unit).</summary>
    public const string LnExchangeCurrentDensityName = "LnExchangeCurrentDensity";

    /// <summary>Name of α_a in a fit's results.</summary>
    public const string AnodicTransferCoefficientName = "AnodicTransferCoefficient";

    /// <summary>Name of α_c in a fit's results.</summary>
    public const string CathodicTransferCoefficientName = "CathodicTransferCoefficient";

    /// <summary>Name of ln i_lim,a in a fit's results (only when limiting currents are fitted).</summary>
    public const string LnAnodicLimitingCurrentDensityName = "LnAnodicLimitingCurrentDensity";

    /// <summary>Name of ln i_lim,c in a fit's results (only when limiting currents are fitted).</summary>
    public const string LnCathodicLimitingCurrentDensityName = "LnCathodicLimitingCurrentDensity";

    private const int BlockSize = 512;

    /// <summary>Largest exponent used in the mass-transport-limited form (e^700 ≈ 10³⁰⁴), so that it never forms ∞/∞.</summary>
    private const double ExponentClamp = 700;

    /// <summary>Anodic limiting current density i_lim,a &gt; 0 (a magnitude, unit of i₀); +∞ (the default) for none.</summary>
    public double AnodicLimitingCurrentDensity { get; init; } = double.PositiveInfinity;

    /// <summary>Cathodic limiting current density |i_lim,c| &gt; 0 (a magnitude, unit of i₀); +∞ (the default) for none.</summary>
    public double CathodicLimitingCurrentDensity { get; init; } = double.PositiveInfinity;

    /// <summary>True when either limiting current density is finite, so the mass-transport-limited form applies.</summary>
    public bool IsMassTransportLimited => double.IsFinite(AnodicLimitingCurrentDensity) || double.IsFinite(CathodicLimitingCurrentDensity);

    /// <summary>f = n·F/(R·T) in V⁻¹ (38.92 V⁻¹ for n = 1 at 298.15 K).</summary>
    public double ReciprocalThermalVoltage => KineticsData.ReciprocalThermalVoltage(ElectronCount, TemperatureKelvin);

    /// <summary>
    /// Area-specific charge-transfer resistance of this electrode, the inverse low-field slope
    /// R_ct·A = (di/dη at η = 0)⁻¹ = R·T/(n·F·i₀·(α_a + α_c)), in V per current-density unit (Ω·cm² for A/cm²).
    /// </summary>
    public double AreaSpecificChargeTransferResistance
    {
        get
        {
            Validate();
            return 1 / (ExchangeCurrentDensity * (AnodicTransferCoefficient + CathodicTransferCoefficient) * ReciprocalThermalVoltage);
        }
    }

    /// <summary>Current density at one overpotential.</summary>
    /// <param name="overpotential">η in V (anodic positive).</param>
    /// <returns>i in the unit of i₀ (positive for anodic).</returns>
    /// <exception cref="ArgumentOutOfRangeException">η is NaN or infinite, or a parameter of the model is out of range.</exception>
    public double Evaluate(double overpotential)
    {
        Validate();
        Preconditions.CheckFinite(overpotential);
        double f = ReciprocalThermalVoltage;
        double a = AnodicTransferCoefficient * f * overpotential;
        double c = CathodicTransferCoefficient * f * overpotential;
        if (!IsMassTransportLimited)
        {
            return ExchangeCurrentDensity * (Math.Exp(a) - Math.Exp(-c));
        }

        return LimitedCurrentDensity(a, c);
    }

    /// <summary>
    /// i = i₀·(e^a − e^−c)/(1 + i₀·e^a/i_lim,a + i₀·e^−c/i_lim,c) in an overflow-free form: numerator and denominator
    /// divided by i₀·e^m with m = max(a, −c) ≥ 0, so every exponent is ≤ 0 and i tends to ±i_lim at any |η|.
    /// </summary>
    private double LimitedCurrentDensity(double a, double c)
    {
        double m = Math.Max(a, -c);
        double ea = Math.Exp(a - m);
        double ec = Math.Exp(-c - m);
        return (ea - ec) / ((Math.Exp(-m) / ExchangeCurrentDensity) + (ea / AnodicLimitingCurrentDensity) + (ec / CathodicLimitingCurrentDensity));
    }

    /// <summary>
    /// Current density at every overpotential, vectorised with <see cref="TensorPrimitives"/> in blocks of 512; the
    /// destination may be the input itself but must not partially overlap it.
    /// </summary>
    /// <param name="overpotential">η in V.</param>
    /// <param name="currentDensity">Destination, at least as long as <paramref name="overpotential"/>; unit of i₀.</param>
    /// <exception cref="ArgumentException">The destination is too short or partially overlaps, an η is not finite, or a parameter is out of range.</exception>
    public void Evaluate(ReadOnlySpan<double> overpotential, Span<double> currentDensity)
    {
        Validate();
        Preconditions.CheckDestination(overpotential.Length, currentDensity.Length, nameof(currentDensity));
        Preconditions.CheckNoOverlap(overpotential, currentDensity, nameof(overpotential), nameof(currentDensity));
        Preconditions.CheckAllFinite(overpotential, nameof(overpotential));
        double f = ReciprocalThermalVoltage;
        double anodicFactor = AnodicTransferCoefficient * f;
        double cathodicFactor = -CathodicTransferCoefficient * f;
        double i0 = ExchangeCurrentDensity;
        bool limited = IsMassTransportLimited;
        Span<double> cathodic = stackalloc double[BlockSize];
        Span<double> denominator = limited ? stackalloc double[BlockSize] : [];
        for (int start = 0; start < overpotential.Length; start += BlockSize)
        {
            int length = Math.Min(BlockSize, overpotential.Length - start);
            ReadOnlySpan<double> eta = overpotential.Slice(start, length);
            Span<double> destination = currentDensity.Slice(start, length);
            Span<double> ec = cathodic[..length];
            TensorPrimitives.Multiply(eta, cathodicFactor, ec);
            TensorPrimitives.Multiply(eta, anodicFactor, destination);
            if (limited)
            {
                // Overflow-free, as the scalar form: divide through by e^m, m = max(a, −c) ≥ 0.
                Span<double> d = denominator[..length];
                TensorPrimitives.Max(destination, ec, d);
                TensorPrimitives.Subtract(destination, d, destination);
                TensorPrimitives.Subtract(ec, d, ec);
                TensorPrimitives.Negate(d, d);
                TensorPrimitives.Exp(d, d);
                TensorPrimitives.Exp(ec, ec);
                TensorPrimitives.Exp(destination, destination);
                TensorPrimitives.Multiply(d, 1 / i0, d);
                TensorPrimitives.MultiplyAdd(destination, 1 / AnodicLimitingCurrentDensity, d, d);
                TensorPrimitives.MultiplyAdd(ec, 1 / CathodicLimitingCurrentDensity, d, d);
                TensorPrimitives.Subtract(destination, ec, destination);
                TensorPrimitives.Divide(destination, d, destination);
                continue;
            }

            TensorPrimitives.Exp(ec, ec);
            TensorPrimitives.Exp(destination, destination);
            TensorPrimitives.Subtract(destination, ec, destination);
            TensorPrimitives.Multiply(destination, i0, destination);
        }
    }

    /// <summary>
    /// The overpotential that carries a given current density, η(i), the inverse of <see cref="Evaluate(double)"/>:
    /// i(η) is strictly increasing, so the root is bracketed (for the plain form by [0, ln(1 + |i|/i₀)/(α·f)], else
    /// by doubling) and found by Newton steps safeguarded by bisection, to a few units in the last place.
    /// </summary>
    /// <param name="currentDensity">i in the unit of i₀; within (−i_lim,c, i_lim,a) for the limited form.</param>
    /// <returns>η in V.</returns>
    /// <exception cref="ArgumentOutOfRangeException">i is not finite, or reaches a limiting current density.</exception>
    public double Overpotential(double currentDensity)
    {
        Validate();
        Preconditions.CheckFinite(currentDensity);
        if (currentDensity >= AnodicLimitingCurrentDensity || -currentDensity >= CathodicLimitingCurrentDensity)
        {
            throw new ArgumentOutOfRangeException(nameof(currentDensity), currentDensity,
                $"currentDensity is {Preconditions.Format(currentDensity)}; the mass-transport-limited electrode carries only currents strictly between −{Preconditions.Format(CathodicLimitingCurrentDensity)} and {Preconditions.Format(AnodicLimitingCurrentDensity)}.");
        }

        return SolveOverpotential(currentDensity);
    }

    /// <summary>η(i) at every current density (see <see cref="Overpotential(double)"/>).</summary>
    /// <param name="currentDensity">Current densities, unit of i₀.</param>
    /// <param name="overpotential">Destination in V, at least as long as the input; may be the input itself.</param>
    /// <exception cref="ArgumentException">The destination is too short or partially overlaps, or a current is not finite or beyond a limiting current.</exception>
    public void Overpotential(ReadOnlySpan<double> currentDensity, Span<double> overpotential)
    {
        Validate();
        Preconditions.CheckDestination(currentDensity.Length, overpotential.Length, nameof(overpotential));
        Preconditions.CheckNoOverlap(currentDensity, overpotential, nameof(currentDensity), nameof(overpotential));
        for (int k = 0; k < currentDensity.Length; k++)
        {
            double i = currentDensity[k];
            if (!double.IsFinite(i) || i >= AnodicLimitingCurrentDensity || -i >= CathodicLimitingCurrentDensity)
            {
                throw new ArgumentException(
                    $"currentDensity[{k}] is {Preconditions.Format(i)}; every value must be finite and strictly between −{Preconditions.Format(CathodicLimitingCurrentDensity)} and {Preconditions.Format(AnodicLimitingCurrentDensity)}.",
                    nameof(currentDensity));
            }

            overpotential[k] = SolveOverpotential(i);
        }
    }

    /// <summary>
    /// Fits i₀, α_a and α_c (and optionally the limiting current densities) to a polarisation curve by
    /// Levenberg–Marquardt on the current-density residuals with the analytic Jacobian, weighted for relative current
    /// noise unless uncertainties are given (<see cref="ButlerVolmerFitOptions.Weighting"/>). i₀ (and the limiting
    /// currents) are fitted as logarithms, which keeps them positive and the problem well scaled across decades.
    /// Starting values need no guess: for fixed α_a, α_c the plain model is linear in i₀, so a 20 × 20 grid of
    /// α_a, α_c ∈ {0.05, 0.10, …, 1.00} is profiled with i₀ in closed form and the best point starts the fit (unless
    /// <see cref="ButlerVolmerFitOptions.InitialGuess"/> is given).
    /// </summary>
    /// <param name="overpotential">η in V (iR-corrected), with points on both sides of 0 unless one α is held fixed.</param>
    /// <param name="currentDensity">i at each η, any unit (the fitted i₀ comes out in it); anodic positive.</param>
    /// <param name="electronCount">n ≥ 1.</param>
    /// <param name="temperatureKelvin">T in K.</param>
    /// <param name="currentDensityStandardUncertainty">Standard uncertainty of each current density (weights 1/u²), or empty to weight by <see cref="ButlerVolmerFitOptions.Weighting"/>.</param>
    /// <param name="options">Whether to fit limiting currents, a starting model, solver options; null for defaults.</param>
    /// <param name="cancellationToken">Checked once per iteration.</param>
    /// <returns>The fit with the model at the estimates; <see cref="ButlerVolmerFitResults"/> gives i₀ with its asymmetric interval.</returns>
    /// <exception cref="ArgumentException">Lengths differ, too few points, a value is not finite, an uncertainty is not positive, or only one sign of η is present while both α are free.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public static FitResult<ButlerVolmer> Fit(
        ReadOnlySpan<double> overpotential,
        ReadOnlySpan<double> currentDensity,
        int electronCount,
        double temperatureKelvin,
        ReadOnlySpan<double> currentDensityStandardUncertainty = default,
        ButlerVolmerFitOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        options ??= ButlerVolmerFitOptions.Default;
        ArgumentNullException.ThrowIfNull(options.Solver, nameof(options));
        KineticsFitting.CheckWeighting(options.Weighting, options.RelativeWeightFloor, nameof(options));
        KineticsData.CheckElectronCount(electronCount);
        KineticsData.CheckTemperature(temperatureKelvin);
        double[] weights = KineticsFitting.CheckedCurveWeights(overpotential, currentDensity, currentDensityStandardUncertainty, options.FitLimitingCurrents ? 5 : 3, nameof(overpotential));
        CheckBothBranches(overpotential, options);

        double f = KineticsData.ReciprocalThermalVoltage(electronCount, temperatureKelvin);
        double[] eta = overpotential.ToArray();
        double[] start = options.InitialGuess is { } guess
            ? StartFromModel(guess, options.FitLimitingCurrents)
            : StartFromProfile(eta, currentDensity, weights, f, options.FitLimitingCurrents);

        ImmutableArray<ParameterDefinition> definitions = options.FitLimitingCurrents
            ?
            [
                new(LnExchangeCurrentDensityName, "ln(current-density unit)"),
                new(AnodicTransferCoefficientName, string.Empty, 0, double.PositiveInfinity),
                new(CathodicTransferCoefficientName, string.Empty, 0, double.PositiveInfinity),
                new(LnAnodicLimitingCurrentDensityName, "ln(current-density unit)"),
                new(LnCathodicLimitingCurrentDensityName, "ln(current-density unit)"),
            ]
            :
            [
                new(LnExchangeCurrentDensityName, "ln(current-density unit)"),
                new(AnodicTransferCoefficientName, string.Empty, 0, double.PositiveInfinity),
                new(CathodicTransferCoefficientName, string.Empty, 0, double.PositiveInfinity),
            ];
        var model = new NonlinearModel(
            definitions,
            (theta, values) => ModelValues(eta, f, theta, values, null),
            (theta, jacobian) => ModelValues(eta, f, theta, null, jacobian));
        FitResult fit = KineticsFitting.FitCurrents(model, currentDensity, start, weights, options.Weighting, options.RelativeWeightFloor, options.Solver, cancellationToken);
        var fitted = new ButlerVolmer(Math.Exp(fit[LnExchangeCurrentDensityName].Value), fit[AnodicTransferCoefficientName].Value, fit[CathodicTransferCoefficientName].Value, electronCount, temperatureKelvin);
        if (options.FitLimitingCurrents)
        {
            fitted = fitted with
            {
                AnodicLimitingCurrentDensity = Math.Exp(fit[LnAnodicLimitingCurrentDensityName].Value),
                CathodicLimitingCurrentDensity = Math.Exp(fit[LnCathodicLimitingCurrentDensityName].Value),
            };
        }

        return new FitResult<ButlerVolmer>(fit, fitted);
    }

    /// <summary>Checks every parameter: i₀ &gt; 0, α &gt; 0, n ≥ 1, T &gt; 0, limiting currents &gt; 0.</summary>
    internal void Validate()
    {
        Preconditions.CheckPositive(ExchangeCurrentDensity, nameof(ExchangeCurrentDensity));
        KineticsData.CheckTransferCoefficient(AnodicTransferCoefficient, nameof(AnodicTransferCoefficient));
        KineticsData.CheckTransferCoefficient(CathodicTransferCoefficient, nameof(CathodicTransferCoefficient));
        KineticsData.CheckElectronCount(ElectronCount, nameof(ElectronCount));
        KineticsData.CheckTemperature(TemperatureKelvin, nameof(TemperatureKelvin));
        KineticsData.CheckLimitingCurrent(AnodicLimitingCurrentDensity, nameof(AnodicLimitingCurrentDensity));
        KineticsData.CheckLimitingCurrent(CathodicLimitingCurrentDensity, nameof(CathodicLimitingCurrentDensity));
    }

    /// <summary>di/dη at one overpotential (same units as i per volt); always positive.</summary>
    internal double Slope(double overpotential)
    {
        double f = ReciprocalThermalVoltage;
        double fa = AnodicTransferCoefficient * f;
        double fc = CathodicTransferCoefficient * f;
        double i0 = ExchangeCurrentDensity;
        if (!IsMassTransportLimited)
        {
            return i0 * ((fa * Math.Exp(fa * overpotential)) + (fc * Math.Exp(-fc * overpotential)));
        }

        // Numerator and denominator scaled by e^−m, m = max(a, −c) ≥ 0, as in Evaluate: the scale cancels in the quotient rule.
        double m = Math.Max(fa * overpotential, -fc * overpotential);
        double ea = Math.Exp((fa * overpotential) - m);
        double ec = Math.Exp((-fc * overpotential) - m);
        double numerator = ea - ec;
        double denominator = (Math.Exp(-m) / i0) + (ea / AnodicLimitingCurrentDensity) + (ec / CathodicLimitingCurrentDensity);
        double numeratorSlope = (fa * ea) + (fc * ec);
        double denominatorSlope = (fa * ea / AnodicLimitingCurrentDensity) - (fc * ec / CathodicLimitingCurrentDensity);
        return ((numeratorSlope * denominator) - (numerator * denominatorSlope)) / (denominator * denominator);
    }

    /// <summary>Evaluate without re-validating (the caller has validated the model).</summary>
    internal double EvaluateUnchecked(double overpotential)
    {
        double f = ReciprocalThermalVoltage;
        double a = AnodicTransferCoefficient * f * overpotential;
        double c = CathodicTransferCoefficient * f * overpotential;
        double i0 = ExchangeCurrentDensity;
        if (!IsMassTransportLimited)
        {
            return i0 * (Math.Exp(a) - Math.Exp(-c));
        }

        return LimitedCurrentDensity(a, c);
    }

    private double SolveOverpotential(double current)
    {
        if (current == 0)
        {
            return 0;
        }

        double f = ReciprocalThermalVoltage;
        double i0 = ExchangeCurrentDensity;
        double lo;
        double hi;
        if (current > 0)
        {
            lo = 0;
            hi = Math.Log(1 + (current / i0)) / (AnodicTransferCoefficient * f);
            for (int k = 0; k < 2100 && EvaluateUnchecked(hi) < current; k++)
            {
                lo = hi;
                hi *= 2;
            }
        }
        else
        {
            hi = 0;
            lo = -Math.Log(1 - (current / i0)) / (CathodicTransferCoefficient * f);
            for (int k = 0; k < 2100 && EvaluateUnchecked(lo) > current; k++)
            {
                hi = lo;
                lo *= 2;
            }
        }

        double eta = 0.5 * (lo + hi);
        for (int iteration = 0; iteration < 200; iteration++)
        {
            double g = EvaluateUnchecked(eta) - current;
            if (g == 0)
            {
                return eta;
            }

            if (g > 0)
            {
                hi = eta;
            }
            else
            {
                lo = eta;
            }

            double slope = Slope(eta);
            double next = eta - (g / slope);
            if (!(next > lo && next < hi))
            {
                next = 0.5 * (lo + hi);
            }

            if (next == eta || hi - lo <= 4 * double.Epsilon || hi - lo <= 2e-16 * Math.Max(Math.Abs(lo), Math.Abs(hi)))
            {
                return next;
            }

            eta = next;
        }

        return eta;
    }

    private static void CheckBothBranches(ReadOnlySpan<double> overpotential, ButlerVolmerFitOptions options)
    {
        bool anodic = false;
        bool cathodic = false;
        foreach (double eta in overpotential)
        {
            anodic |= eta > 0;
            cathodic |= eta < 0;
        }

        bool anodicFixed = options.Solver.FixedParameters.Contains(AnodicTransferCoefficientName);
        bool cathodicFixed = options.Solver.FixedParameters.Contains(CathodicTransferCoefficientName);
        if ((!anodic && !anodicFixed) || (!cathodic && !cathodicFixed))
        {
            string missing = anodic ? "negative (cathodic)" : "positive (anodic)";
            throw new ArgumentException(
                $"overpotential has no {missing} values, so that branch's transfer coefficient is not determined by the data; measure both branches, or hold that coefficient fixed (options.Solver.FixedParameters with options.InitialGuess).",
                nameof(overpotential));
        }
    }

    private static double[] StartFromModel(ButlerVolmer guess, bool fitLimitingCurrents)
    {
        guess.Validate();
        double[] start = fitLimitingCurrents
            ? [Math.Log(guess.ExchangeCurrentDensity), guess.AnodicTransferCoefficient, guess.CathodicTransferCoefficient, Math.Log(guess.AnodicLimitingCurrentDensity), Math.Log(guess.CathodicLimitingCurrentDensity)]
            : [Math.Log(guess.ExchangeCurrentDensity), guess.AnodicTransferCoefficient, guess.CathodicTransferCoefficient];
        foreach (double value in start)
        {
            if (!double.IsFinite(value))
            {
                throw new ArgumentException("options.InitialGuess must have finite limiting current densities when FitLimitingCurrents is set.", nameof(guess));
            }
        }

        return start;
    }

    /// <summary>The best point of a 20 × 20 grid of (α_a, α_c) with i₀ profiled out in closed form.</summary>
    private static double[] StartFromProfile(double[] eta, ReadOnlySpan<double> current, double[] weights, double f, bool fitLimitingCurrents)
    {
        const int GridSize = 20;
        int n = eta.Length;
        var anodic = new double[GridSize * n];
        var cathodic = new double[GridSize * n];
        var weighted = new double[n];
        for (int k = 0; k < GridSize; k++)
        {
            double alpha = 0.05 * (k + 1);
            Span<double> ea = anodic.AsSpan(k * n, n);
            Span<double> ec = cathodic.AsSpan(k * n, n);
            TensorPrimitives.Multiply(eta, alpha * f, ea);
            TensorPrimitives.Exp(ea, ea);
            TensorPrimitives.Multiply(eta, -alpha * f, ec);
            TensorPrimitives.Exp(ec, ec);
        }

        if (weights.Length == 0)
        {
            current.CopyTo(weighted);
        }
        else
        {
            TensorPrimitives.Multiply(current, weights, weighted);
        }

        var ww = new double[n];
        if (weights.Length == 0)
        {
            ww.AsSpan().Fill(1);
        }
        else
        {
            weights.CopyTo(ww, 0);
        }

        var scratch = new double[n];
        double bestChi = double.PositiveInfinity;
        double[] best = [Math.Log(Math.Max(MaxAbs(current) * 1e-3, double.Epsilon)), 0.5, 0.5];
        double wyy = TensorPrimitives.Dot(weighted, current);
        for (int a = 0; a < GridSize; a++)
        {
            ReadOnlySpan<double> ea = anodic.AsSpan(a * n, n);
            for (int c = 0; c < GridSize; c++)
            {
                ReadOnlySpan<double> ec = cathodic.AsSpan(c * n, n);
                TensorPrimitives.Subtract(ea, ec, scratch);
                double wyg = TensorPrimitives.Dot(weighted, scratch);
                TensorPrimitives.Multiply(scratch, scratch, scratch);
                double wgg = TensorPrimitives.Dot(ww, scratch);
                if (!(wyg > 0) || !double.IsFinite(wgg) || !(wgg > 0))
                {
                    continue;
                }

                double chi = wyy - (wyg * wyg / wgg);
                if (chi < bestChi)
                {
                    bestChi = chi;
                    best = [Math.Log(wyg / wgg), 0.05 * (a + 1), 0.05 * (c + 1)];
                }
            }
        }

        if (!fitLimitingCurrents)
        {
            return best;
        }

        double maxAnodic = 0;
        double maxCathodic = 0;
        foreach (double i in current)
        {
            maxAnodic = Math.Max(maxAnodic, i);
            maxCathodic = Math.Max(maxCathodic, -i);
        }

        double fallback = Math.Max(MaxAbs(current), double.Epsilon);
        return [best[0], best[1], best[2], Math.Log(1.5 * (maxAnodic > 0 ? maxAnodic : fallback)), Math.Log(1.5 * (maxCathodic > 0 ? maxCathodic : fallback))];
    }

    private static double MaxAbs(ReadOnlySpan<double> values) => values.IsEmpty ? 0 : Math.Abs(TensorPrimitives.MaxMagnitude(values));

    /// <summary>Model values and/or the column-major Jacobian with respect to (ln i₀, α_a, α_c[, ln i_lim,a, ln i_lim,c]).</summary>
    private static void ModelValues(double[] eta, double f, ReadOnlySpan<double> theta, Span<double> values, Span<double> jacobian)
    {
        int n = eta.Length;
        double i0 = Math.Exp(theta[0]);
        double fa = theta[1] * f;
        double fc = theta[2] * f;
        bool limited = theta.Length == 5;
        double inverseLa = limited ? Math.Exp(-theta[3]) : 0;
        double inverseLc = limited ? Math.Exp(-theta[4]) : 0;
        bool wantValues = !values.IsEmpty;
        bool wantJacobian = !jacobian.IsEmpty;
        for (int k = 0; k < n; k++)
        {
            double x = eta[k];
            double ea = Math.Exp(limited ? Math.Min(fa * x, ExponentClamp) : fa * x);
            double ec = Math.Exp(limited ? Math.Min(-fc * x, ExponentClamp) : -fc * x);
            double numerator = i0 * (ea - ec);
            if (!limited)
            {
                if (wantValues)
                {
                    values[k] = numerator;
                }

                if (wantJacobian)
                {
                    jacobian[k] = numerator;
                    jacobian[n + k] = i0 * f * x * ea;
                    jacobian[(2 * n) + k] = i0 * f * x * ec;
                }

                continue;
            }

            double anodicTerm = i0 * ea * inverseLa;
            double cathodicTerm = i0 * ec * inverseLc;
            double denominator = 1 + anodicTerm + cathodicTerm;
            double current = numerator / denominator;
            if (wantValues)
            {
                values[k] = current;
            }

            if (wantJacobian)
            {
                // ∂i/∂θ = (∂N − i·∂D)/D for i = N/D.
                jacobian[k] = (numerator - (current * (anodicTerm + cathodicTerm))) / denominator;
                jacobian[n + k] = ((i0 * f * x * ea) - (current * f * x * anodicTerm)) / denominator;
                jacobian[(2 * n) + k] = ((i0 * f * x * ec) + (current * f * x * cathodicTerm)) / denominator;
                jacobian[(3 * n) + k] = current * anodicTerm / denominator;
                jacobian[(4 * n) + k] = current * cathodicTerm / denominator;
            }
        }
    }
}
