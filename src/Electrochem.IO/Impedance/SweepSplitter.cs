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

    /// <summary>More sweeps than this in one file (a cycling test with EIS every cycle has thousands) make the file an error.</summary>
    internal const int MaximumSweeps = 100_000;

    /// <summary>The sweeps of a spectrum read from a file, and warnings about frequencies that go backwards inside one.</summary>
    /// <param name="spectrum">Every point, in file order.</param>
    /// <param name="lines">The line of each point.</param>
    /// <param name="others">The file's other columns, one value per point.</param>
    /// <param name="header">Receives the warnings.</param>
    /// <param name="sweeps">The sweeps, in order (one sweep shares the spectrum and the lines).</param>
    /// <returns>The problem when the file splits into more than <see cref="MaximumSweeps"/> sweeps, else null.</returns>
    /// <remarks>One pass over the points: the sweep's direction is kept as it is found, not searched again at every point.</remarks>
    internal static (int LineNumber, string Problem)? Split(ImpedanceSpectrum spectrum, ImmutableArray<int> lines, ImmutableArray<TableColumn> others, ImpedanceFileHeader header, out ImmutableArray<ImpedanceSweep> sweeps)
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
        int start = 0;
        int direction = 0;
        for (int i = 1; i < f.Length; i++)
        {
            bool restart = LoopChanges(loops, i);
            if (!restart)
            {
                double step = Math.Log(f[i] / f[i - 1]);
                if (direction != 0 && Math.Sign(step) == -direction)
                {
                    if (Math.Abs(Math.Log(f[i] / f[start])) >= Math.Abs(step))
                    {
                        backwards.Add(i);
                        continue;
                    }

                    restart = true;
                }
                else if (direction == 0 && f[i] != f[i - 1])
                {
                    direction = f[i] > f[i - 1] ? 1 : -1;
                }
            }

            if (restart)
            {
                if (starts.Count == MaximumSweeps)
                {
                    sweeps = [];
                    return (lines[i], string.Create(CultureInfo.InvariantCulture,
                        $"the points split into more than {MaximumSweeps} sweeps (this line starts the next: the frequency restarts or the loop column changes); a file may hold at most {MaximumSweeps}: check the frequency and loop columns, or split the file"));
                }

                starts.Add(i);
                start = i;
                direction = 0;
            }
        }

        starts.Add(f.Length);
        var builder = ImmutableArray.CreateBuilder<ImpedanceSweep>(starts.Count - 1);
        for (int s = 0; s + 1 < starts.Count; s++)
        {
            int from = starts[s];
            int to = starts[s + 1];
            bool whole = starts.Count == 2;
            builder.Add(new ImpedanceSweep(
                s + 1,
                whole ? spectrum : new ImpedanceSpectrum(f[from..to], spectrum.Real[from..to], spectrum.Imaginary[from..to]),
                whole ? lines : lines[from..to],
                time is { } t ? t.Column.Values[from] * t.Scale : null,
                potential is { } e ? Mean(e.Column.Values, from, to) * e.Scale : null,
                current is { } c ? Mean(c.Column.Values, from, to) * c.Scale : null,
                loops.Length > 0 ? loops[0].Values[from] : null));
        }

        sweeps = builder.MoveToImmutable();
        int sweep = 0;
        for (int b = 0; b < backwards.Count;)
        {
            int first = backwards[b];
            while (starts[sweep + 1] <= first)
            {
                sweep++;
            }

            int count = 0;
            for (; b < backwards.Count && backwards[b] < starts[sweep + 1]; b++)
            {
                count++;
            }

            string where = sweeps.Length > 1 ? string.Create(CultureInfo.InvariantCulture, $" in sweep {sweep + 1}") : string.Empty;
            header.Warn(string.Create(CultureInfo.InvariantCulture,
                $"the frequency goes against the sweep's direction at {count} point{(count == 1 ? string.Empty : "s")}{where} (first on line {lines[first]}: {f[first - 1]:G6} Hz then {f[first]:G6} Hz); a sweep's frequencies are expected to be monotonic: check for repeated or out-of-order measurements"));
        }

        return null;
    }

    private static bool LoopChanges(TableColumn[] loops, int i)
    {
        foreach (TableColumn loop in loops)
        {
            if (loop.Values[i] != loop.Values[i - 1])
            {
                return true;
            }
        }

        return false;
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
