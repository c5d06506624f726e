using System.Globalization;
using System.Numerics.Tensors;
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
    private NdaxTimeline(int rows, int[] firstRows)
    {
        FirstRows = firstRows;
        StepTime = GC.AllocateUninitializedArray<double>(rows);
        TestTime = GC.AllocateUninitializedArray<double>(rows);
        ChargeCapacity = GC.AllocateUninitializedArray<double>(rows);
        DischargeCapacity = GC.AllocateUninitializedArray<double>(rows);
        ChargeEnergy = GC.AllocateUninitializedArray<double>(rows);
        DischargeEnergy = GC.AllocateUninitializedArray<double>(rows);
        Stored = GC.AllocateUninitializedArray<double>(rows);
    }

    /// <summary>The first row of each step that holds rows (its position in the step file, from 0), then the row count: step <c>s</c> holds rows <c>FirstRows[s]</c> to <c>FirstRows[s + 1]</c> − 1.</summary>
    internal int[] FirstRows { get; }

    /// <summary>The steps that hold rows: the first <see cref="StepCount"/> of the step file.</summary>
    internal int StepCount => FirstRows.Length - 1;

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

        // Anchors: the run-information records used, in row order (the first of duplicates kept).
        var anchors = new List<NdaxRunInfo>(runInfo.Count);
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
            anchors.Add(r);
            positiveInterval = r.IntervalMilliseconds > 0 ? r.IntervalMilliseconds : positiveInterval;
        }

        if (duplicates > 0)
        {
            notes.Add($"{duplicates} run-information records repeat the main-data record of the record before them; the first of each is used");
        }

        int[] firstRows = new int[used + 1];
        for (int s = 0; s < used; s++)
        {
            firstRows[s] = (int)steps[s].FirstIndex - 1;
        }

        firstRows[used] = n;
        var t = new NdaxTimeline(n, firstRows);
        ReadOnlySpan<NdaxRunInfo> stored = CollectionsMarshal.AsSpan(anchors);
        var knots = new List<(int Row, double Ms)>();
        int mismatched = 0;
        int next = 0;
        for (int s = 0; s < used; s++)
        {
            int a = firstRows[s], b = firstRows[s + 1];
            int count = 0;
            while (next + count < stored.Length && stored[next + count].Index <= b)
            {
                count++;
            }

            double? end = s + 1 < used ? steps[s + 1].StartMilliseconds - steps[s].StartMilliseconds : null;
            mismatched += Place(t, s, a, b, end, steps[s].StartMilliseconds, stored.Slice(next, count), knots, positiveInterval, voltage, current, source);
            next += count;
        }

        if (mismatched > 0)
        {
            notes.Add($"{mismatched} run-information records name a different step than the step file places their main-data record in; the step file's step is used");
        }

        if (stored.Length < n)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"the run information holds time, capacities and energies for {stored.Length} of the {n} main-data records; for the other {n - stored.Length} the step time is interpolated within the step (or continued by the record interval after the last stored record) and the capacities and energies are integrated from the previous row's with the row's current and voltage (column 'runInfo Record' is 1 where stored)"));
        }

        return t;
    }

    /// <summary>
    /// Fills the rows <paramref name="a"/> to <paramref name="b"/> of step <paramref name="s"/> from its run-information
    /// records <paramref name="anchors"/> (in row order, all within the step's rows); returns those naming another step.
    /// <paramref name="knots"/> is working room, reused from step to step.
    /// </summary>
    private static int Place(NdaxTimeline t, int s, int a, int b, double? end, double start, ReadOnlySpan<NdaxRunInfo> anchors, List<(int Row, double Ms)> knots, int positiveInterval, ReadOnlySpan<double> voltage, ReadOnlySpan<double> current, string source)
    {
        int mismatched = 0;
        int interval = positiveInterval;
        knots.Clear();
        if (anchors.IsEmpty || anchors[0].Index - 1 != a)
        {
            knots.Add((a, 0));
        }

        foreach (NdaxRunInfo info in anchors)
        {
            mismatched += info.Step != s + 1 ? 1 : 0;
            knots.Add(((int)info.Index - 1, info.StepTimeMilliseconds));
            interval = info.IntervalMilliseconds > 0 ? info.IntervalMilliseconds : interval;
        }

        if (end is { } e && knots[^1].Row != b - 1 && e >= knots[^1].Ms)
        {
            knots.Add((b - 1, e));
        }

        // Step time in milliseconds, linear between knots, then by the record interval after the last.
        Span<double> stepTime = t.StepTime.AsSpan(a, b - a);
        ReadOnlySpan<(int Row, double Ms)> k = CollectionsMarshal.AsSpan(knots);
        for (int p = 0; p + 1 < k.Length; p++)
        {
            (int r0, double m0) = k[p];
            (int r1, double m1) = k[p + 1];
            double rise = m1 - m0;
            double run = r1 - r0;
            Span<double> segment = stepTime.Slice(r0 - a, r1 - r0);
            for (int j = 0; j < segment.Length; j++)
            {
                segment[j] = m0 + (rise * j / run);
            }
        }

        (int last, double lastMs) = k[^1];
        stepTime[last - a] = lastMs;
        if (last + 1 < b && interval <= 0)
        {
            throw Fail(source, $"the main-data records after record {last + 1} cannot be placed in time: the run information states no record interval");
        }

        for (int r = last + 1; r < b; r++)
        {
            stepTime[r - a] = lastMs + ((double)interval * (r - last));
        }

        // Seconds: test time from the same milliseconds, then step time (exact IEEE operations, vectorised).
        Span<double> testTime = t.TestTime.AsSpan(a, b - a);
        TensorPrimitives.Add(stepTime, start, testTime);
        TensorPrimitives.Divide(testTime, 1000, testTime);
        TensorPrimitives.Divide(stepTime, 1000, stepTime);

        Integrate(t, a, b, anchors, voltage, current);
        return mismatched;
    }

    /// <summary>Capacities and energies of the rows <paramref name="a"/> to <paramref name="b"/> of one step: stored at its anchors, integrated from the row before elsewhere (from 0 at the step's start).</summary>
    private static void Integrate(NdaxTimeline t, int a, int b, ReadOnlySpan<NdaxRunInfo> anchors, ReadOnlySpan<double> voltage, ReadOnlySpan<double> current)
    {
        int length = b - a;
        ReadOnlySpan<double> times = t.StepTime.AsSpan(a, length);
        ReadOnlySpan<double> v = voltage.Slice(a, length);
        ReadOnlySpan<double> c = current.Slice(a, length);
        Span<double> chargeCapacity = t.ChargeCapacity.AsSpan(a, length), dischargeCapacity = t.DischargeCapacity.AsSpan(a, length);
        Span<double> chargeEnergy = t.ChargeEnergy.AsSpan(a, length), dischargeEnergy = t.DischargeEnergy.AsSpan(a, length);
        Span<double> stored = t.Stored.AsSpan(a, length);
        stored.Clear();
        double cc = 0, dc = 0, ce = 0, de = 0;
        int nextAnchor = 0;
        int anchorRow = anchors.IsEmpty ? -1 : (int)anchors[0].Index - 1 - a;
        for (int r = 0; r < length; r++)
        {
            if (r == anchorRow)
            {
                NdaxRunInfo info = anchors[nextAnchor++];
                (cc, dc, ce, de) = (PrintedSingle.Widen(info.ChargeAh), PrintedSingle.Widen(info.DischargeAh), PrintedSingle.Widen(info.ChargeWh), PrintedSingle.Widen(info.DischargeWh));
                stored[r] = 1;
                anchorRow = nextAnchor < anchors.Length ? (int)anchors[nextAnchor].Index - 1 - a : -1;
            }
            else if (r > 0)
            {
                double hours = (times[r] - times[r - 1]) / 3600;
                double i = c[r];
                if (i > 0)
                {
                    cc += i * hours;
                    ce += Math.Abs(i * v[r]) * hours;
                }
                else if (i < 0)
                {
                    dc -= i * hours;
                    de += Math.Abs(i * v[r]) * hours;
                }
            }

            chargeCapacity[r] = cc;
            dischargeCapacity[r] = dc;
            chargeEnergy[r] = ce;
            dischargeEnergy[r] = de;
        }
    }

    private static DataFileException Fail(string source, string problem) => new(source, 1, problem);

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
