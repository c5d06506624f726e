using System.Collections.Immutable;
using System.Numerics.Tensors;
using Electrochem.Diffusion;
using Electrochem.Fitting;

namespace Electrochem.Cycling;

/// <summary>
/// Galvanostatic intermittent titration (GITT) from a recording: finds every current pulse and the rest after it
/// (charge and discharge, any rest length, rests that are not exactly 0 A, current noise, pulses cut short by a
/// voltage limit), measures E₀, E(0⁺), E(τ), E_s, the ohmic step, the end-of-rest drift and the √t slope, and — given
/// the diffusion length — the Weppner–Huggins diffusion coefficient in both forms with uncertainties and the checks
/// of the method's own assumptions (<see cref="GittConcerns"/>).
/// </summary>
/// <remarks>
/// Rows are rest when |I| ≤ the rest threshold; consecutive rows of one sign form a current run, split where the
/// recording's step index changes (a constant-voltage hold after a pulse is not part of it); consecutive rest runs are
/// one rest. A current run shorter than <see cref="GittOptions.MinimumPulseRows"/> between rests is noise and counts
/// as rest. Thread-safe; one pass over the rows plus a fit per pulse.
/// </remarks>
public static class GittAnalysis
{
    /// <summary>Finds and measures every pulse of a titration.</summary>
    /// <param name="recording">The recording (time, current, voltage; step index and step time used when present).</param>
    /// <param name="options">Thresholds and the diffusion length (null: <see cref="GittOptions.Default"/>, which computes no D).</param>
    /// <param name="cancellationToken">Stops a long analysis.</param>
    /// <returns>The pulses with their measurements, D and concerns.</returns>
    /// <exception cref="ArgumentException">The options are out of range, or the recording carries no current.</exception>
    public static GittTitration Analyse(CyclerRecording recording, GittOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(recording);
        options ??= GittOptions.Default;
        options.Validate();
        ReadOnlySpan<double> current = recording.Current.Values;
        double rest = options.RestCurrentAmperes ?? CurrentRuns.DefaultRestCurrent(current, recording.SourceName);
        var warnings = ImmutableArray.CreateBuilder<string>();
        List<CurrentRun> runs = CurrentRuns.Find(recording, rest, options.MinimumPulseRows, out int spikes);
        if (spikes > 0)
        {
            warnings.Add($"{spikes} current run(s) of fewer than {options.MinimumPulseRows} rows between rests were taken as noise in the rest, not as pulses");
        }

        var pulses = new List<GittPulse>();
        double cumulative = 0;
        for (int r = 0; r < runs.Count; r++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (runs[r].Sign == 0)
            {
                continue;
            }

            CurrentRun? before = r > 0 && runs[r - 1].Sign == 0 ? runs[r - 1] : null;
            CurrentRun? after = r + 1 < runs.Count && runs[r + 1].Sign == 0 ? runs[r + 1] : null;
            GittPulse pulse = Measure(recording, pulses.Count, runs[r], before, after, options, ref cumulative);
            pulses.Add(pulse);
        }

        if (pulses.Count == 0)
        {
            warnings.Add($"no current pulse was found (rest threshold {rest:G3} A)");
        }

        return new GittTitration(recording.SourceName, [.. JudgeLengths(pulses, options)], rest, warnings.ToImmutable(), options);
    }

    /// <summary>
    /// The delay (s, within [0, gap to the row before]) between the switch-on and the first pulse sample that
    /// minimises the squared residuals of E against √(t − t_start) over the window: a golden-section search.
    /// </summary>
    private static double EstimateDelay(ReadOnlySpan<double> time, ReadOnlySpan<double> voltage, CurrentRun run, GittOptions options)
    {
        double gap = run.Start > 0 ? time[run.Start] - time[run.Start - 1] : 0;
        double windowEnd = options.SquareRootWindowEndSeconds ?? double.PositiveInfinity;
        int first = run.Start, last = run.End;
        while (first < last && time[first] - time[run.Start] < options.SquareRootWindowStartSeconds)
        {
            first++;
        }

        while (last > first && time[last - 1] - time[run.Start] > windowEnd)
        {
            last--;
        }

        if (!(gap > 0) || last - first < 4)
        {
            return 0;
        }

        ReadOnlySpan<double> t = time[first..last];
        ReadOnlySpan<double> v = voltage[first..last];
        var x = new double[t.Length];
        var scratch = new double[t.Length];
        double first0 = time[run.Start];

        double golden = (Math.Sqrt(5) - 1) / 2;
        double lo = 0, hi = gap;
        double c = hi - (golden * (hi - lo)), d = lo + (golden * (hi - lo));
        double fc = Residual(t, v, x, scratch, first0 - c), fd = Residual(t, v, x, scratch, first0 - d);
        for (int k = 0; k < 40 && hi - lo > 1e-6 * gap; k++)
        {
            if (fc <= fd)
            {
                hi = d;
                d = c;
                fd = fc;
                c = hi - (golden * (hi - lo));
                fc = Residual(t, v, x, scratch, first0 - c);
            }
            else
            {
                lo = c;
                c = d;
                fc = fd;
                d = lo + (golden * (hi - lo));
                fd = Residual(t, v, x, scratch, first0 - d);
            }
        }

        double best = (lo + hi) / 2;
        return Residual(t, v, x, scratch, first0 - 0) <= Residual(t, v, x, scratch, first0 - best) ? 0 : best;
    }

    private static GittPulse Measure(CyclerRecording recording, int index, CurrentRun run, CurrentRun? before, CurrentRun? after, GittOptions options, ref double cumulative)
    {
        ReadOnlySpan<double> time = recording.TestTime.Values;
        ReadOnlySpan<double> voltage = recording.Voltage.Values;
        ReadOnlySpan<double> current = recording.Current.Values[run.Start..run.End];
        GittConcerns concerns = GittConcerns.None;

        // The switch-on time: from the step time when the recording has one, else estimated within the sampling gap
        // before the first pulse sample as the delay that makes E linear in √t; the switch-off is taken as late.
        double start, end;
        if (CurrentRuns.HasStepStart(recording, run.Start))
        {
            start = CurrentRuns.StepStart(recording, run.Start);
            end = after is { } a ? CurrentRuns.StepStart(recording, a.Start) : time[run.End - 1];
        }
        else
        {
            double delay = EstimateDelay(time, voltage, run, options);
            start = time[run.Start] - delay;
            end = after is { } a ? time[a.Start] - delay : time[run.End - 1];
        }

        double tau = end - start;
        double amperes = TensorPrimitives.Sum(current) / current.Length;
        double charge = amperes * tau / 3600;
        cumulative += charge;
        double? soc = options.CapacityAmpereHours is { } capacity ? options.InitialStateOfCharge + (cumulative / capacity) : null;

        double? e0 = before is { } b ? voltage[b.End - 1] : null;
        concerns |= e0 is null ? GittConcerns.NoRestBefore : GittConcerns.None;
        (double? es, double? drift, double noise, double restSeconds) = after is { } rr ? Relaxation(recording, rr, options) : (null, null, 0, 0);
        concerns |= es is null ? GittConcerns.NoRestAfter : GittConcerns.None;
        if (drift is { } d && Math.Abs(d) > options.RelaxedDriftVoltsPerSecond)
        {
            concerns |= GittConcerns.UnrelaxedRest;
        }

        double u = options.VoltageUncertaintyVolts ?? noise;
        FitResult? fit = SquareRootLine.Fit(time, voltage, run.Start, run.End, start, options.SquareRootWindowStartSeconds, options.SquareRootWindowEndSeconds, 0, 0, "PulseStartVoltage");
        concerns |= fit is null ? GittConcerns.TooFewPoints : GittConcerns.None;
        if (fit is not null && !(fit.Statistics.RSquared >= options.MinimumSquareRootRSquared))
        {
            concerns |= GittConcerns.NonlinearSquareRoot;
        }

        double pulseStart = fit is not null ? fit.Parameters[0].Value : voltage[run.Start];
        double pulseEnd = voltage[run.End - 1];
        // One reading at the end; at the start the fit's intercept (its own standard error) or one reading.
        double startUncertainty = fit is not null ? fit.Parameters[0].StandardError : u;
        var transient = new Measurement(pulseEnd - pulseStart, Math.Sqrt((u * u) + (startUncertainty * startUncertainty)));
        Measurement? relaxed = e0 is { } v0 && es is { } vs ? new Measurement(vs - v0, Math.Sqrt(2) * u) : null;
        if (relaxed is { } dEs)
        {
            concerns |= dEs.Value * transient.Value < 0 ? GittConcerns.OppositeSigns : GittConcerns.None;
            concerns |= Math.Abs(dEs.Value) < options.MinimumRelaxedVoltageChange ? GittConcerns.FlatOpenCircuitCurve : GittConcerns.None;
        }

        Measurement? diffusion = null, squareRoot = null, corrected = null;
        double? ratio = null, expected = null;
        if (options.DiffusionLengthMetres is { } length && relaxed is { } es2 && tau > 0 && (concerns & (GittConcerns.OppositeSigns | GittConcerns.FlatOpenCircuitCurve)) == 0 && transient.Value != 0)
        {
            diffusion = WeppnerHuggins.FromLength(tau, length, es2, transient);
            double? correctedValue = WeppnerHuggins.CorrectBias(options.Geometry, diffusion.Value.Value, tau, length.Value);
            corrected = correctedValue is { } c ? new Measurement(c, c * diffusion.Value.RelativeUncertainty) : null;
            ratio = WeppnerHuggins.TimeRatio(tau, correctedValue ?? diffusion.Value.Value, length.Value);
            expected = WeppnerHuggins.ExpectedRatio(options.Geometry, Math.Min(ratio.Value, 100));
            concerns |= expected < 1 - options.MaximumBias || correctedValue is null ? GittConcerns.TimeRatioTooLarge : GittConcerns.None;
            if (fit is not null && fit.Parameters[1].Value * es2.Value > 0)
            {
                ParameterEstimate slope = fit.Parameters[1];
                squareRoot = WeppnerHuggins.FromSquareRootSlope(length, new Measurement(es2.Value / tau, es2.StandardUncertainty / tau), new Measurement(slope.Value, slope.StandardError));
            }
        }

        return new GittPulse
        {
            Index = index,
            Direction = run.Sign > 0 ? PulseDirection.Charge : PulseDirection.Discharge,
            StartRow = run.Start,
            EndRow = run.End,
            RestEndRow = after?.End ?? run.End,
            StartTime = start,
            EndTime = end,
            CurrentAmperes = amperes,
            ChargeAmpereHours = charge,
            CumulativeChargeAmpereHours = cumulative,
            StateOfCharge = soc,
            InitialVoltage = e0,
            FirstPulseVoltage = voltage[run.Start],
            FirstSampleDelaySeconds = time[run.Start] - start,
            PulseStartVoltage = pulseStart,
            PulseEndVoltage = pulseEnd,
            RestStartVoltage = after is { } r1 ? voltage[r1.Start] : null,
            RelaxedVoltage = es,
            RestSeconds = restSeconds,
            EndOfRestDriftVoltsPerSecond = drift,
            VoltageUncertaintyVolts = u,
            RelaxedVoltageChange = relaxed,
            TransientVoltageChange = transient,
            OhmicStepVolts = e0 is { } e ? pulseStart - e : null,
            OhmicResistanceOhms = e0 is { } e1 ? (pulseStart - e1) / amperes : null,
            SquareRootFit = fit,
            TimeRatio = ratio,
            ExpectedRatio = expected,
            BiasCorrectedDiffusionCoefficient = corrected,
            DiffusionCoefficient = diffusion,
            SquareRootDiffusionCoefficient = squareRoot,
            Concerns = concerns,
        };
    }

    /// <summary>χ² of the straight line E = a + b·√(t − origin), or ∞ when √t has no spread.</summary>
    private static double Residual(ReadOnlySpan<double> t, ReadOnlySpan<double> v, double[] x, double[] scratch, double origin)
    {
        for (int i = 0; i < t.Length; i++)
        {
            x[i] = Math.Sqrt(Math.Max(0, t[i] - origin));
        }

        StraightLine line = StraightLine.Solve(x, v, default, scratch);
        return line.IsDegenerate ? double.PositiveInfinity : line.ChiSquare;
    }

    /// <summary>E_s, the drift and the voltage scatter over the rest's trailing window, and the rest's length.</summary>
    private static (double? Relaxed, double? Drift, double Noise, double Seconds) Relaxation(CyclerRecording recording, CurrentRun rest, GittOptions options)
    {
        ReadOnlySpan<double> time = recording.TestTime.Values;
        ReadOnlySpan<double> voltage = recording.Voltage.Values;
        double seconds = time[rest.End - 1] - CurrentRuns.StepStart(recording, rest.Start);
        double from = time[rest.End - 1] - (options.DriftWindowFraction * seconds);
        int first = rest.End - 1;
        while (first > rest.Start && time[first - 1] >= from)
        {
            first--;
        }

        first = Math.Max(rest.Start, Math.Min(first, rest.End - 3));
        if (rest.End - first < 3 || !(time[rest.End - 1] > time[first]))
        {
            return (voltage[rest.End - 1], null, 0, seconds);
        }

        FitResult line = LinearLeastSquares.FitLine(time[first..rest.End], voltage[first..rest.End]);
        double noise = line.Statistics.DegreesOfFreedom > 0 ? line.Statistics.ResidualStandardError : 0;
        return (voltage[rest.End - 1], line.Parameters[1].Value, double.IsFinite(noise) ? noise : 0, seconds);
    }

    /// <summary>Marks pulses cut short, or much longer than the median pulse of their direction (among pulses followed by a rest).</summary>
    private static List<GittPulse> JudgeLengths(List<GittPulse> pulses, GittOptions options)
    {
        foreach (PulseDirection direction in new[] { PulseDirection.Charge, PulseDirection.Discharge })
        {
            double[] lengths = [.. pulses.Where(p => p.Direction == direction && (p.Concerns & GittConcerns.NoRestAfter) == 0).Select(p => p.DurationSeconds).Order()];
            if (lengths.Length == 0)
            {
                continue;
            }

            double median = lengths[lengths.Length / 2];
            for (int i = 0; i < pulses.Count; i++)
            {
                GittPulse p = pulses[i];
                if (p.Direction == direction)
                {
                    GittConcerns extra = p.DurationSeconds < options.CutShortFraction * median ? GittConcerns.CutShort
                        : p.DurationSeconds > 2 * median ? GittConcerns.LongerThanTypical : GittConcerns.None;
                    pulses[i] = p with { Concerns = p.Concerns | extra };
                }
            }
        }

        return pulses;
    }
}
