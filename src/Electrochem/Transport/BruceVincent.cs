using System.Collections.Immutable;
using Electrochem.Fitting;

namespace Electrochem.Transport;

/// <summary>
/// The Li⁺ (cation) transference number of an electrolyte from potentiostatic polarisation of a symmetric cell with
/// non-blocking electrodes (Bruce–Vincent / Evans–Vincent–Bruce), and its named variants. ΔV in V, currents in A,
/// resistances in Ω (whole-cell values: "interfacial" is both interfaces together). Each formula propagates
/// independent standard uncertainties to first order; <see cref="Analyze"/> starts from the raw trace.
/// </summary>
/// <remarks>
/// In the ideal cell I₀ = ΔV/(R_b,0 + R_i,0) and I_ss = ΔV/(R_b,ss/t₊ + R_i,ss) (see <see cref="IdealPolarizationCell"/>);
/// each formula below inverts that model under its own assumption about what changes between the two spectra.
/// </remarks>
public static class BruceVincent
{
    /// <summary>
    /// Bruce–Vincent: t₊ = I_ss·(ΔV − I₀·R₀) / (I₀·(ΔV − I_ss·R_ss)), with R₀, R_ss the interfacial resistances
    /// before polarisation and at steady state. Exact for the ideal cell when the bulk resistance does not change.
    /// </summary>
    /// <param name="initialCurrent">I₀ in A, &gt; 0.</param>
    /// <param name="steadyStateCurrent">I_ss in A, &gt; 0.</param>
    /// <param name="appliedVoltage">ΔV in V, &gt; 0.</param>
    /// <param name="initialInterfacialResistance">R₀ in Ω, ≥ 0.</param>
    /// <param name="steadyStateInterfacialResistance">R_ss in Ω, ≥ 0.</param>
    /// <returns>t₊ with its propagated standard uncertainty.</returns>
    /// <exception cref="ArgumentException">A value is out of range, or an interfacial drop I·R reaches ΔV.</exception>
    /// <example><c>TransferenceNumber(2e-5, 1.428571e-5, 0.010, 400, 450)</c> = 0.400.</example>
    public static Measurement TransferenceNumber(Measurement initialCurrent, Measurement steadyStateCurrent, Measurement appliedVoltage, Measurement initialInterfacialResistance, Measurement steadyStateInterfacialResistance)
    {
        CheckCommon(initialCurrent, steadyStateCurrent, appliedVoltage, initialInterfacialResistance, steadyStateInterfacialResistance);
        return TransferenceData.Propagate(
            x => BruceVincentFormula(x[0], x[1], x[2], x[3], x[4]),
            [initialCurrent.Value, steadyStateCurrent.Value, appliedVoltage.Value, initialInterfacialResistance.Value, steadyStateInterfacialResistance.Value],
            TransferenceData.Diagonal(initialCurrent.StandardUncertainty, steadyStateCurrent.StandardUncertainty, appliedVoltage.StandardUncertainty, initialInterfacialResistance.StandardUncertainty, steadyStateInterfacialResistance.StandardUncertainty));
    }

    /// <summary>
    /// Abraham (bulk-corrected) variant: t₊ = I_ss·R_b,ss·(ΔV − I₀·R₀) / (I₀·R_b,0·(ΔV − I_ss·R_ss)), i.e. Bruce–Vincent
    /// × R_b,ss/R_b,0, which corrects for a bulk resistance that changed during polarisation.
    /// </summary>
    /// <param name="initialCurrent">I₀ in A.</param>
    /// <param name="steadyStateCurrent">I_ss in A.</param>
    /// <param name="appliedVoltage">ΔV in V.</param>
    /// <param name="initialInterfacialResistance">R₀ in Ω.</param>
    /// <param name="steadyStateInterfacialResistance">R_ss in Ω.</param>
    /// <param name="initialBulkResistance">R_b,0 in Ω, &gt; 0.</param>
    /// <param name="steadyStateBulkResistance">R_b,ss in Ω, &gt; 0.</param>
    /// <returns>t₊ with its propagated standard uncertainty.</returns>
    /// <exception cref="ArgumentException">A value is out of range, or an interfacial drop reaches ΔV.</exception>
    public static Measurement AbrahamTransferenceNumber(Measurement initialCurrent, Measurement steadyStateCurrent, Measurement appliedVoltage, Measurement initialInterfacialResistance, Measurement steadyStateInterfacialResistance, Measurement initialBulkResistance, Measurement steadyStateBulkResistance)
    {
        CheckCommon(initialCurrent, steadyStateCurrent, appliedVoltage, initialInterfacialResistance, steadyStateInterfacialResistance);
        initialBulkResistance.CheckPositive(nameof(initialBulkResistance));
        steadyStateBulkResistance.CheckPositive(nameof(steadyStateBulkResistance));
        return TransferenceData.Propagate(
            x => BruceVincentFormula(x[0], x[1], x[2], x[3], x[4]) * x[6] / x[5],
            [initialCurrent.Value, steadyStateCurrent.Value, appliedVoltage.Value, initialInterfacialResistance.Value, steadyStateInterfacialResistance.Value, initialBulkResistance.Value, steadyStateBulkResistance.Value],
            TransferenceData.Diagonal(initialCurrent.StandardUncertainty, steadyStateCurrent.StandardUncertainty, appliedVoltage.StandardUncertainty, initialInterfacialResistance.StandardUncertainty, steadyStateInterfacialResistance.StandardUncertainty, initialBulkResistance.StandardUncertainty, steadyStateBulkResistance.StandardUncertainty));
    }

    /// <summary>
    /// Watanabe form: t₊ = R_b,ss / (ΔV/I_ss − R_ss) — the bulk resistance over the steady-state electrolyte
    /// resistance; needs no I₀. Exact for the ideal cell with the steady-state bulk resistance.
    /// </summary>
    /// <param name="steadyStateCurrent">I_ss in A.</param>
    /// <param name="appliedVoltage">ΔV in V.</param>
    /// <param name="steadyStateBulkResistance">R_b,ss in Ω.</param>
    /// <param name="steadyStateInterfacialResistance">R_ss in Ω.</param>
    /// <returns>t₊ with its propagated standard uncertainty.</returns>
    /// <exception cref="ArgumentException">A value is out of range, or I_ss·R_ss reaches ΔV.</exception>
    public static Measurement WatanabeTransferenceNumber(Measurement steadyStateCurrent, Measurement appliedVoltage, Measurement steadyStateBulkResistance, Measurement steadyStateInterfacialResistance)
    {
        steadyStateCurrent.CheckPositive(nameof(steadyStateCurrent));
        CheckVoltage(appliedVoltage, nameof(appliedVoltage));
        steadyStateBulkResistance.CheckPositive(nameof(steadyStateBulkResistance));
        TransferenceData.CheckNonNegative(steadyStateInterfacialResistance, nameof(steadyStateInterfacialResistance));
        CheckDrop(steadyStateCurrent.Value, steadyStateInterfacialResistance.Value, appliedVoltage.Value, nameof(steadyStateInterfacialResistance));
        return TransferenceData.Propagate(
            x => x[2] / ((x[1] / x[0]) - x[3]),
            [steadyStateCurrent.Value, appliedVoltage.Value, steadyStateBulkResistance.Value, steadyStateInterfacialResistance.Value],
            TransferenceData.Diagonal(steadyStateCurrent.StandardUncertainty, appliedVoltage.StandardUncertainty, steadyStateBulkResistance.StandardUncertainty, steadyStateInterfacialResistance.StandardUncertainty));
    }

    /// <summary>The plain current ratio I_ss/I₀ — not a transference number unless the interfaces have no resistance; reported so the difference is visible.</summary>
    /// <param name="initialCurrent">I₀ in A.</param>
    /// <param name="steadyStateCurrent">I_ss in A.</param>
    /// <returns>I_ss/I₀ with its propagated standard uncertainty.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A current is not positive and finite.</exception>
    public static Measurement CurrentRatio(Measurement initialCurrent, Measurement steadyStateCurrent)
    {
        initialCurrent.CheckPositive(nameof(initialCurrent));
        steadyStateCurrent.CheckPositive(nameof(steadyStateCurrent));
        return TransferenceData.Propagate(x => x[1] / x[0], [initialCurrent.Value, steadyStateCurrent.Value],
            TransferenceData.Diagonal(initialCurrent.StandardUncertainty, steadyStateCurrent.StandardUncertainty));
    }

    /// <summary>I₀ = ΔV/(R_b,0 + R_i,0) by Ohm's law from the impedance before polarisation, with propagated uncertainty.</summary>
    /// <param name="appliedVoltage">ΔV in V.</param>
    /// <param name="initialBulkResistance">R_b,0 in Ω.</param>
    /// <param name="initialInterfacialResistance">R_i,0 in Ω.</param>
    /// <returns>I₀ in A.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range.</exception>
    public static Measurement InitialCurrentFromOhmsLaw(Measurement appliedVoltage, Measurement initialBulkResistance, Measurement initialInterfacialResistance)
    {
        CheckVoltage(appliedVoltage, nameof(appliedVoltage));
        initialBulkResistance.CheckPositive(nameof(initialBulkResistance));
        TransferenceData.CheckNonNegative(initialInterfacialResistance, nameof(initialInterfacialResistance));
        return TransferenceData.Propagate(x => x[0] / (x[1] + x[2]), [appliedVoltage.Value, initialBulkResistance.Value, initialInterfacialResistance.Value],
            TransferenceData.Diagonal(appliedVoltage.StandardUncertainty, initialBulkResistance.StandardUncertainty, initialInterfacialResistance.StandardUncertainty));
    }

    /// <summary>
    /// Bruce–Vincent analysis from a raw chronoamperometry trace: I₀ by Ohm's law and by extrapolating the decay,
    /// I_ss by the plateau and by the exponential fit (the methods in <paramref name="options"/> choose which are
    /// used; both are reported), then t₊ by Bruce–Vincent, Abraham and Watanabe and the plain ratio, each with
    /// uncertainty propagated (to first order, by central differences) from ΔV, the four resistances and the
    /// currents — including the covariance of I₀ and I_ss when both come from the same exponential fit. Warnings
    /// flag a large ΔV, a current not at steady state, drifting resistances, disagreeing I₀ and t₊ outside [0, 1].
    /// </summary>
    /// <param name="timeSeconds">t in s, strictly increasing, at least 6 points.</param>
    /// <param name="current">I in A at each time, every value &gt; 0 (give magnitudes for a negative polarisation).</param>
    /// <param name="appliedVoltage">ΔV in V, &gt; 0, with its uncertainty.</param>
    /// <param name="resistances">R_b and R_i before polarisation and at steady state, in Ω.</param>
    /// <param name="options">Methods, windows and thresholds; null for defaults.</param>
    /// <param name="cancellationToken">Checked during the exponential fit.</param>
    /// <returns>The transference numbers and every intermediate quantity.</returns>
    /// <exception cref="ArgumentException">Lengths differ, too few points, time not strictly increasing, a current not positive, ΔV not positive, a window holding too few points, or an interfacial drop reaching ΔV.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public static BruceVincentResult Analyze(
        ReadOnlySpan<double> timeSeconds,
        ReadOnlySpan<double> current,
        Measurement appliedVoltage,
        PolarizationResistances resistances,
        BruceVincentOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        options ??= BruceVincentOptions.Default;
        options.Validate();
        ArgumentNullException.ThrowIfNull(resistances);
        resistances.Validate();
        CheckVoltage(appliedVoltage, nameof(appliedVoltage));
        Preconditions.CheckSameLength(timeSeconds.Length, current.Length, nameof(timeSeconds), nameof(current));
        Preconditions.CheckMinimumCount(timeSeconds.Length, 6, nameof(timeSeconds), "a plateau window and an exponential fit need points");
        TransferenceData.CheckIncreasingTime(timeSeconds, nameof(timeSeconds));
        for (int k = 0; k < current.Length; k++)
        {
            if (!(current[k] > 0) || !double.IsFinite(current[k]))
            {
                throw new ArgumentException(
                    $"current[{k}] is {Preconditions.Format(current[k])} A; every current must be finite and positive, with the same sign as ΔV (for a negative polarisation give the magnitudes of both).",
                    nameof(current));
            }
        }

        int n = timeSeconds.Length;
        double stepTime = options.StepTimeSeconds ?? timeSeconds[0];
        if (!double.IsFinite(stepTime) || stepTime > timeSeconds[0])
        {
            throw new ArgumentException($"options.StepTimeSeconds is {Preconditions.Format(stepTime)} s; it must be finite and not after the first time {Preconditions.Format(timeSeconds[0])} s.", nameof(options));
        }

        var warnings = ImmutableArray.CreateBuilder<TransferenceWarning>();

        // Plateau window and the steady-state criterion.
        double end = timeSeconds[n - 1];
        double plateauStart = end - (options.PlateauFraction * (end - timeSeconds[0]));
        int first = n - 1;
        while (first > 0 && timeSeconds[first - 1] >= plateauStart)
        {
            first--;
        }

        int plateauCount = n - first;
        if (plateauCount < 3)
        {
            throw new ArgumentException($"The plateau window (last {options.PlateauFraction:P0} of the trace, t ≥ {Preconditions.Format(plateauStart)} s) holds {plateauCount} point(s) but at least 3 are needed; raise options.PlateauFraction or sample more often.", nameof(timeSeconds));
        }

        ReadOnlySpan<double> plateauTime = timeSeconds[first..];
        ReadOnlySpan<double> plateauCurrent = current[first..];
        double mean = 0;
        foreach (double value in plateauCurrent)
        {
            mean += value;
        }

        mean /= plateauCount;
        double sumSquares = 0;
        foreach (double value in plateauCurrent)
        {
            sumSquares += (value - mean) * (value - mean);
        }

        var plateau = new Measurement(mean, Math.Sqrt(sumSquares / (plateauCount - 1) / plateauCount));
        FitResult plateauLine = LinearLeastSquares.FitLine(plateauTime, plateauCurrent);
        ParameterEstimate plateauSlope = plateauLine["Slope"];
        double windowDuration = plateauTime[^1] - plateauTime[0];
        double drift = Math.Abs(plateauSlope.Value) * windowDuration / mean;
        if (drift > options.SteadyStateTolerance && Math.Abs(plateauSlope.Value) > 2 * plateauSlope.StandardError)
        {
            warnings.Add(new TransferenceWarning(TransferenceWarningKind.NotAtSteadyState,
                $"Over the plateau window ({Preconditions.Format(plateauTime[0])}–{Preconditions.Format(plateauTime[^1])} s) the current changes by {drift:P2} of I_ss (tolerance {options.SteadyStateTolerance:P2}; slope {plateauSlope.Value / plateauSlope.StandardError:0.#} standard errors from 0): not yet at steady state. Polarise longer, or use the exponential-fit I_ss."));
        }

        // Exponential fit of the decay.
        double fitStart = options.FitStartSeconds ?? stepTime;
        int fitFirst = 0;
        while (fitFirst < n && timeSeconds[fitFirst] < fitStart)
        {
            fitFirst++;
        }

        if (n - fitFirst < 4)
        {
            throw new ArgumentException($"options.FitStartSeconds = {Preconditions.Format(fitStart)} s leaves {n - fitFirst} point(s) for the exponential fit; at least 4 are needed.", nameof(options));
        }

        FitResult<CurrentRelaxation> relaxation = CurrentRelaxation.Fit(timeSeconds[fitFirst..], current[fitFirst..], stepTime, default, options.Solver, cancellationToken);
        bool fitUsable = relaxation.Converged;
        Measurement extrapolated = fitUsable ? new(relaxation[CurrentRelaxation.InitialCurrentName].Value, relaxation[CurrentRelaxation.InitialCurrentName].StandardError) : new(double.NaN, double.NaN);
        Measurement exponential = fitUsable ? new(relaxation[CurrentRelaxation.SteadyStateCurrentName].Value, relaxation[CurrentRelaxation.SteadyStateCurrentName].StandardError) : new(double.NaN, double.NaN);
        InitialCurrentMethod initialMethod = options.InitialCurrentMethod;
        SteadyStateCurrentMethod steadyMethod = options.SteadyStateCurrentMethod;
        if (!fitUsable)
        {
            string fallback = initialMethod == InitialCurrentMethod.Extrapolated || steadyMethod == SteadyStateCurrentMethod.ExponentialFit
                ? " The methods fell back to Ohm's-law I₀ and plateau I_ss."
                : string.Empty;
            warnings.Add(new TransferenceWarning(TransferenceWarningKind.RelaxationFitFailed,
                $"The exponential fit of the decay ended with status {relaxation.Status}: {relaxation.StatusReason}.{fallback}"));
            initialMethod = InitialCurrentMethod.OhmsLaw;
            steadyMethod = SteadyStateCurrentMethod.Plateau;
        }

        PolarizationResistances r = resistances;
        bool hasBulk = r.HasBulkResistances;
        if (!hasBulk && initialMethod == InitialCurrentMethod.OhmsLaw)
        {
            throw new ArgumentException(
                fitUsable
                    ? "I₀ by Ohm's law needs the bulk resistance R_b,0; give the bulk resistances, or set options.InitialCurrentMethod = InitialCurrentMethod.Extrapolated."
                    : $"The exponential fit of the decay failed ({relaxation.Status}: {relaxation.StatusReason}), and without the bulk resistances there is no Ohm's-law I₀ to fall back on; give R_b,0 and R_b,ss.",
                nameof(resistances));
        }

        var notAvailable = new Measurement(double.NaN, double.NaN);
        Measurement bulkInitial = r.BulkResistanceInitial ?? new Measurement(0, 0);
        Measurement bulkSteady = r.BulkResistanceSteadyState ?? new Measurement(0, 0);
        Measurement ohms = hasBulk ? InitialCurrentFromOhmsLaw(appliedVoltage, bulkInitial, r.InterfacialResistanceInitial) : notAvailable;
        bool useExtrapolated = initialMethod == InitialCurrentMethod.Extrapolated;
        bool useExponential = steadyMethod == SteadyStateCurrentMethod.ExponentialFit;
        Measurement initial = useExtrapolated ? extrapolated : ohms;
        Measurement steady = useExponential ? exponential : plateau;
        if (!(initial.Value > 0) || !(steady.Value > 0))
        {
            throw new ArgumentException($"The trace gives I₀ = {Preconditions.Format(initial.Value)} A and I_ss = {Preconditions.Format(steady.Value)} A; both must be positive. Check the fit window and the current's sign.", nameof(current));
        }

        CheckDrop(initial.Value, r.InterfacialResistanceInitial.Value, appliedVoltage.Value, "resistances.InterfacialResistanceInitial");
        CheckDrop(steady.Value, r.InterfacialResistanceSteadyState.Value, appliedVoltage.Value, "resistances.InterfacialResistanceSteadyState");

        // Inputs x = [ΔV, R_b,0, R_b,ss, R_i,0, R_i,ss, I₀(extrapolated), I_ss]; I₀ by Ohm's law is a function of x.
        // Without R_b its slots hold 0 ± 0; nothing computed from them is reported (see below).
        double[] x = [appliedVoltage.Value, bulkInitial.Value, bulkSteady.Value, r.InterfacialResistanceInitial.Value, r.InterfacialResistanceSteadyState.Value, useExtrapolated ? extrapolated.Value : 0, steady.Value];
        double[] covariance = TransferenceData.Diagonal(appliedVoltage.StandardUncertainty, bulkInitial.StandardUncertainty, bulkSteady.StandardUncertainty,
            r.InterfacialResistanceInitial.StandardUncertainty, r.InterfacialResistanceSteadyState.StandardUncertainty, useExtrapolated ? extrapolated.StandardUncertainty : 0, steady.StandardUncertainty);
        if (useExtrapolated && useExponential)
        {
            double c = relaxation.Covariance[0, 1];
            covariance[(5 * 7) + 6] = c;
            covariance[(6 * 7) + 5] = c;
        }

        double I0(double[] v) => useExtrapolated ? v[5] : v[0] / (v[1] + v[3]);
        Measurement bruceVincent = TransferenceData.Propagate(v => BruceVincentFormula(I0(v), v[6], v[0], v[3], v[4]), x, covariance);
        Measurement abraham = hasBulk ? TransferenceData.Propagate(v => BruceVincentFormula(I0(v), v[6], v[0], v[3], v[4]) * v[2] / v[1], x, covariance) : notAvailable;
        Measurement watanabe = hasBulk ? TransferenceData.Propagate(v => v[2] / ((v[0] / v[6]) - v[4]), x, covariance) : notAvailable;
        Measurement ratio = TransferenceData.Propagate(v => v[6] / I0(v), x, covariance);

        AddWarnings(warnings, appliedVoltage, r, options, fitUsable, extrapolated, ohms, bruceVincent);
        return new BruceVincentResult
        {
            AppliedVoltage = appliedVoltage,
            Resistances = r,
            InitialCurrentMethod = initialMethod,
            InitialCurrent = initial,
            InitialCurrentOhmsLaw = ohms,
            InitialCurrentExtrapolated = extrapolated,
            SteadyStateCurrentMethod = steadyMethod,
            SteadyStateCurrent = steady,
            SteadyStateCurrentPlateau = plateau,
            SteadyStateCurrentExponential = exponential,
            PlateauWindow = new TimeWindow(plateauTime[0], plateauTime[^1], plateauCount),
            PlateauRelativeDrift = drift,
            FitWindow = new TimeWindow(timeSeconds[fitFirst], end, n - fitFirst),
            RelaxationFit = relaxation,
            TransferenceNumber = bruceVincent,
            AbrahamTransferenceNumber = abraham,
            WatanabeTransferenceNumber = watanabe,
            CurrentRatio = ratio,
            Warnings = warnings.ToImmutable(),
        };
    }

    private static double BruceVincentFormula(double initialCurrent, double steadyStateCurrent, double appliedVoltage, double initialInterfacial, double steadyInterfacial) =>
        steadyStateCurrent * (appliedVoltage - (initialCurrent * initialInterfacial)) / (initialCurrent * (appliedVoltage - (steadyStateCurrent * steadyInterfacial)));

    private static void AddWarnings(
        ImmutableArray<TransferenceWarning>.Builder warnings,
        Measurement appliedVoltage,
        PolarizationResistances r,
        BruceVincentOptions options,
        bool fitUsable,
        Measurement extrapolated,
        Measurement ohms,
        Measurement bruceVincent)
    {
        if (appliedVoltage.Value > options.SmallSignalLimitVolts)
        {
            warnings.Add(new TransferenceWarning(TransferenceWarningKind.SmallSignalExceeded,
                $"ΔV = {appliedVoltage.Value * 1000:0.###} mV exceeds the small-signal limit of {options.SmallSignalLimitVolts * 1000:0.###} mV: the interfaces respond non-linearly and t₊ is biased. Use about 10 mV."));
        }

        double ri0 = r.InterfacialResistanceInitial.Value;
        double interfacialDrift = ri0 > 0 ? Math.Abs(r.InterfacialResistanceSteadyState.Value - ri0) / ri0 : (r.InterfacialResistanceSteadyState.Value > 0 ? double.PositiveInfinity : 0);
        if (interfacialDrift > options.InterfacialDriftTolerance)
        {
            warnings.Add(new TransferenceWarning(TransferenceWarningKind.InterfacialResistanceDrift,
                $"The interfacial resistance changed from {Preconditions.Format(ri0)} Ω to {Preconditions.Format(r.InterfacialResistanceSteadyState.Value)} Ω ({interfacialDrift:P1}, tolerance {options.InterfacialDriftTolerance:P0}): the interfaces are not stable (e.g. SEI growth), which the formula corrects only if the change happened before the current settled."));
        }

        if (r.BulkResistanceInitial is { } bulkInitial && r.BulkResistanceSteadyState is { } bulkSteady)
        {
            double rb0 = bulkInitial.Value;
            double bulkDrift = Math.Abs(bulkSteady.Value - rb0) / rb0;
            if (bulkDrift > options.BulkDriftTolerance)
            {
                warnings.Add(new TransferenceWarning(TransferenceWarningKind.BulkResistanceDrift,
                    $"The bulk resistance changed from {Preconditions.Format(rb0)} Ω to {Preconditions.Format(bulkSteady.Value)} Ω ({bulkDrift:P1}, tolerance {options.BulkDriftTolerance:P0}); the Bruce–Vincent t₊ is then biased by R_b,0/R_b,ss — report the Abraham (bulk-corrected) value."));
            }
        }

        if (fitUsable && r.HasBulkResistances)
        {
            double mismatch = Math.Abs(extrapolated.Value - ohms.Value) / ohms.Value;
            if (mismatch > options.InitialCurrentAgreementTolerance)
            {
                warnings.Add(new TransferenceWarning(TransferenceWarningKind.InitialCurrentMismatch,
                    $"The extrapolated I₀ = {Preconditions.Format(extrapolated.Value)} A differs from Ohm's law ΔV/(R_b,0 + R_i,0) = {Preconditions.Format(ohms.Value)} A by {mismatch:P1} (tolerance {options.InitialCurrentAgreementTolerance:P0}): the first spectrum may not describe the cell at the step, or the decay is not exponential."));
            }
        }

        if (!(bruceVincent.Value >= 0 && bruceVincent.Value <= 1))
        {
            warnings.Add(new TransferenceWarning(TransferenceWarningKind.TransferenceNumberOutOfRange,
                $"The Bruce–Vincent t₊ = {bruceVincent.Value:0.####} lies outside [0, 1]: the ideal-electrolyte, stable-interface, small-signal assumptions do not hold for these data."));
        }
    }

    private static void CheckCommon(Measurement initialCurrent, Measurement steadyStateCurrent, Measurement appliedVoltage, Measurement initialInterfacialResistance, Measurement steadyStateInterfacialResistance)
    {
        initialCurrent.CheckPositive(nameof(initialCurrent));
        steadyStateCurrent.CheckPositive(nameof(steadyStateCurrent));
        CheckVoltage(appliedVoltage, nameof(appliedVoltage));
        TransferenceData.CheckNonNegative(initialInterfacialResistance, nameof(initialInterfacialResistance));
        TransferenceData.CheckNonNegative(steadyStateInterfacialResistance, nameof(steadyStateInterfacialResistance));
        CheckDrop(initialCurrent.Value, initialInterfacialResistance.Value, appliedVoltage.Value, nameof(initialInterfacialResistance));
        CheckDrop(steadyStateCurrent.Value, steadyStateInterfacialResistance.Value, appliedVoltage.Value, nameof(steadyStateInterfacialResistance));
    }

    private static void CheckVoltage(Measurement appliedVoltage, string name)
    {
        if (!(appliedVoltage.Value > 0) || !double.IsFinite(appliedVoltage.Value))
        {
            throw new ArgumentOutOfRangeException(name, appliedVoltage.Value,
                $"{name} must be a finite polarisation voltage ΔV greater than 0 V but was {Preconditions.Format(appliedVoltage.Value)} V (for a negative polarisation give the magnitudes of ΔV and the currents).");
        }

        appliedVoltage.CheckPositive(name);
    }

    private static void CheckDrop(double currentValue, double resistance, double voltage, string name)
    {
        if (!(currentValue * resistance < voltage))
        {
            throw new ArgumentException(
                $"The interfacial drop I·R = {Preconditions.Format(currentValue * resistance)} V ({name} = {Preconditions.Format(resistance)} Ω) is not below ΔV = {Preconditions.Format(voltage)} V, so no voltage is left across the electrolyte: check that the resistance is the whole cell's and in Ω, and the current in A.",
                name);
        }
    }
}
