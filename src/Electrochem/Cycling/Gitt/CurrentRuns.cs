using System.Numerics.Tensors;

namespace Electrochem.Cycling;

/// <summary>A run of rows of one state: current of one sign (±1) or rest (0), rows [Start, End).</summary>
internal readonly record struct CurrentRun(int Start, int End, int Sign);

/// <summary>
/// Cuts a recording into runs of current and rest for the titration analyses (GITT, ICI): |I| at or below the rest
/// threshold is rest; a current run also ends where the step index changes; a current run of fewer than the minimum
/// rows between rests is noise in the rest; neighbouring rests merge.
/// </summary>
internal static class CurrentRuns
{
    /// <summary>5 % of the typical current: the mean |I| of the rows carrying at least 1 % of the largest |I| (one pass, no allocation), so that pulses of currents 100× apart are all pulses.</summary>
    internal static double DefaultRestCurrent(ReadOnlySpan<double> current, string source)
    {
        double largest = current.IsEmpty ? 0 : Math.Abs(TensorPrimitives.MaxMagnitude(current)); // MaxMagnitude keeps the sign
        if (!(largest > 0))
        {
            throw new ArgumentException($"{source} carries no current: there are no pulses or interruptions to analyse.", nameof(current));
        }

        double sum = 0;
        int count = 0;
        foreach (double i in current)
        {
            double magnitude = Math.Abs(i);
            if (magnitude >= 0.01 * largest)
            {
                sum += magnitude;
                count++;
            }
        }

        return 0.05 * sum / count;
    }

    internal static List<CurrentRun> Find(CyclerRecording recording, double rest, int minimumRows, out int spikes)
    {
        ReadOnlySpan<double> current = recording.Current.Values;
        ReadOnlySpan<double> step = recording.StepIndex is { } s ? s.Values : default;
        var raw = new List<CurrentRun>();
        int start = 0;
        for (int i = 1; i <= current.Length; i++)
        {
            if (i == current.Length || Sign(current[i], rest) != Sign(current[start], rest)
                || (!step.IsEmpty && Sign(current[i], rest) != 0 && !(step[i] == step[i - 1])))
            {
                raw.Add(new CurrentRun(start, i, Sign(current[start], rest)));
                start = i;
            }
        }

        // Short current runs between rests are noise; then neighbouring rests merge.
        spikes = 0;
        var runs = new List<CurrentRun>();
        for (int k = 0; k < raw.Count; k++)
        {
            CurrentRun run = raw[k];
            bool restAround = (k == 0 || raw[k - 1].Sign == 0) && (k + 1 == raw.Count || raw[k + 1].Sign == 0);
            if (run.Sign != 0 && run.End - run.Start < minimumRows && restAround && raw.Count > 1)
            {
                spikes++;
                run = run with { Sign = 0 };
            }

            if (runs.Count > 0 && run.Sign == 0 && runs[^1].Sign == 0)
            {
                runs[^1] = runs[^1] with { End = run.End };
            }
            else
            {
                runs.Add(run);
            }
        }

        return runs;
    }

    internal static int Sign(double current, double rest) => current > rest ? 1 : current < -rest ? -1 : 0;

    /// <summary>When the step that begins at <paramref name="row"/> began: its time less its step time when that is consistent, else its time.</summary>
    internal static double StepStart(CyclerRecording recording, int row) =>
        recording.TestTime.Values[row] - (HasStepStart(recording, row) ? recording.StepTime!.Values[row] : 0);

    /// <summary>True when the recording's step time at <paramref name="row"/> places the step's start within the gap since the row before.</summary>
    internal static bool HasStepStart(CyclerRecording recording, int row)
    {
        if (recording.StepTime is not { } stepTime)
        {
            return false;
        }

        ReadOnlySpan<double> time = recording.TestTime.Values;
        double since = stepTime.Values[row];
        double gap = row > 0 ? time[row] - time[row - 1] : double.PositiveInfinity;
        return since >= 0 && since <= gap * 1.001;
    }
}
