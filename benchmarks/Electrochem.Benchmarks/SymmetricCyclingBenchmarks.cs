using BenchmarkDotNet.Attributes;
using Electrochem.Cycling;

namespace Electrochem.Benchmarks;

/// <summary>
/// A 1,000,000-point Li‖Li record (2,000 h of 1 h half-cycles at ±0.1 mA, a sample every 7.2 s, shorted from 1,500 h)
/// analysed: <c>SymmetricCycling.Analyse</c> (half-cycles, plateau, peak, end, scatter about a line, polarity,
/// capacities, the three short criteria against the preceding ten) vs the script a researcher writes (the baseline:
/// rows grouped into half-cycles with LINQ, the plateau as the median |V| of the middle half by sorting, and a short
/// when the plateau halves against the previous one).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 5, iterationCount: 10)]
public class SymmetricCyclingAnalysing
{
    private CyclerRecording _recording = null!;
    private double[] _time = [];
    private double[] _current = [];
    private double[] _voltage = [];

    [GlobalSetup]
    public void Setup()
    {
        const int n = 1_000_000;
        var random = new Random(5);
        _time = new double[n];
        _current = new double[n];
        _voltage = new double[n];
        for (int k = 0; k < n; k++)
        {
            double t = k * 7.2;
            int half = (int)(t / 3600);
            double amps = half % 2 == 0 ? 1e-4 : -1e-4;
            double since = t - (half * 3600);
            double eta = t >= 1500 * 3600 ? 2e-4 + (0.003 * ((2 * random.NextDouble()) - 1)) : (0.05 * (1 + (0.3 * Math.Exp(-since / 300)))) + (0.0002 * ((2 * random.NextDouble()) - 1));
            _time[k] = t;
            _current[k] = amps;
            _voltage[k] = Math.Sign(amps) * eta;
        }

        _recording = CyclerRecording.Create("Li‖Li", "benchmark", RecordingMetadata.Empty, [
            new RecordingColumn("t", RecordingQuantity.TestTime, "s", _time, ColumnOrigin.AsWritten("t", "s")),
            new RecordingColumn("I", RecordingQuantity.Current, "A", _current, ColumnOrigin.AsWritten("I", "A")),
            new RecordingColumn("V", RecordingQuantity.Voltage, "V", _voltage, ColumnOrigin.AsWritten("V", "V"))]);
    }

    [Benchmark(Baseline = true, Description = "script: LINQ half-cycles, sorted median plateau")]
    public double Script()
    {
        var halves = new List<List<int>>();
        int previous = 0;
        foreach (int k in Enumerable.Range(0, _time.Length))
        {
            int sign = Math.Sign(_current[k]);
            if (halves.Count == 0 || sign != previous)
            {
                halves.Add([]);
                previous = sign;
            }

            halves[^1].Add(k);
        }

        double[] plateaus = [.. halves.Select(h => h.Skip(h.Count / 4).Take(h.Count / 2).Select(k => Math.Abs(_voltage[k])).OrderBy(v => v).ElementAt(h.Count / 4))];
        int shortAt = Enumerable.Range(1, plateaus.Length - 1).FirstOrDefault(k => plateaus[k] < 0.5 * plateaus[k - 1]);
        return _time[halves[shortAt][0]] / 3600;
    }

    [Benchmark(Description = "SymmetricCycling.Analyse (all measures, three criteria)")]
    public double Library() => SymmetricCycling.Analyse(_recording).FirstShort!.Hours;
}
