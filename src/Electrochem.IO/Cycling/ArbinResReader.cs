using System.Buffers;
using System.Collections.Immutable;
using System.Globalization;
using Electrochem.Cycling;
using Electrochem.IO.Cycling.Jet;

namespace Electrochem.IO.Cycling;

/// <summary>
/// Arbin <c>.res</c> files — Microsoft Jet 4 (Access) databases — read natively, without mdbtools or ODBC. The rows
/// of <c>Channel_Normal_Table</c> become the recording in <c>Data_Point</c> order, under the same names, units and
/// origins as the <see cref="ArbinCsvReader"/> gives an export of that table (s, A, V, Ah, Wh; a Single by the decimal
/// it was written as); <c>Global_Table</c> gives the metadata (test, schedule, channel, mass, start, software, and
/// every field as a header entry; also <c>Version_Table</c>, <c>Aux_Global_Data_Table</c>, <c>Resume_Table</c> and
/// <c>Event_Table</c>); <c>Channel_Statistic_Table</c> and <c>Auxiliary_Table</c> are joined on <c>Data_Point</c> as
/// extra columns; any other table that holds rows is named in a warning.
/// </summary>
internal sealed class ArbinResReader : ICyclerFormatReader
{
    internal const string NormalTable = "Channel_Normal_Table";

    public CyclerFileFormat Format => CyclerFileFormat.ArbinRes;

    public string Description => "Arbin .res (Jet 4 database)";

    /// <summary>True when the file starts like a Jet or ACE database.</summary>
    internal static bool IsDatabase(CyclerSource source) => JetHeader.HasMagic(source.Magic.Span);

    public bool Matches(CyclerSource source) => IsDatabase(source);

    public DataFileResult<CyclerRecording> Read(CyclerSource source, CyclerReadOptions options, CancellationToken cancellationToken)
    {
        using Stream stream = source.OpenSeekable();
        try
        {
            JetFile file = JetFile.Open(stream, source.Name);
            return Read(file, options, cancellationToken);
        }
        catch (DataFileException e)
        {
            return RecordingAssembler.Fail(source.Name, e.LineNumber, e.Problem);
        }
    }

    private DataFileResult<CyclerRecording> Read(JetFile file, CyclerReadOptions options, CancellationToken cancellationToken)
    {
        IReadOnlyDictionary<string, int> tables = JetCatalog.Tables(file, cancellationToken);
        if (!tables.TryGetValue(NormalTable, out int normalPage))
        {
            string names = tables.Count == 0 ? "none" : string.Join(", ", tables.Keys.Select(k => $"'{k}'"));
            throw file.Fail($"this {file.Header.Describe()} database has no {NormalTable}, so it is not an Arbin .res file (its tables: {names})");
        }

        var notes = new List<string>();
        var orderNotes = new List<string>();
        double? firstStoredTest = null;
        JetTableData normal = JetTableData.Read(
            JetTable.Read(file, NormalTable, normalPage),
            ["Test_ID", "Data_Point"],
            keys =>
            {
                // The Test_ID of the first row as stored, for the metadata (Global_Table's row).
                firstStoredTest = keys[0] is { Length: > 0 } tests ? tests[0] : null;
                return DataPointOrder(keys[1], keys[0], orderNotes);
            },
            cancellationToken);
        if (normal.RowCount == 0)
        {
            throw file.Fail($"the {NormalTable} has no rows: the test recorded no data");
        }

        if (normal.Table.ClaimedRows != normal.RowCount)
        {
            notes.Add($"the {NormalTable}'s definition claims {normal.Table.ClaimedRows} rows; {normal.RowCount} were found and read");
        }

        if (normal.ForeignPages > 0)
        {
            notes.Add($"{normal.ForeignPages} pages in the {NormalTable}'s usage map were not its data pages and were skipped");
        }

        notes.AddRange(orderNotes);
        IReadOnlyList<JetColumn> columns = normal.Table.Columns;
        (ColumnPlan[]? plans, string? problem) = CyclerColumnPlanner.Plan([.. columns.Select(c => c.Name)], options.ColumnMap, ArbinCsvReader.Columns, useSynonyms: false, notes);
        if (plans is null)
        {
            throw file.Fail(problem!);
        }

        var raw = new List<RawColumn>(columns.Count);
        for (int c = 0; c < columns.Count; c++)
        {
            raw.Add(Column(file, plans[c], normal.Numbers[c], normal.Texts[c]));
        }

        double[]? sortedPoints = normal.IndexOf("Data_Point") is >= 0 and var dp ? normal.Numbers[dp] : null;
        ArbinResJoin.Add(file, tables, sortedPoints, raw, notes, cancellationToken);
        (RecordingMetadata metadata, IReadOnlySet<string> used) = ArbinResMetadata.Read(file, tables, normal, firstStoredTest, notes, cancellationToken);
        foreach ((string name, int page) in tables)
        {
            if (used.Contains(name) || name.Equals(NormalTable, StringComparison.OrdinalIgnoreCase) || ArbinResJoin.Joined.Contains(name))
            {
                continue;
            }

            int rows = 0;
            try
            {
                JetTable.Read(file, name, page).ForEachRow(_ => rows++, cancellationToken);
            }
            catch (DataFileException e)
            {
                notes.Add($"the database's table '{name}' could not be read ({e.Problem}); it is not part of the recording");
                continue;
            }

            if (rows > 0)
            {
                notes.Add($"the database's table '{name}' holds {rows} rows, which are not part of the recording (read it with Access or mdb-export if you need it)");
            }
        }

        int[] lines = new int[normal.RowCount];
        lines.AsSpan().Fill(1);
        var table = new RawTable(raw, lines, []);
        (List<RecordingColumn> numeric, List<RecordingTextColumn> text) = RecordingAssembler.Columns(table);
        if (RecordingAssembler.RowProblem(numeric, options, $"the {NormalTable}", i => sortedPoints is null ? $"row {i + 1}" : $"the row with Data_Point {sortedPoints[i].ToString("R", CultureInfo.InvariantCulture)}", "empty (null)") is { } rowProblem)
        {
            throw file.Fail(rowProblem);
        }

        if (options.ColumnMap?.CurrentSign != CurrentSign.DischargePositive)
        {
            StepTypeSign.Check(numeric, text, notes);
        }

        TableBlock.CounterChecks(numeric, notes);
        return RecordingAssembler.Finish(file.Source, Description, metadata, numeric, text, lines, notes, options);
    }

    /// <summary>
    /// The row order by <c>Test_ID</c> (when the table holds more than one test), then <c>Data_Point</c>, then stored
    /// position, with a note when it differs from the stored order; null when the rows are stored in that order.
    /// </summary>
    private static int[]? DataPointOrder(double[]? points, double[]? tests, List<string> notes)
    {
        if (points is null)
        {
            notes.Add($"the {NormalTable} has no numeric Data_Point column; its rows are kept in the order they are stored");
            return null;
        }

        int testCount = tests is not { Length: > 0 } || !tests.AsSpan().ContainsAnyExcept(tests[0]) ? 1 : tests.Distinct().Count();
        if (testCount == 1)
        {
            tests = null;
            if (InOrder(points))
            {
                return null;
            }
        }
        else
        {
            notes.Add($"the {NormalTable} holds {testCount} tests (distinct Test_ID values); its rows are ordered by Test_ID, then Data_Point");
        }

        int[] order = tests is null && CountingOrder(points) is { } counted ? counted : ComparisonOrder(points, tests);
        int moved = 0;
        for (int i = 0; i < order.Length; i++)
        {
            moved += order[i] != i ? 1 : 0;
        }

        if (moved == 0)
        {
            return null;
        }

        notes.Add($"{moved} of the {NormalTable}'s {order.Length} rows were stored out of Data_Point order; the recording holds them in Data_Point order");
        return order;
    }

    /// <summary>True when every Data_Point is at least the one before it (as <see cref="double.CompareTo(double)"/> orders them).</summary>
    private static bool InOrder(double[] points)
    {
        for (int i = 1; i < points.Length; i++)
        {
            if (points[i - 1].CompareTo(points[i]) > 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The stable order by Data_Point when every value is an integer in a range at most twice the row count (what
    /// Arbin writes: 1, 2, 3, …), placed by counting in linear time; null otherwise.
    /// </summary>
    private static int[]? CountingOrder(double[] points)
    {
        double min = double.PositiveInfinity;
        double max = double.NegativeInfinity;
        foreach (double point in points)
        {
            if (!double.IsFinite(point) || point != Math.Floor(point))
            {
                return null;
            }

            min = Math.Min(min, point);
            max = Math.Max(max, point);
        }

        if (max - min >= 2.0 * points.Length)
        {
            return null;
        }

        int range = (int)(max - min) + 1;
        int[] starts = ArrayPool<int>.Shared.Rent(range + 1);
        try
        {
            Array.Clear(starts, 0, range + 1);
            foreach (double point in points)
            {
                starts[(int)(point - min) + 1]++;
            }

            for (int v = 1; v <= range; v++)
            {
                starts[v] += starts[v - 1];
            }

            int[] order = new int[points.Length];
            for (int i = 0; i < points.Length; i++)
            {
                order[starts[(int)(points[i] - min)]++] = i;
            }

            return order;
        }
        finally
        {
            ArrayPool<int>.Shared.Return(starts);
        }
    }

    /// <summary>The order by Test_ID (when given), then Data_Point, then stored position, by comparison.</summary>
    private static int[] ComparisonOrder(double[] points, double[]? tests)
    {
        int[] order = new int[points.Length];
        for (int i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        Array.Sort(order, (x, y) =>
        {
            int c = tests is null ? 0 : tests[x].CompareTo(tests[y]);
            c = c != 0 ? c : points[x].CompareTo(points[y]);
            return c != 0 ? c : x.CompareTo(y);
        });
        return order;
    }

    /// <summary>
    /// A column of the table (rows in recording order) as planned: numbers as they are (the array becomes the
    /// recording's), or text — a numeric column planned as text is dictionary-encoded by value, each distinct value
    /// formatted once.
    /// </summary>
    private static RawColumn Column(JetFile file, ColumnPlan plan, double[]? numbers, string?[]? texts)
    {
        if (numbers is not null && !plan.IsStepType && plan.Kind != ColumnKind.Text)
        {
            return new RawColumn(plan with { Kind = ColumnKind.Numeric }, numbers, null, []);
        }

        if (plan.Quantity != RecordingQuantity.Other && !plan.IsStepType)
        {
            throw file.Fail($"the {NormalTable} column '{plan.Header}' holds text, but the {CyclerColumnPlanner.Describe(plan.Quantity)} must be numbers");
        }

        if (texts is not null)
        {
            using var builder = new TextColumnBuilder();
            foreach (string? value in texts)
            {
                builder.Add(value);
            }

            (int[] textCodes, ImmutableArray<string> textCategories) = builder.Build();
            return new RawColumn(plan with { Kind = ColumnKind.Text }, null, textCodes, textCategories);
        }

        // Distinct doubles print distinct round-trip texts, so their bits are the categories; NaN (null) is empty.
        int[] codes = new int[numbers!.Length];
        var seen = new Dictionary<long, int>();
        var categories = ImmutableArray.CreateBuilder<string>();
        for (int i = 0; i < numbers.Length; i++)
        {
            double value = numbers[i];
            if (double.IsNaN(value))
            {
                codes[i] = -1;
                continue;
            }

            if (!seen.TryGetValue(BitConverter.DoubleToInt64Bits(value), out int code))
            {
                code = categories.Count;
                categories.Add(value.ToString("R", CultureInfo.InvariantCulture));
                seen.Add(BitConverter.DoubleToInt64Bits(value), code);
            }

            codes[i] = code;
        }

        return new RawColumn(plan with { Kind = ColumnKind.Text }, null, codes, categories.ToImmutable());
    }
}
