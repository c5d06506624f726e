using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using Electrochem.Cycling;
using Electrochem.IO.Cycling;
using nietras.SeparatedValues;

namespace Electrochem.Benchmarks;

/// <summary>
/// Reading a generated Arbin-style CSV export (15 numeric columns, 1 000 000 rows, ≈ 110 MB, values written as
/// Arbin's software writes them) into columns: the naive reader a script would write
/// (<c>File.ReadLines</c> + <c>string.Split</c> + <c>double.Parse</c> into lists; the baseline) vs
/// <c>CyclerFile.Read</c> (format detection, unit conversion, validation, Sep + csFastFloat parsing into columns), on
/// one thread and with its default of one thread per processor (the file cut into parts at line feeds). Throughput =
/// file size / mean time.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Jobs))]
public class CyclerCsvReading
{
    private const int Columns = 15;
    private string _path = string.Empty;

    [Params(1_000_000)]
    public int Rows { get; set; }

    public long FileBytes => new FileInfo(_path).Length;

    [GlobalSetup]
    public void Setup()
    {
        _path = Path.Combine(Path.GetTempPath(), $"electrochem-bench-arbin-v2-{Rows}.csv");
        if (!File.Exists(_path))
        {
            SyntheticData.WriteArbinCsv(_path, Rows);
        }

        Console.WriteLine($"// {_path}: {new FileInfo(_path).Length / 1e6:F1} MB, {Rows} rows, {Columns} numeric columns");
    }

    [Benchmark(Baseline = true, Description = "Naive ReadLines + Split + double.Parse")]
    public double Naive()
    {
        var columns = new List<double>[Columns];
        for (int c = 0; c < Columns; c++)
        {
            columns[c] = [];
        }

        bool header = true;
        foreach (string line in File.ReadLines(_path))
        {
            if (header)
            {
                header = false;
                continue;
            }

            string[] fields = line.Split(',');
            for (int c = 0; c < Columns; c++)
            {
                columns[c].Add(double.Parse(fields[c], CultureInfo.InvariantCulture));
            }
        }

        return columns[7][^1];
    }

    [Benchmark(Description = "Sep alone: parse every field, keep nothing (lower bound)")]
    public double SepAlone()
    {
        double sum = 0;
        using SepReader reader = Sep.New(',').Reader(o => o with { HasHeader = true }).FromFile(_path);
        foreach (SepReader.Row row in reader)
        {
            for (int c = 0; c < Columns; c++)
            {
                sum += row[c].Parse<double>();
            }
        }

        return sum;
    }

    [Benchmark(Description = "Sep, parse every field into fresh arrays (floor for keeping the values)")]
    public double SepIntoArrays()
    {
        var columns = new double[Columns][];
        for (int c = 0; c < Columns; c++)
        {
            columns[c] = GC.AllocateUninitializedArray<double>(Rows);
        }

        int i = 0;
        using SepReader reader = Sep.New(',').Reader(o => o with { HasHeader = true }).FromFile(_path);
        foreach (SepReader.Row row in reader)
        {
            for (int c = 0; c < Columns; c++)
            {
                columns[c][i] = row[c].Parse<double>();
            }

            i++;
        }

        return columns[7][^1];
    }

    [Benchmark(Description = "Electrochem CyclerFile.Read, one thread")]
    public double ElectrochemOneThread()
    {
        CyclerRecording recording = CyclerFile.Read(_path, new CyclerReadOptions { MaxDegreeOfParallelism = 1 });
        return recording.Voltage.Values[^1];
    }

    [Benchmark(Description = "Electrochem CyclerFile.Read, default (one thread per processor)")]
    public double Electrochem()
    {
        CyclerRecording recording = CyclerFile.Read(_path);
        return recording.Voltage.Values[^1];
    }

    /// <summary>
    /// 10 warm-ups and 10 iterations (ShortRun's 3 warm-ups leave a 0.3 s operation short of steady state), with
    /// BenchmarkDotNet's full collection after every operation, so the columns land in pages the process has not
    /// touched yet — as in a process that reads one file.
    /// </summary>
    private sealed class Jobs : ManualConfig
    {
        public Jobs()
        {
            Job steady = Job.Default.WithLaunchCount(1).WithWarmupCount(10).WithIterationCount(10);
            AddJob(steady.WithId("fresh-memory"));
        }
    }
}
