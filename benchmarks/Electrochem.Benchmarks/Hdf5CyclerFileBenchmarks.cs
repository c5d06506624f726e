using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using Electrochem.IO.Cycling;
using PureHDF;

namespace Electrochem.Benchmarks;

/// <summary>
/// The HDF5 reader (issue #12 §5) on a generated pandas frame in the fixed layout (what cellpy and beep write:
/// <c>axis0</c>, <c>axis1</c>, one <c>block0_items</c> / <c>block0_values</c> pair of doubles), 1,000,000 records ×
/// 9 Arbin columns (72 MB), one thread, beside the same records read from their CSV export in the same run.
/// Throughput = file bytes / mean time.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ArchiveReadingConfig))]
public class Hdf5CyclerFileReading
{
    private const int Rows = 1_000_000;

    private static readonly string[] Names = ["Data_Point", "Test_Time", "Step_Time", "Step_Index", "Cycle_Index", "Current", "Voltage", "Charge_Capacity", "Discharge_Capacity"];

    private static readonly CyclerReadOptions OneThread = new() { MaxDegreeOfParallelism = 1 };

    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"electrochem-hdf5-bench-{Environment.ProcessId}");

    private string Hdf5Path => Path.Combine(_folder, "generated.h5");

    private string CsvPath => Path.Combine(_folder, "generated.csv");

    [GlobalSetup]
    public void Setup()
    {
        Directory.CreateDirectory(_folder);
        double[,] values = Records();
        var frame = new H5Group
        {
            ["axis0"] = Names,
            ["axis1"] = Enumerable.Range(0, Rows).Select(i => (long)i).ToArray(),
            ["block0_items"] = Names,
            ["block0_values"] = values,
        };
        frame.Attributes = new() { ["pandas_type"] = "frame" };
        new H5File { ["data"] = frame }.Write(Hdf5Path);

        using var csv = new StreamWriter(CsvPath, false, new UTF8Encoding(false), 1 << 20);
        csv.WriteLine(string.Join(',', Names));
        var line = new StringBuilder();
        for (int r = 0; r < Rows; r++)
        {
            line.Clear();
            for (int c = 0; c < Names.Length; c++)
            {
                line.Append(c == 0 ? string.Empty : ",").Append(values[r, c].ToString("R", CultureInfo.InvariantCulture));
            }

            csv.WriteLine(line);
        }
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_folder, recursive: true);

    [Benchmark(Baseline = true, Description = "generated Arbin CSV export (1,000,000 records), CyclerFile.Read")]
    public int Csv() => CyclerFile.Read(CsvPath, OneThread).RowCount;

    [Benchmark(Description = "generated HDF5 pandas frame, fixed layout (1,000,000 records, 72 MB), CyclerFile.Read")]
    public int Hdf5() => CyclerFile.Read(Hdf5Path, OneThread).RowCount;

    /// <summary>Constant-current cycles of 1 s records: time, step and cycle counters, current, voltage, capacities.</summary>
    private static double[,] Records()
    {
        double[,] values = new double[Rows, Names.Length];
        double charge = 0;
        double discharge = 0;
        for (int r = 0; r < Rows; r++)
        {
            int cycle = r / 7200;
            int inCycle = r % 7200;
            bool charging = inCycle < 3600;
            double current = charging ? 1.5 : -1.5;
            if (inCycle == 0)
            {
                (charge, discharge) = (0, 0);
            }

            charge += charging ? 1.5 / 3600 : 0;
            discharge += charging ? 0 : 1.5 / 3600;
            values[r, 0] = r + 1;
            values[r, 1] = r * 1.000113;
            values[r, 2] = (inCycle % 3600) * 1.000113;
            values[r, 3] = charging ? 1 : 2;
            values[r, 4] = cycle + 1;
            values[r, 5] = current * (1 + (1e-4 * Math.Sin(r)));
            values[r, 6] = 3.6 + (0.5 * (charging ? inCycle : 7200 - inCycle) / 3600.0) + (1e-4 * Math.Cos(r));
            values[r, 7] = charge;
            values[r, 8] = discharge;
        }

        return values;
    }
}
