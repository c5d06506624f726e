using System.Globalization;
using Electrochem.Cycling;
using Electrochem.IO.Tables;

namespace Electrochem.IO.Cycling;

/// <summary>
/// Decides what every column of a cycler file becomes: the columns a caller named in a <see cref="CyclerColumnMap"/>
/// first, then the format's own known headers, then the names researchers use (<see cref="CyclerColumnNames"/>), with
/// units from the header (<see cref="HeaderGrammar"/>), from the map, or from the format's documented default. Every
/// other column is kept under its own name. Two equally good candidates for one quantity, or a missing required
/// column, is a problem that lists the columns and says how to name the right one.
/// </summary>
internal static class CyclerColumnPlanner
{
    private const int ListedColumns = 40;

    /// <summary>Plans the columns; returns the plans (and notes to report) or a problem.</summary>
    /// <param name="headers">The header fields.</param>
    /// <param name="map">Columns named by the caller, or null.</param>
    /// <param name="vendor">The format's known headers (empty for the generic reader).</param>
    /// <param name="useSynonyms">Whether to recognise columns by common names when the format does not know them.</param>
    /// <param name="notes">Receives what was assumed (a unit taken as the base unit, a sign changed).</param>
    /// <param name="currentOptional">True when the format's reader supplies the current itself if the file has none (an OCV record).</param>
    internal static (ColumnPlan[]? Plans, string? Problem) Plan(
        IReadOnlyList<string> headers,
        CyclerColumnMap? map,
        IReadOnlyList<VendorColumn> vendor,
        bool useSynonyms,
        List<string> notes,
        bool currentOptional = false)
    {
        map ??= CyclerColumnMap.Empty;
        int n = headers.Count;
        var candidates = new Candidate?[n];
        for (int i = 0; i < n; i++)
        {
            candidates[i] = Recognise(headers[i], map, vendor, useSynonyms);
        }

        if (FindMapped(headers, map) is { } mappedProblem)
        {
            return (null, mappedProblem);
        }

        // One column per non-repeatable quantity: the best rank wins; a tie is a problem.
        foreach (RecordingQuantity quantity in Enum.GetValues<RecordingQuantity>())
        {
            if (quantity == RecordingQuantity.Other || RecordingQuantities.IsRepeatable(quantity))
            {
                continue;
            }

            int best = int.MaxValue;
            int winner = -1;
            int tied = -1;
            for (int i = 0; i < n; i++)
            {
                if (candidates[i] is { IsStepType: false } c && c.Quantity == quantity)
                {
                    if (c.Rank < best)
                    {
                        (best, winner, tied) = (c.Rank, i, -1);
                    }
                    else if (c.Rank == best)
                    {
                        tied = i;
                    }
                }
            }

            if (tied >= 0)
            {
                return (null, $"two columns look like the {Describe(quantity)}: '{headers[winner].Trim()}' and '{headers[tied].Trim()}'; name the right one with a column map ({Option(quantity)})");
            }

            for (int i = 0; i < n; i++)
            {
                if (i != winner && candidates[i] is { IsStepType: false } c && c.Quantity == quantity)
                {
                    candidates[i] = null; // The loser is kept as an ordinary column.
                }
            }
        }

        int stepTypes = candidates.Count(c => c is { IsStepType: true });
        if (stepTypes > 1)
        {
            int keep = Array.FindIndex(candidates, c => c is { IsStepType: true });
            for (int i = keep + 1; i < n; i++)
            {
                if (candidates[i] is { IsStepType: true })
                {
                    candidates[i] = null;
                }
            }
        }

        var plans = new ColumnPlan[n];
        var counts = new Dictionary<RecordingQuantity, int>();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < n; i++)
        {
            string header = headers[i].Trim();
            if (candidates[i] is not { } c)
            {
                continue;
            }

            if (c.IsStepType)
            {
                plans[i] = new ColumnPlan(header, ColumnKind.Text, RecordingQuantity.Other, "step_type", string.Empty, IsStepType: true);
                names.Add("step_type");
                continue;
            }

            int count = counts[c.Quantity] = counts.GetValueOrDefault(c.Quantity) + 1;
            string name = RecordingQuantities.CanonicalName(c.Quantity) + (count > 1 ? "_" + count.ToString(CultureInfo.InvariantCulture) : string.Empty);
            if (PlanKnown(header, c, name, map, notes) is { } problem)
            {
                return (null, problem);
            }

            plans[i] = PlanKnown(header, c, name, map);
            names.Add(name);
        }

        for (int i = 0; i < n; i++)
        {
            if (plans[i] is not null)
            {
                continue;
            }

            ColumnPlan kept = ColumnPlan.Kept(headers[i].Length == 0 ? $"column {i + 1}" : headers[i]);
            string name = kept.Name;
            for (int suffix = 2; !names.Add(name); suffix++)
            {
                name = $"{kept.Name} ({suffix.ToString(CultureInfo.InvariantCulture)})";
            }

            if (name != kept.Name)
            {
                notes.Add($"column {i + 1} repeats the name '{kept.Name}' and is kept as '{name}'");
            }

            plans[i] = kept with { Name = name };
        }

        foreach (RecordingQuantity required in (ReadOnlySpan<RecordingQuantity>)[RecordingQuantity.TestTime, RecordingQuantity.Current, RecordingQuantity.Voltage])
        {
            if (!plans.Any(p => p.Quantity == required) && !(currentOptional && required == RecordingQuantity.Current))
            {
                string nearMiss = string.Concat(headers
                    .Select(h => (Header: h.Trim(), Split: HeaderGrammar.Split(h)))
                    .Where(h => h.Split.Unit is not null && CyclerColumnNames.TryMatch(h.Split.Name, out RecordingQuantity q, out _) && q == required)
                    .Take(1)
                    .Select(h => $" ('{h.Header}' is named like it, but '{h.Split.Unit}' is not a unit of {CyclerColumnNames.Dimension(required)!.Value.ToString().ToLowerInvariant()})"));
                return (null, $"no {Describe(required)} column{nearMiss}; the columns are {List(headers)}. Name it with a column map ({Option(required)}), e.g. a header such as {Example(required)}");
            }
        }

        return (plans, null);
    }

    /// <summary>The quantity in words, for messages.</summary>
    internal static string Describe(RecordingQuantity quantity) => quantity switch
    {
        RecordingQuantity.TestTime => "test time",
        RecordingQuantity.StepTime => "step time",
        RecordingQuantity.DataPoint => "data point",
        RecordingQuantity.CycleIndex => "cycle index",
        RecordingQuantity.StepIndex => "step index",
        RecordingQuantity.ChargeCapacity => "charge capacity",
        RecordingQuantity.DischargeCapacity => "discharge capacity",
        RecordingQuantity.ChargeEnergy => "charge energy",
        RecordingQuantity.DischargeEnergy => "discharge energy",
        RecordingQuantity.AuxiliaryVoltage => "auxiliary voltage",
        _ => quantity.ToString().ToLowerInvariant(),
    };

    /// <summary>Up to 40 header texts, quoted, with a count of the rest.</summary>
    internal static string List(IReadOnlyList<string> headers) => HeaderList.Quote(headers, ListedColumns);

    private static string Option(RecordingQuantity quantity) =>
        $"CyclerColumnMap.With(RecordingQuantity.{quantity}, …), or --{RecordingQuantities.CanonicalName(quantity).Replace('_', '-')}-column on the command line";

    private static string Example(RecordingQuantity quantity) => quantity switch
    {
        RecordingQuantity.TestTime => "'Test Time (s)', 'time_s' or 'Time / h'",
        RecordingQuantity.Current => "'Current (A)', 'current_mA' or 'I/mA'",
        _ => "'Voltage (V)', 'voltage_V' or 'Ewe/V'",
    };

    private static Candidate? Recognise(string header, CyclerColumnMap map, IReadOnlyList<VendorColumn> vendor, bool useSynonyms)
    {
        string text = header.Trim();
        (string name, string? unit) = HeaderGrammar.Split(text);
        foreach ((RecordingQuantity quantity, ColumnChoice choice) in map.Columns)
        {
            if (Names(text, name, choice.Column))
            {
                return new Candidate(quantity, -1, unit, choice.Unit, null, false);
            }
        }

        if (map.StepTypeColumn is { } stepType && Names(text, name, stepType))
        {
            return new Candidate(RecordingQuantity.Other, -1, null, null, null, true);
        }

        string key = HeaderGrammar.MatchKey(name);
        string fullKey = HeaderGrammar.MatchKey(text);
        // A format's own header wins when it matches the whole text (Maccor's 'Step (Sec)'), then by name when the
        // header's unit suits the quantity ('Step' is the step counter, 'Step (Sec)' is not).
        foreach (VendorColumn column in vendor)
        {
            if (HeaderGrammar.MatchKey(column.Name) == fullKey)
            {
                return new Candidate(column.Quantity, 0, HeaderGrammar.Split(column.Name).Unit is null ? unit : null, null, column.DefaultUnit, column.IsStepType);
            }
        }

        foreach (VendorColumn column in vendor)
        {
            if (HeaderGrammar.MatchKey(column.Name) == key && (column.IsStepType || CyclerColumnNames.Fits(column.Quantity, unit)))
            {
                return new Candidate(column.Quantity, 0, unit, null, column.DefaultUnit, column.IsStepType);
            }
        }

        if (!useSynonyms)
        {
            return null;
        }

        if (CyclerColumnNames.IsStepType(name))
        {
            return new Candidate(RecordingQuantity.Other, 1, null, null, null, true);
        }

        if (CyclerColumnNames.TryMatch(name, DurationUnit(unit) ? null : unit, out RecordingQuantity q, out int rank))
        {
            return new Candidate(q, rank + 1, unit, null, null, false);
        }

        if (unit is null)
        {
            foreach (UnitDimension dimension in (ReadOnlySpan<UnitDimension>)[UnitDimension.Time, UnitDimension.Current, UnitDimension.Voltage, UnitDimension.Charge, UnitDimension.Energy, UnitDimension.Temperature])
            {
                if (HeaderGrammar.TrySplitUnitSuffix(name, dimension, out string? stem, out MeasurementUnit? suffix)
                    && CyclerColumnNames.TryMatch(stem, out q, out rank)
                    && CyclerColumnNames.Dimension(q) == dimension)
                {
                    return new Candidate(q, rank + 1, name[(stem.Length + 1)..], null, null, false);
                }
            }
        }

        return null;
    }

    private static bool DurationUnit(string? unit) => Duration.IsDurationUnit(unit);

    private static bool Names(string text, string name, string chosen) =>
        string.Equals(text, chosen.Trim(), StringComparison.OrdinalIgnoreCase) || string.Equals(name, chosen.Trim(), StringComparison.OrdinalIgnoreCase);

    private static string? FindMapped(IReadOnlyList<string> headers, CyclerColumnMap map)
    {
        foreach ((RecordingQuantity quantity, ColumnChoice choice) in map.Columns)
        {
            if (!headers.Any(h => Names(h.Trim(), HeaderGrammar.Split(h).Name, choice.Column)))
            {
                return $"the column map names '{choice.Column}' as the {Describe(quantity)} column, but the file has no such column; the columns are {List(headers)}";
            }
        }

        if (map.StepTypeColumn is { } stepType && !headers.Any(h => Names(h.Trim(), HeaderGrammar.Split(h).Name, stepType)))
        {
            return $"the column map names '{stepType}' as the step-type column, but the file has no such column; the columns are {List(headers)}";
        }

        return null;
    }

    private static string? PlanKnown(string header, Candidate c, string name, CyclerColumnMap map, List<string> notes)
    {
        if (CyclerColumnNames.Dimension(c.Quantity) is not { } dimension)
        {
            return null;
        }

        string? unitText = c.MappedUnit ?? c.HeaderUnit ?? c.DefaultUnit;
        if (dimension == UnitDimension.Time && Duration.IsDurationUnit(unitText))
        {
            return null;
        }

        if (unitText is null)
        {
            notes.Add($"column '{header}' names no unit; its values are read as {RecordingQuantities.Unit(c.Quantity)} (name the unit with a column map if they are not)");
            return null;
        }

        if (MeasurementUnit.Parse(unitText, dimension) is null)
        {
            string from = c.MappedUnit is not null ? "the column map gives" : c.HeaderUnit is not null ? "the header gives" : "the format's default is";
            return $"column '{header}' holds the {Describe(c.Quantity)}, but {from} the unit '{unitText}', which is not a unit of {dimension.ToString().ToLowerInvariant()}; expected one of {MeasurementUnit.Describe(dimension)}";
        }

        if (c.Quantity == RecordingQuantity.Current && map.CurrentSign == CurrentSign.DischargePositive)
        {
            notes.Add($"current from '{header}' is negated: the column map says the file's positive current discharges the cell");
        }

        return null;
    }

    private static ColumnPlan PlanKnown(string header, Candidate c, string name, CyclerColumnMap map)
    {
        string unit = RecordingQuantities.Unit(c.Quantity);
        if (CyclerColumnNames.Dimension(c.Quantity) is not { } dimension)
        {
            return new ColumnPlan(header, ColumnKind.Numeric, c.Quantity, name, unit, WrittenUnit: c.HeaderUnit);
        }

        string? written = c.MappedUnit ?? c.HeaderUnit ?? c.DefaultUnit;
        if (dimension == UnitDimension.Time && Duration.IsDurationUnit(written))
        {
            return new ColumnPlan(header, ColumnKind.Numeric, c.Quantity, name, unit, WrittenUnit: written, Note: "clock durations (hh:mm:ss) read as seconds");
        }

        MeasurementUnit parsed = written is null ? MeasurementUnit.Parse(unit, dimension)! : MeasurementUnit.Parse(written, dimension)!;
        double scale = parsed.Scale;
        string? note = written is null ? $"no unit named; read as {unit}" : c.HeaderUnit is null && c.MappedUnit is null ? $"unit {written} is the format's convention" : null;
        if (c.Quantity == RecordingQuantity.Current && map.CurrentSign == CurrentSign.DischargePositive)
        {
            scale = -scale;
            note = note is null ? "negated (the file's positive current discharges)" : note + "; negated (the file's positive current discharges)";
        }

        return new ColumnPlan(header, ColumnKind.Numeric, c.Quantity, name, unit, scale, parsed.Offset, written, note);
    }

    private sealed record Candidate(RecordingQuantity Quantity, int Rank, string? HeaderUnit, string? MappedUnit, string? DefaultUnit, bool IsStepType);
}
