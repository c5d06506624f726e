using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using Electrochem.Cycling;
using Electrochem.IO.Cycling;

namespace Electrochem.Benchmarks;

/// <summary>
/// Reading a generated Arbin-style CSV export (15 numeric columns, ≈ 105 MB, 700 000 rows, values written with
/// round-trip precision as Arbin's software does) into columns: the naive reader a script would write
/// (<c>File.ReadLines</c> + <c>string.Split</c> + <c>double.Parse</c> into lists; the baseline) vs
/// <c>CyclerFile.Read</c> (format detection, unit conversion, validation, Sep + csFastFloat parsing into pooled
/// chunks). Both run on one thread. Throughput = file size / mean time.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class CyclerCsvReading
{
    private const int Columns = 15;
    private string _path = string.Empty;

    [Params(700_000)]
    public int Rows { get; set; }

    public long FileBytes => new FileInfo(_path).Length;

    [GlobalSetup]
    public void Setup()
    {
        _path = Path.Combine(Path.GetTempPath(), $"electrochem-bench-arbin-{Rows}.csv");
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

    [Benchmark(Description = "Electrochem CyclerFile.Read")]
    public double Electrochem()
    {
        CyclerRecording recording = CyclerFile.Read(_path);
        return recording.Voltage.Values[^1];
    }
}
