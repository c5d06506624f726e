using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using Electrochem.Cycling;
using Electrochem.IO.Cycling.Jet;

namespace Electrochem.IO.Cycling;

/// <summary>
/// The Arbin tables keyed by <c>Data_Point</c> that join the <c>Channel_Normal_Table</c> as extra columns:
/// <c>Channel_Statistic_Table</c> (one row per cycle or step end: <c>Vmax_On_Cycle</c>, <c>Charge_Time</c>, …, each
/// under its own name, <c>Statistic_</c>-prefixed if the normal table has that name) and <c>Auxiliary_Table</c> (one
/// column per auxiliary channel and value, <c>Aux_{Data_Type}_{Auxiliary_Index}_{column}</c>). Rows without a value
/// are NaN (empty for text); a row whose <c>Data_Point</c> is not in the normal table is counted in a warning.
/// </summary>
internal static class ArbinResJoin
{
    internal const string StatisticTable = "Channel_Statistic_Table";
    internal const string AuxiliaryTable = "Auxiliary_Table";

    private const int MaximumAuxiliaryChannels = 64;

    /// <summary>The tables this class joins.</summary>
    internal static readonly FrozenSet<string> Joined = FrozenSet.ToFrozenSet([StatisticTable, AuxiliaryTable], StringComparer.OrdinalIgnoreCase);

    /// <summary>Adds the joined columns to <paramref name="raw"/> (rows in the order of <paramref name="points"/>).</summary>
    internal static void Add(JetFile file, IReadOnlyDictionary<string, int> tables, double[]? points, List<RawColumn> raw, List<string> notes, CancellationToken cancellationToken)
    {
        foreach (string name in new[] { StatisticTable, AuxiliaryTable })
        {
            if (!tables.TryGetValue(name, out int page))
            {
                continue;
            }

            JetTableData data;
            try
            {
                data = JetTableData.Read(JetTable.Read(file, name, page), cancellationToken);
            }
            catch (DataFileException e)
            {
                notes.Add($"the database's table '{name}' could not be read ({e.Problem}); it is not part of the recording");
                continue;
            }

            if (data.RowCount == 0)
            {
                continue;
            }

            int pointColumn = data.IndexOf("Data_Point");
            if (points is null || pointColumn < 0 || data.Numbers[pointColumn] is null)
            {
                notes.Add($"the database's table '{name}' holds {data.RowCount} rows, which are not part of the recording: {(points is null ? $"the {ArbinResReader.NormalTable}" : "it")} has no numeric Data_Point to join them on");
                continue;
            }

            var index = new Dictionary<double, int>(points.Length);
            for (int i = 0; i < points.Length; i++)
            {
                index.TryAdd(points[i], i);
            }

            int unmatched = name == StatisticTable
                ? Statistics(data, pointColumn, index, points.Length, raw)
                : Auxiliary(data, pointColumn, index, points.Length, raw, notes);
            if (unmatched > 0)
            {
                notes.Add($"{unmatched} of the {data.RowCount} rows of the database's table '{name}' name a Data_Point the {ArbinResReader.NormalTable} does not hold; they are not part of the recording");
            }
        }
    }

    private static int Statistics(JetTableData data, int pointColumn, Dictionary<double, int> index, int rows, List<RawColumn> raw)
    {
        double[] points = data.Numbers[pointColumn]!;
        int[] target = Targets(points, index, out int unmatched);
        IReadOnlyList<JetColumn> columns = data.Table.Columns;
        for (int c = 0; c < columns.Count; c++)
        {
            string name = columns[c].Name;
            if (c == pointColumn || name.Equals("Test_ID", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (raw.Exists(r => r.Plan.Name.Equals(name, StringComparison.OrdinalIgnoreCase)))
            {
                name = "Statistic_" + name;
            }

            var plan = new ColumnPlan($"{StatisticTable}.{columns[c].Name}", ColumnKind.Numeric, RecordingQuantity.Other, name, string.Empty,
                Note: $"from the {StatisticTable} (one row per cycle or step end), joined on Data_Point; empty in the other rows");
            raw.Add(JoinColumn(plan, data.Numbers[c], data.Texts[c], target, rows));
        }

        return unmatched;
    }

    private static int Auxiliary(JetTableData data, int pointColumn, Dictionary<double, int> index, int rows, List<RawColumn> raw, List<string> notes)
    {
        int typeColumn = data.IndexOf("Data_Type");
        int channelColumn = data.IndexOf("Auxiliary_Index");
        double[] points = data.Numbers[pointColumn]!;
        double[]? types = typeColumn >= 0 ? data.Numbers[typeColumn] : null;
        double[]? channels = channelColumn >= 0 ? data.Numbers[channelColumn] : null;
        var groups = new SortedDictionary<(double Type, double Channel), List<int>>();
        for (int r = 0; r < data.RowCount; r++)
        {
            var key = (types?[r] ?? 0, channels?[r] ?? 0);
            if (!groups.TryGetValue(key, out List<int>? list))
            {
                groups[key] = list = [];
            }

            list.Add(r);
        }

        if (groups.Count > MaximumAuxiliaryChannels)
        {
            notes.Add($"the {AuxiliaryTable} holds {groups.Count} auxiliary channels (Data_Type, Auxiliary_Index), more than the {MaximumAuxiliaryChannels} this reader joins as columns; its {data.RowCount} rows are not part of the recording");
            return 0;
        }

        int unmatched = 0;
        IReadOnlyList<JetColumn> columns = data.Table.Columns;
        var added = new List<string>();
        foreach (((double type, double channel), List<int> members) in groups)
        {
            double[] groupPoints = [.. members.Select(r => points[r])];
            int[] target = Targets(groupPoints, index, out int missing);
            unmatched += missing;
            for (int c = 0; c < columns.Count; c++)
            {
                if (c == pointColumn || c == typeColumn || c == channelColumn || columns[c].Name.Equals("Test_ID", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                string name = string.Create(CultureInfo.InvariantCulture, $"Aux_{type}_{channel}_{columns[c].Name}");
                var plan = new ColumnPlan($"{AuxiliaryTable}.{columns[c].Name}", ColumnKind.Numeric, RecordingQuantity.Other, name, string.Empty,
                    Note: string.Create(CultureInfo.InvariantCulture, $"from the {AuxiliaryTable}, Data_Type {type}, Auxiliary_Index {channel}, joined on Data_Point; the quantity and unit of an auxiliary channel are not mapped"));
                double[]? numbers = data.Numbers[c] is { } n ? [.. members.Select(r => n[r])] : null;
                string?[]? texts = data.Texts[c] is { } t ? [.. members.Select(r => t[r])] : null;
                raw.Add(JoinColumn(plan, numbers, texts, target, rows));
                added.Add(name);
            }
        }

        notes.Add($"the {AuxiliaryTable} is joined as {added.Count} columns ({string.Join(", ", added)}); their quantities and units are not mapped (see Aux_Global_Data_Table in the metadata)");
        return unmatched;
    }

    /// <summary>For each joined row, the recording row with its Data_Point, or -1.</summary>
    private static int[] Targets(double[] points, Dictionary<double, int> index, out int unmatched)
    {
        unmatched = 0;
        int[] target = new int[points.Length];
        for (int r = 0; r < points.Length; r++)
        {
            if (!index.TryGetValue(points[r], out target[r]))
            {
                target[r] = -1;
                unmatched++;
            }
        }

        return target;
    }

    private static RawColumn JoinColumn(ColumnPlan plan, double[]? numbers, string?[]? texts, int[] target, int rows)
    {
        if (numbers is not null)
        {
            double[] values = new double[rows];
            values.AsSpan().Fill(double.NaN);
            for (int r = 0; r < target.Length; r++)
            {
                if (target[r] >= 0)
                {
                    values[target[r]] = numbers[r];
                }
            }

            return new RawColumn(plan, values, null, []);
        }

        string?[] column = new string?[rows];
        for (int r = 0; r < target.Length; r++)
        {
            if (target[r] >= 0)
            {
                column[target[r]] = texts![r];
            }
        }

        using var builder = new TextColumnBuilder();
        foreach (string? value in column)
        {
            builder.Add(value);
        }

        (int[] codes, ImmutableArray<string> categories) = builder.Build();
        return new RawColumn(plan with { Kind = ColumnKind.Text }, null, codes, categories);
    }
}
