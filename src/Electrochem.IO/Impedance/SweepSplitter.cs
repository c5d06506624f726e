using System.Collections.Immutable;
using System.Globalization;
using Electrochem.Impedance;
using Electrochem.IO.Tables;

namespace Electrochem.IO.Impedance;

/// <summary>
/// Splits the points of an impedance file into sweeps: where a loop or cycle column (<c>cycle number</c>, <c>Ns</c>,
/// <c>loop</c>, <c>sweep</c>) changes value (not EC-Lab's <c>z cycle</c>, which Modulo Bat files increment in mid-sweep), and where the frequency restarts — a step against
/// the sweep's direction that lands closer (on a log scale) to the sweep's first frequency than to the point before.
/// Smaller steps against the direction stay in the sweep and are reported as non-monotonic.
/// </summary>
internal static class SweepSplitter
{
    /// <summary>Loop and cycle column names, in the order of preference for <see cref="ImpedanceSweep.Cycle"/> (EC-Lab's sequence number <c>Ns</c> last).</summary>
    private static readonly string[] LoopKeys = ["cyclenumber", "cycle", "cycleindex", "cycleno", "loop", "loopnumber", "sweep", "sweepnumber", "sweepindex", "ns"];
    private static readonly HashSet<string> TimeKeys = ["time", "t", "elapsedtime", "testtime", "timestamp"];
    private static readonly HashSet<string> PotentialKeys = ["ewe", "e", "vdc", "edc", "potential", "voltage", "ecell", "dcpotential", "vf"];
    private static readonly HashSet<string> CurrentKeys = ["i", "idc", "current", "dccurrent", "im"];

    /// <summary>The sweeps of a spectrum read from a file, and warnings about frequencies that go backwards inside one.</summary>
    /// <param name="spectrum">Every point, in file order.</param>
    /// <param name="lines">The line of each point.</param>
    /// <param name="others">The file's other columns, one value per point.</param>
    /// <param name="warnings">Receives the warnings.</param>
    internal static ImmutableArray<ImpedanceSweep> Split(ImpedanceSpectrum spectrum, ImmutableArray<int> lines, ImmutableArray<TableColumn> others, ImmutableArray<string>.Builder warnings)
    {
        TableColumn[] loops = [.. others
            .Where(c => LoopKeys.Contains(HeaderGrammar.MatchKey(c.Header.Name)) && c.Header.Unit is null)
            .OrderBy(c => Array.IndexOf(LoopKeys, HeaderGrammar.MatchKey(c.Header.Name)))];
        (TableColumn Column, double Scale)? time = Scaled(others, TimeKeys, UnitDimension.Time);
        (TableColumn Column, double Scale)? potential = Scaled(others, PotentialKeys, UnitDimension.Voltage);
        (TableColumn Column, double Scale)? current = Scaled(others, CurrentKeys, UnitDimension.Current);
        ReadOnlySpan<double> f = spectrum.Frequency;
        var starts = new List<int> { 0 };
        var backwards = new List<int>();
        for (int i = 1; i < f.Length; i++)
        {
            int start = starts[^1];
            if (loops.Any(c => c.Values[i] != c.Values[i - 1]))
            {
                starts.Add(i);
                continue;
            }

            int direction = Direction(f[start..i]);
            double step = Math.Log(f[i] / f[i - 1]);
            if (direction == 0 || Math.Sign(step) != -direction)
            {
                continue;
            }

            if (Math.Abs(Math.Log(f[i] / f[start])) < Math.Abs(step))
            {
                starts.Add(i);
            }
            else
            {
                backwards.Add(i);
            }
        }

        starts.Add(f.Length);
        var sweeps = ImmutableArray.CreateBuilder<ImpedanceSweep>(starts.Count - 1);
        for (int s = 0; s + 1 < starts.Count; s++)
        {
            int from = starts[s];
            int to = starts[s + 1];
            ImpedanceSpectrum part = starts.Count == 2 ? spectrum : new ImpedanceSpectrum(f[from..to], spectrum.Real[from..to], spectrum.Imaginary[from..to]);
            sweeps.Add(new ImpedanceSweep(
                s + 1,
                part,
                lines[from..to],
                time is { } t ? t.Column.Values[from] * t.Scale : null,
                potential is { } e ? Mean(e.Column.Values, from, to) * e.Scale : null,
                current is { } c ? Mean(c.Column.Values, from, to) * c.Scale : null,
                loops.Length > 0 ? loops[0].Values[from] : null));
        }

        foreach (IGrouping<int, int> group in backwards.GroupBy(i => starts.FindLastIndex(s => s <= i)))
        {
            int first = group.First();
            string where = sweeps.Count > 1 ? string.Create(CultureInfo.InvariantCulture, $" in sweep {group.Key + 1}") : string.Empty;
            warnings.Add(string.Create(CultureInfo.InvariantCulture,
                $"the frequency goes against the sweep's direction at {group.Count()} point{(group.Count() == 1 ? string.Empty : "s")}{where} (first on line {lines[first]}: {f[first - 1]:G6} Hz then {f[first]:G6} Hz); a sweep's frequencies are expected to be monotonic: check for repeated or out-of-order measurements"));
        }

        return sweeps.MoveToImmutable();
    }

    /// <summary>The sign of the first non-zero step of the sweep so far, or 0 when it has none.</summary>
    private static int Direction(ReadOnlySpan<double> sweep)
    {
        for (int i = 1; i < sweep.Length; i++)
        {
            if (sweep[i] != sweep[i - 1])
            {
                return sweep[i] > sweep[i - 1] ? 1 : -1;
            }
        }

        return 0;
    }

    /// <summary>The first column with one of the names and a unit of the dimension, and its factor to the base unit.</summary>
    private static (TableColumn Column, double Scale)? Scaled(ImmutableArray<TableColumn> columns, HashSet<string> keys, UnitDimension dimension)
    {
        foreach (TableColumn column in columns)
        {
            if (keys.Contains(HeaderGrammar.MatchKey(column.Header.Name))
                && column.Header.Unit is { } unit
                && MeasurementUnit.Parse(unit, dimension) is { Offset: 0 } parsed)
            {
                return (column, parsed.Scale);
            }
        }

        return null;
    }

    private static double Mean(ImmutableArray<double> values, int from, int to)
    {
        double sum = 0;
        for (int i = from; i < to; i++)
        {
            sum += values[i];
        }

        return sum / (to - from);
    }
}
