using System.Collections.Immutable;
using System.Numerics.Tensors;
using Electrochem.Diffusion;
using Electrochem.Fitting;

namespace Electrochem.Cycling;

/// <summary>
/// Intermittent current interruption (ICI; Chien, Li, Zhang et al., J. Phys. Chem. C 2023): short rests during a
/// constant-current charge or discharge. For each interruption the voltage change ΔE = E(t) − E_I is fitted against
/// √t: the intercept gives the internal resistance R, the slope the diffusion resistance coefficient k, and with the
/// diffusion length and the slope dE/dt of the current segment before, a diffusion coefficient
/// (<see cref="IciInterruption"/>). Rest and current are told apart as for GITT.
/// </summary>
public static class IciAnalysis
{
    /// <summary>Finds and fits every interruption that follows a current segment.</summary>
    /// <param name="recording">The recording.</param>
    /// <param name="options">Window, thresholds and the diffusion length (null: <see cref="IciOptions.Default"/>).</param>
    /// <param name="cancellationToken">Stops a long analysis.</param>
    /// <returns>The interruptions.</returns>
    /// <exception cref="ArgumentException">The options are out of range, or the recording carries no current.</exception>
    public static IciTitration Analyse(CyclerRecording recording, IciOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(recording);
        options ??= IciOptions.Default;
        options.Validate();
        ReadOnlySpan<double> time = recording.TestTime.Values;
        ReadOnlySpan<double> voltage = recording.Voltage.Values;
        ReadOnlySpan<double> current = recording.Current.Values;
        double rest = options.RestCurrentAmperes ?? CurrentRuns.DefaultRestCurrent(current, recording.SourceName);
        List<CurrentRun> runs = CurrentRuns.Find(recording, rest, minimumRows: 1, out _);
        var found = ImmutableArray.CreateBuilder<IciInterruption>();
        double charge = 0;
        for (int r = 0; r < runs.Count; r++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            CurrentRun run = runs[r];
            if (run.Sign != 0)
            {
                // I·(switch-off − switch-on), as for GITT pulses.
                double on = CurrentRuns.StepStart(recording, run.Start);
                double stop = r + 1 < runs.Count ? CurrentRuns.StepStart(recording, runs[r + 1].Start) : time[run.End - 1];
                charge += TensorPrimitives.Sum(current[run.Start..run.End]) / (run.End - run.Start) * (stop - on) / 3600;
                continue;
            }

            if (r == 0 || runs[r - 1].Sign == 0)
            {
                continue;
            }

            CurrentRun before = runs[r - 1];
            double amperes = TensorPrimitives.Sum(current[before.Start..before.End]) / (before.End - before.Start);
            double off = CurrentRuns.StepStart(recording, run.Start);
            double end = r + 1 < runs.Count ? CurrentRuns.StepStart(recording, runs[r + 1].Start) : time[run.End - 1];
            double e0 = voltage[before.End - 1];
            Measurement? slope = CurrentSlope(time, voltage, before, options.CurrentSlopeFraction);
            double drift = options.SubtractCurrentSlope && slope is { } sl ? sl.Value : 0;
            double currentSeconds = off - CurrentRuns.StepStart(recording, before.Start);
            FitResult? fit = SquareRootLine.Fit(time, voltage, run.Start, run.End, off, options.WindowStartSeconds, options.WindowEndSeconds, e0, drift, "VoltageStep");
            GittConcerns concerns = fit is null ? GittConcerns.TooFewPoints : GittConcerns.None;
            Measurement? resistance = null, k = null, d = null, titration = null;
            if (fit is not null)
            {
                ParameterEstimate a = fit.Parameters[0], b = fit.Parameters[1];
                resistance = new Measurement(-a.Value / amperes, a.StandardError / Math.Abs(amperes));
                k = new Measurement(-b.Value / amperes, b.StandardError / Math.Abs(amperes));
                concerns |= fit.Statistics.RSquared >= options.MinimumRSquared ? GittConcerns.None : GittConcerns.NonlinearSquareRoot;
                concerns |= k.Value.Value > 0 ? GittConcerns.None : GittConcerns.OppositeSigns;
                // The titration's slope: how far E_I moved per second of current since the previous interruption
                // (at the periodic steady state that is U′·dx/dt exactly, where the segment's own slope still carries
                // the recovery from the last interruption). Its uncertainty: two readings of the fit's scatter.
                if (found.Count > 0 && found[^1].EndRow == before.Start && currentSeconds > 0)
                {
                    double noise = fit.Statistics.DegreesOfFreedom > 0 && double.IsFinite(fit.Statistics.ResidualStandardError) ? fit.Statistics.ResidualStandardError : 0;
                    titration = new Measurement((e0 - found[^1].VoltageBefore) / currentSeconds, Math.Sqrt(2) * noise / currentSeconds);
                }

                if (titration is not { } now || found[^1].TitrationVoltageSlope is not { } previous || !(Math.Abs(now.Value - previous.Value) <= options.MaximumSlopeChange * Math.Abs(now.Value)))
                {
                    concerns |= GittConcerns.UnsteadyTitration;
                }

                if (options.DiffusionLengthMetres is { } length && titration is { } ts && k.Value.Value > 0 && ts.Value * amperes > 0)
                {
                    d = WeppnerHuggins.FromSquareRootSlope(length, new Measurement(Math.Abs(ts.Value), ts.StandardUncertainty), new Measurement(Math.Abs(b.Value), b.StandardError));
                }
            }

            found.Add(new IciInterruption
            {
                Index = found.Count,
                StartRow = run.Start,
                EndRow = run.End,
                StartTime = off,
                DurationSeconds = end - off,
                CurrentAmperes = amperes,
                VoltageBefore = e0,
                CumulativeChargeAmpereHours = charge,
                RelaxationFit = fit,
                ResistanceOhms = resistance,
                DiffusionResistance = k,
                SegmentVoltageSlope = slope,
                TitrationVoltageSlope = titration,
                DiffusionCoefficient = d,
                Concerns = concerns,
            });
        }

        ImmutableArray<string> warnings = found.Count == 0 ? [$"no interruption of a current was found (rest threshold {rest:G3} A)"] : [];
        return new IciTitration(recording.SourceName, found.ToImmutable(), rest, warnings, options);
    }

    /// <summary>dE/dt (V/s) with its standard error over the trailing fraction of a current segment; null with fewer than three rows.</summary>
    private static Measurement? CurrentSlope(ReadOnlySpan<double> time, ReadOnlySpan<double> voltage, CurrentRun segment, double fraction)
    {
        double from = time[segment.End - 1] - (fraction * (time[segment.End - 1] - time[segment.Start]));
        int first = segment.End - 1;
        while (first > segment.Start && time[first - 1] >= from)
        {
            first--;
        }

        if (segment.End - first < 3 || !(time[segment.End - 1] > time[first]))
        {
            return null;
        }

        ParameterEstimate slope = LinearLeastSquares.FitLine(time[first..segment.End], voltage[first..segment.End]).Parameters[1];
        return new Measurement(slope.Value, slope.StandardError);
    }
}
