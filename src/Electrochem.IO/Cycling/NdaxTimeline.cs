using System.Globalization;
using System.Runtime.InteropServices;

namespace Electrochem.IO.Cycling;

/// <summary>
/// Puts Neware's sparse run information onto every main-data record of a version 17 <c>.ndax</c>: each record's step
/// (from the step file's first records), step time (the run information's where it has a record for it, else linear
/// between its records of the same step, a step's start at 0 and its end at the next step's start, and after the last
/// record of the test by its record interval), test time (the step's start plus the step time) and the step's
/// capacities and energies (the stored values where stored, else integrated from the previous row with the row's
/// current and voltage, as the instrument accumulates them). Every row says whether its values were stored.
/// </summary>
internal sealed class NdaxTimeline
{
    private NdaxTimeline(int rows)
    {
        Step = new int[rows];
        StepTime = new double[rows];
        TestTime = new double[rows];
        ChargeCapacity = new double[rows];
        DischargeCapacity = new double[rows];
        ChargeEnergy = new double[rows];
        DischargeEnergy = new double[rows];
        Stored = new double[rows];
    }

    /// <summary>The step of each row: its position in the step file, from 0.</summary>
    internal int[] Step { get; }

    internal double[] StepTime { get; }

    internal double[] TestTime { get; }

    internal double[] ChargeCapacity { get; }

    internal double[] DischargeCapacity { get; }

    internal double[] ChargeEnergy { get; }

    internal double[] DischargeEnergy { get; }

    /// <summary>1 where the run information holds the row (time, capacities and energies as stored), 0 where they were derived.</summary>
    internal double[] Stored { get; }

    /// <summary>Builds the timeline; a problem the data cannot be placed around is a <see cref="DataFileException"/>.</summary>
    internal static NdaxTimeline Build(string source, IReadOnlyList<NdaxStep> steps, IReadOnlyList<NdaxRunInfo> runInfo, ReadOnlySpan<double> voltage, ReadOnlySpan<double> current, List<string> notes)
    {
        int n = voltage.Length;
        var t = new NdaxTimeline(n);
        if (steps.Count == 0)
        {
            throw Fail(source, "the step file 'data_step.ndc' lists no steps, so no record can be placed in a step");
        }

        if (steps[0].FirstIndex != 1)
        {
            throw Fail(source, $"the step file's first step starts at record {steps[0].FirstIndex}, not at record 1");
        }

        int used = steps.Count;
        for (int s = 1; s < steps.Count; s++)
        {
            if (steps[s].FirstIndex <= steps[s - 1].FirstIndex || steps[s].StartMilliseconds < steps[s - 1].StartMilliseconds)
            {
                throw Fail(source, $"the step file's step {s + 1} starts at record {steps[s].FirstIndex} and {Number(steps[s].StartMilliseconds / 1000)} s, not after step {s} (record {steps[s - 1].FirstIndex}, {Number(steps[s - 1].StartMilliseconds / 1000)} s)");
            }

            if (steps[s].FirstIndex > n && used == steps.Count)
            {
                used = s;
            }
        }

        if (used < steps.Count)
        {
            notes.Add($"the step file lists {steps.Count - used} steps starting after the last of the {n} main-data records; they hold no data");
        }

        // Anchors: run-information records by row, the first of duplicates kept.
        int[] anchor = new int[n];
        anchor.AsSpan().Fill(-1);
        long previous = 0;
        int duplicates = 0;
        int positiveInterval = 0;
        for (int k = 0; k < runInfo.Count; k++)
        {
            NdaxRunInfo r = runInfo[k];
            if (r.Index < 1 || r.Index > n)
            {
                throw Fail(source, $"run-information record {k + 1} belongs to main-data record {r.Index}, but the main data hold records 1 to {n}");
            }

            if (r.Step < 1 || r.Step > used)
            {
                throw Fail(source, $"run-information record {k + 1} (main-data record {r.Index}) names step {r.Step}, but the step file lists steps 1 to {used}");
            }

            if (r.Index < previous)
            {
                throw Fail(source, $"run-information record {k + 1} belongs to main-data record {r.Index}, before the previous record's {previous}; the records are out of order");
            }

            if (!double.IsFinite(r.ChargeAh) || !double.IsFinite(r.DischargeAh) || !double.IsFinite(r.ChargeWh) || !double.IsFinite(r.DischargeWh) || r.StepTimeMilliseconds < 0)
            {
                throw Fail(source, $"run-information record {k + 1} (main-data record {r.Index}) holds a negative step time or a capacity or energy that is not a number");
            }

            if (r.Index == previous)
            {
                duplicates++;
                continue;
            }

            previous = r.Index;
            anchor[r.Index - 1] = k;
            positiveInterval = r.IntervalMilliseconds > 0 ? r.IntervalMilliseconds : positiveInterval;
        }

        if (duplicates > 0)
        {
            notes.Add($"{duplicates} run-information records repeat the main-data record of the record before them; the first of each is used");
        }

        int mismatched = 0;
        for (int s = 0; s < used; s++)
        {
            int a = (int)steps[s].FirstIndex - 1;
            int b = s + 1 < used ? (int)steps[s + 1].FirstIndex - 1 : n;
            double? end = s + 1 < used ? steps[s + 1].StartMilliseconds - steps[s].StartMilliseconds : null;
            mismatched += Place(t, s, a, b, end, steps[s].StartMilliseconds, runInfo, anchor, positiveInterval, voltage, current, source);
        }

        if (mismatched > 0)
        {
            notes.Add($"{mismatched} run-information records name a different step than the step file places their main-data record in; the step file's step is used");
        }

        int stored = n - anchor.AsSpan().Count(-1);
        if (stored < n)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"the run information holds time, capacities and energies for {stored} of the {n} main-data records; for the other {n - stored} the step time is interpolated within the step (or continued by the record interval after the last stored record) and the capacities and energies are integrated from the previous row's with the row's current and voltage (column 'runInfo Record' is 1 where stored)"));
        }

        return t;
    }

    /// <summary>Fills the rows <paramref name="a"/> to <paramref name="b"/> of step <paramref name="s"/>; returns the run-information records naming another step.</summary>
    private static int Place(NdaxTimeline t, int s, int a, int b, double? end, double start, IReadOnlyList<NdaxRunInfo> runInfo, int[] anchor, int positiveInterval, ReadOnlySpan<double> voltage, ReadOnlySpan<double> current, string source)
    {
        int mismatched = 0;
        int interval = positiveInterval;
        var points = new List<(int Row, double Ms)>();
        for (int r = a; r < b; r++)
        {
            if (anchor[r] >= 0)
            {
                NdaxRunInfo info = runInfo[anchor[r]];
                mismatched += info.Step != s + 1 ? 1 : 0;
                points.Add((r, info.StepTimeMilliseconds));
                interval = info.IntervalMilliseconds > 0 ? info.IntervalMilliseconds : interval;
            }
        }

        if (points.Count == 0 || points[0].Row != a)
        {
            points.Insert(0, (a, 0));
        }

        if (end is { } e && points[^1].Row != b - 1 && e >= points[^1].Ms)
        {
            points.Add((b - 1, e));
        }

        ReadOnlySpan<(int Row, double Ms)> knots = CollectionsMarshal.AsSpan(points);
        Span<int> stepOf = t.Step.AsSpan(a, b - a);
        Span<double> stepTime = t.StepTime.AsSpan(a, b - a);
        Span<double> testTime = t.TestTime.AsSpan(a, b - a);
        int p = 0;
        for (int r = a; r < b; r++)
        {
            while (p + 1 < knots.Length && knots[p + 1].Row <= r)
            {
                p++;
            }

            double ms;
            if (p + 1 < knots.Length)
            {
                (int r0, double m0) = knots[p];
                (int r1, double m1) = knots[p + 1];
                ms = m0 + ((m1 - m0) * (r - r0) / (r1 - r0));
            }
            else if (r == knots[p].Row)
            {
                ms = knots[p].Ms;
            }
            else if (interval > 0)
            {
                ms = knots[p].Ms + ((double)interval * (r - knots[p].Row));
            }
            else
            {
                throw Fail(source, $"the main-data records after record {knots[p].Row + 1} cannot be placed in time: the run information states no record interval");
            }

            stepOf[r - a] = s;
            stepTime[r - a] = ms / 1000;
            testTime[r - a] = (start + ms) / 1000;
        }

        double[] times = t.StepTime;
        double[] chargeCapacity = t.ChargeCapacity, dischargeCapacity = t.DischargeCapacity, chargeEnergy = t.ChargeEnergy, dischargeEnergy = t.DischargeEnergy;
        double cc = 0, dc = 0, ce = 0, de = 0;
        for (int r = a; r < b; r++)
        {
            if (anchor[r] >= 0)
            {
                NdaxRunInfo info = runInfo[anchor[r]];
                (cc, dc, ce, de) = (PrintedSingle.Widen(info.ChargeAh), PrintedSingle.Widen(info.DischargeAh), PrintedSingle.Widen(info.ChargeWh), PrintedSingle.Widen(info.DischargeWh));
                t.Stored[r] = 1;
            }
            else if (r > a)
            {
                double hours = (times[r] - times[r - 1]) / 3600;
                double i = current[r];
                if (i > 0)
                {
                    cc += i * hours;
                    ce += Math.Abs(i * voltage[r]) * hours;
                }
                else if (i < 0)
                {
                    dc -= i * hours;
                    de += Math.Abs(i * voltage[r]) * hours;
                }
            }

            chargeCapacity[r] = cc;
            dischargeCapacity[r] = dc;
            chargeEnergy[r] = ce;
            dischargeEnergy[r] = de;
        }

        return mismatched;
    }

    private static DataFileException Fail(string source, string problem) => new(source, 1, problem);

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
