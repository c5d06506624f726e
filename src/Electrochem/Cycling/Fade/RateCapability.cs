using Electrochem.Fitting;

namespace Electrochem.Cycling;

/// <summary>
/// Tian et al.'s rate-capability law (Nat. Commun. 2019): Q(R) = Q_M·[1 − (R·τ)ⁿ·(1 − exp(−(R·τ)⁻ⁿ))], with R the
/// C-rate (h⁻¹), τ the characteristic time of charge transport (h) and n an exponent (≈ 0.5 for diffusion-limited,
/// ≈ 1 for resistance-limited electrodes); Q_M is the low-rate capacity (any capacity unit). At R·τ ≪ 1, Q → Q_M;
/// at R·τ ≫ 1, Q → Q_M/(2(R·τ)ⁿ).
/// </summary>
/// <param name="MaximumCapacity">Q_M, in the capacities' unit.</param>
/// <param name="CharacteristicTimeHours">τ in h.</param>
/// <param name="Exponent">n, dimensionless.</param>
public sealed record RateCapability(double MaximumCapacity, double CharacteristicTimeHours, double Exponent)
{
    /// <summary>Name of ln τ (τ in h) in a fit's results; τ itself with its interval: <see cref="CharacteristicTime"/>.</summary>
    public const string LnCharacteristicTimeName = "LnCharacteristicTime";

    /// <summary>τ (h) from a fit, with its standard error by the delta method and its interval transformed from ln τ's (so it is asymmetric).</summary>
    /// <param name="fit">A rate-capability fit.</param>
    /// <returns>τ in h.</returns>
    public static ParameterEstimate CharacteristicTime(FitResult<RateCapability> fit)
    {
        ArgumentNullException.ThrowIfNull(fit);
        return fit[LnCharacteristicTimeName].Exponentiated("CharacteristicTime", "h");
    }

    /// <summary>The capacity at C-rate <paramref name="rate"/> (h⁻¹).</summary>
    /// <param name="rate">R &gt; 0.</param>
    /// <returns>Q(R).</returns>
    public double Evaluate(double rate) => Value(MaximumCapacity, CharacteristicTimeHours, Exponent, rate);

    /// <summary>Fits the law to capacities measured at several C-rates (each rate once, or repeated cycles at each).</summary>
    /// <param name="rates">C-rates R &gt; 0 (h⁻¹), at least 4 points and 3 distinct rates.</param>
    /// <param name="capacity">Capacities &gt; 0 (any unit).</param>
    /// <param name="capacityStandardUncertainty">Standard uncertainties (weights 1/u²), or empty.</param>
    /// <param name="options">Solver options; null for defaults.</param>
    /// <param name="cancellationToken">Checked once per iteration.</param>
    /// <returns>Q_M, ln τ (τ in h; see <see cref="CharacteristicTime"/>) and n with standard errors and intervals, goodness of fit and status.</returns>
    /// <exception cref="ArgumentException">Lengths differ, too few points or rates, or a value is not finite and positive.</exception>
    public static FitResult<RateCapability> Fit(ReadOnlySpan<double> rates, ReadOnlySpan<double> capacity, ReadOnlySpan<double> capacityStandardUncertainty = default, NonlinearFitOptions? options = null, CancellationToken cancellationToken = default)
    {
        Validate(rates, capacity, capacityStandardUncertainty);
        double[] r = rates.ToArray();
        double[] q = capacity.ToArray();
        double[] weights = capacityStandardUncertainty.IsEmpty ? [] : [.. capacityStandardUncertainty.ToArray().Select(u => 1 / (u * u))];

        // For fixed τ and n the law is linear in Q_M: profile (log τ, n) on a grid for the start.
        (double qm, double tau, double n) start = (q.Max(), 1, 1);
        double best = double.PositiveInfinity;
        for (double logTau = -4; logTau <= 2.0001; logTau += 0.1)
        {
            for (double n = 0.2; n <= 3.0001; n += 0.1)
            {
                double tau = Math.Pow(10, logTau);
                double sfy = 0, sff = 0;
                for (int i = 0; i < r.Length; i++)
                {
                    double f = Value(1, tau, n, r[i]);
                    double w = weights.Length > 0 ? weights[i] : 1;
                    sfy += w * f * q[i];
                    sff += w * f * f;
                }

                double qm = sfy / sff;
                double ssr = 0;
                for (int i = 0; i < r.Length; i++)
                {
                    double e = q[i] - (qm * Value(1, tau, n, r[i]));
                    ssr += (weights.Length > 0 ? weights[i] : 1) * e * e;
                }

                if (ssr < best && qm > 0)
                {
                    best = ssr;
                    start = (qm, tau, n);
                }
            }
        }

        var model = new NonlinearModel(
            [new("MaximumCapacity", "capacity", 0, double.PositiveInfinity), new(LnCharacteristicTimeName, "ln(h)"), new("Exponent", "1", 0.01, 10)],
            (theta, values) =>
            {
                double tau = Math.Exp(theta[1]);
                for (int i = 0; i < r.Length; i++)
                {
                    values[i] = Value(theta[0], tau, theta[2], r[i]);
                }
            });
        FitResult fit = NonlinearLeastSquares.Fit(model, q, [start.qm, Math.Log(start.tau), start.n], weights, options, cancellationToken);
        return new FitResult<RateCapability>(fit, new RateCapability(fit.Parameters[0].Value, Math.Exp(fit.Parameters[1].Value), fit.Parameters[2].Value));
    }

    /// <summary>
    /// The simple log-linear form Q = a − b·ln R (a: capacity at 1 C, b: loss per e-fold of rate), by linear least
    /// squares.
    /// </summary>
    /// <param name="rates">C-rates R &gt; 0 (h⁻¹).</param>
    /// <param name="capacity">Capacities (any unit).</param>
    /// <param name="options">Confidence level; null for defaults.</param>
    /// <returns>a ("CapacityAtOneC") and b ("LossPerLnRate") with standard errors and intervals.</returns>
    public static FitResult LogLinear(ReadOnlySpan<double> rates, ReadOnlySpan<double> capacity, LinearFitOptions? options = null)
    {
        Validate(rates, capacity, default);
        // Q = a + b·(−ln R): b is the loss per e-fold of rate directly, with its own covariance.
        double[] minusLnR = [.. rates.ToArray().Select(x => -Math.Log(x))];
        return LinearLeastSquares.FitLine(minusLnR, capacity, default, options, new ParameterDefinition("CapacityAtOneC", "capacity"), new ParameterDefinition("LossPerLnRate", "capacity"));
    }

    /// <summary>Capacity recovered on returning to the first rate: mean capacity of the return block / mean of the first block (as a fraction).</summary>
    /// <param name="firstBlock">Capacities of the first block at that rate.</param>
    /// <param name="returnBlock">Capacities after returning to it.</param>
    /// <returns>The ratio.</returns>
    /// <exception cref="ArgumentException">A block is empty or holds a value that is not finite and positive.</exception>
    public static double Recovery(ReadOnlySpan<double> firstBlock, ReadOnlySpan<double> returnBlock)
    {
        if (firstBlock.IsEmpty || returnBlock.IsEmpty)
        {
            throw new ArgumentException("Both blocks need at least one capacity.", firstBlock.IsEmpty ? nameof(firstBlock) : nameof(returnBlock));
        }

        Preconditions.CheckAllPositive(firstBlock, nameof(firstBlock), string.Empty);
        Preconditions.CheckAllPositive(returnBlock, nameof(returnBlock), string.Empty);
        return System.Numerics.Tensors.TensorPrimitives.Average(returnBlock) / System.Numerics.Tensors.TensorPrimitives.Average(firstBlock);
    }

    private static double Value(double qm, double tau, double n, double rate)
    {
        double x = rate * tau;
        double xn = Math.Pow(x, n);

        // 1 − xⁿ(1 − e^(−x⁻ⁿ)): for large x⁻ⁿ the exponential vanishes; for small x⁻ⁿ use expm1 to keep precision.
        double inner = -Math.Pow(x, -n);
        double oneMinusExp = inner > -1e-5 ? -(inner + (inner * inner / 2)) : 1 - Math.Exp(inner);
        return qm * (1 - (xn * oneMinusExp));
    }

    private static void Validate(ReadOnlySpan<double> rates, ReadOnlySpan<double> capacity, ReadOnlySpan<double> capacityStandardUncertainty)
    {
        Preconditions.CheckSameLength(rates.Length, capacity.Length, nameof(rates), nameof(capacity));
        Preconditions.CheckMinimumCount(rates.Length, 4, nameof(rates), "the rate-capability law has 3 parameters and needs at least 4 points");
        Preconditions.CheckAllPositive(rates, nameof(rates), " h⁻¹");
        Preconditions.CheckAllPositive(capacity, nameof(capacity), string.Empty);
        if (!capacityStandardUncertainty.IsEmpty)
        {
            Preconditions.CheckSameLength(capacity.Length, capacityStandardUncertainty.Length, nameof(capacity), nameof(capacityStandardUncertainty));
            Preconditions.CheckAllPositive(capacityStandardUncertainty, nameof(capacityStandardUncertainty), string.Empty);
        }

        if (rates.ToArray().Distinct().Count() < 3)
        {
            throw new ArgumentException("The rates hold fewer than 3 distinct values; the law's three parameters need at least 3 rates.", nameof(rates));
        }
    }
}
