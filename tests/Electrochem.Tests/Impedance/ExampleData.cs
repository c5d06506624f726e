using System.Globalization;
using Electrochem.Impedance;

namespace Electrochem.Tests.Impedance;

/// <summary>impedance.py's exampleData.csv (f in Hz, Z′, Z″ in Ω; no header), read inline.</summary>
internal static class ExampleData
{
    /// <summary>Every point of the file.</summary>
    public static ImpedanceSpectrum All { get; } = Read();

    /// <summary>The points with Z″ &lt; 0, as impedance.py's <c>ignoreBelowX</c> keeps them (its tests fit these).</summary>
    public static ImpedanceSpectrum Capacitive { get; } = All.WithoutInductivePoints();

    private static ImpedanceSpectrum Read()
    {
        var f = new List<double>();
        var re = new List<double>();
        var im = new List<double>();
        foreach (string line in File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Data", "impedancepy", "exampleData.csv")))
        {
            string[] cells = line.Split(',');
            if (cells.Length != 3)
            {
                continue;
            }

            f.Add(double.Parse(cells[0], CultureInfo.InvariantCulture));
            re.Add(double.Parse(cells[1], CultureInfo.InvariantCulture));
            im.Add(double.Parse(cells[2], CultureInfo.InvariantCulture));
        }

        return new ImpedanceSpectrum([.. f], [.. re], [.. im]);
    }
}
