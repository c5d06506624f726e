using Electrochem.Cycling;

namespace Electrochem.Tests.Cycling;

/// <summary>How a generated instrument resets its capacity accumulators.</summary>
internal enum AccumulatorReset
{
    PerCycle,
    PerStep,
    Never,
}

/// <summary>
/// Generated galvanostatic cycling with known capacities: each cycle is a constant-current half, a rest, the other
/// half, a rest; samples every <c>interval</c> seconds plus one at each step's end (as cyclers log a step's last
/// point), voltage ramping linearly, accumulators reset as a chosen instrument would.
/// </summary>
internal sealed record SyntheticCycling(
    int Cycles,
    double Current,
    double ChargeSeconds,
    double DischargeSeconds,
    double RestSeconds,
    double Interval,
    bool ChargeFirst = true,
    AccumulatorReset Reset = AccumulatorReset.PerCycle,
    bool WithCounters = true,
    bool WithStepTime = true,
    double FadePerCycle = 0,
    Func<int, double>? DischargeCurrentOf = null)
{
    /// <summary>The discharge duration of cycle n (1-based): fading linearly.</summary>
    internal double DischargeSecondsOf(int n) => DischargeSeconds * (1 - (FadePerCycle * (n - 1)));

    internal double ExpectedCharge(int n) => Current * ChargeSeconds / 3600;

    internal double ExpectedDischarge(int n) => DischargeCurrent(n) * DischargeSecondsOf(n) / 3600;

    internal double DischargeCurrent(int n) => DischargeCurrentOf?.Invoke(n) ?? Current;

    internal CyclerRecording Build()
    {
        var t = new List<double>();
        var i = new List<double>();
        var v = new List<double>();
        var step = new List<double>();
        var cycle = new List<double>();
        var stepTime = new List<double>();
        var qc = new List<double>();
        var qd = new List<double>();
        double now = 0, accC = 0, accD = 0;
        int stepNumber = 0;
        for (int n = 1; n <= Cycles; n++)
        {
            if (Reset == AccumulatorReset.PerCycle)
            {
                (accC, accD) = (0, 0);
            }

            (double Current, double Seconds)[] halves = ChargeFirst
                ? [(Current, ChargeSeconds), (0, RestSeconds), (-DischargeCurrent(n), DischargeSecondsOf(n)), (0, RestSeconds)]
                : [(-DischargeCurrent(n), DischargeSecondsOf(n)), (0, RestSeconds), (Current, ChargeSeconds), (0, RestSeconds)];
            foreach ((double current, double seconds) in halves)
            {
                stepNumber++;
                if (Reset == AccumulatorReset.PerStep)
                {
                    (accC, accD) = (0, 0);
                }

                int samples = Math.Max(1, (int)Math.Ceiling(seconds / Interval));
                double startC = accC, startD = accD;
                for (int k = 0; k <= samples; k++)
                {
                    double since = Math.Min(k * Interval, seconds);
                    t.Add(now + since);
                    i.Add(current);
                    v.Add(current > 0 ? 3.0 + (since / seconds) : current < 0 ? 4.0 - (since / seconds) : 3.5);
                    step.Add(stepNumber);
                    cycle.Add(n);
                    stepTime.Add(since);
                    qc.Add(current > 0 ? startC + (current * since / 3600) : accC);
                    qd.Add(current < 0 ? startD + (-current * since / 3600) : accD);
                }

                accC = qc[^1];
                accD = qd[^1];
                now += seconds;
            }
        }

        var columns = new List<RecordingColumn>
        {
            Column(RecordingQuantity.TestTime, t),
            Column(RecordingQuantity.Current, i),
            Column(RecordingQuantity.Voltage, v),
            Column(RecordingQuantity.ChargeCapacity, qc),
            Column(RecordingQuantity.DischargeCapacity, qd),
        };
        if (WithCounters)
        {
            columns.Add(Column(RecordingQuantity.StepIndex, step));
            columns.Add(Column(RecordingQuantity.CycleIndex, cycle));
        }

        if (WithStepTime)
        {
            columns.Add(Column(RecordingQuantity.StepTime, stepTime));
        }

        return CyclerRecording.Create("synthetic", "generated", RecordingMetadata.Empty, columns);
    }

    internal static RecordingColumn Column(RecordingQuantity quantity, IReadOnlyList<double> values) =>
        new(RecordingQuantities.CanonicalName(quantity), quantity, RecordingQuantities.Unit(quantity), values.ToArray(), ColumnOrigin.AsWritten(quantity.ToString(), null));
}
