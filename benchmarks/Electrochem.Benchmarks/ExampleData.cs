using System.Globalization;
using Electrochem.Impedance;

namespace Electrochem.Benchmarks;

/// <summary>impedance.py's exampleData.csv (f, Z′, Z″; no header), copied beside the benchmark.</summary>
internal static class ExampleData
{
    public static ImpedanceSpectrum Read()
    {
        var rows = File.ReadLines(Path.Combine(AppContext.BaseDirectory, "exampleData.csv"))
            .Select(line => line.Split(','))
            .Where(cells => cells.Length == 3)
            .Select(cells => cells.Select(c => double.Parse(c, CultureInfo.InvariantCulture)).ToArray())
            .ToList();
        return new ImpedanceSpectrum([.. rows.Select(r => r[0])], [.. rows.Select(r => r[1])], [.. rows.Select(r => r[2])]);
    }
}
