using System.Globalization;
using Electrochem.Cycling;
using Electrochem.IO.Cycling.Jet;

namespace Electrochem.IO.Cycling;

/// <summary>
/// The metadata of an Arbin <c>.res</c>: <c>Global_Table</c> (the test's row: test name, channel, schedule, mass,
/// nominal capacity, start, software version), <c>Version_Table</c>, <c>Aux_Global_Data_Table</c>,
/// <c>Resume_Table</c> and <c>Event_Table</c>, every field kept as a header entry <c>Table.Column</c>
/// (<c>Table[n].Column</c> for a table's later rows) as stored, for up to 256 rows per table (a warning names the rest).
/// </summary>
internal static class ArbinResMetadata
{
    internal const string GlobalTable = "Global_Table";
    private const string VersionTable = "Version_Table";
    private const string AuxiliaryGlobalTable = "Aux_Global_Data_Table";
    private const string ResumeTable = "Resume_Table";
    private const string EventTable = "Event_Table";
    private const int MaximumEntryRows = 256;

    /// <summary>
    /// The metadata, and the tables it used; <paramref name="normal"/> holds its rows in recording order, and
    /// <paramref name="firstStoredTest"/> is the Test_ID of its first row as stored (null without a numeric Test_ID).
    /// </summary>
    internal static (RecordingMetadata Metadata, IReadOnlySet<string> Used) Read(JetFile file, IReadOnlyDictionary<string, int> tables, JetTableData normal, double? firstStoredTest, List<string> notes, CancellationToken cancellationToken)
    {
        var entries = new List<KeyValuePair<string, string>> { new("Database", $"{file.Header.Describe()} (Microsoft Access)") };
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        JetTableData? global = null;
        foreach (string name in new[] { GlobalTable, VersionTable, AuxiliaryGlobalTable, ResumeTable, EventTable })
        {
            if (tables.TryGetValue(name, out int page))
            {
                used.Add(name);
                JetTableData data;
                try
                {
                    data = JetTableData.Read(JetTable.Read(file, name, page), cancellationToken);
                }
                catch (DataFileException e)
                {
                    notes.Add($"the database's table '{name}' could not be read ({e.Problem}); the metadata has none of it");
                    continue;
                }

                Entries(name, data, entries, notes);
                global = name == GlobalTable ? data : global;
            }
        }

        var metadata = RecordingMetadata.Empty with { Instrument = "Arbin" };
        if (global is { RowCount: > 0 })
        {
            int row = GlobalRow(global, firstStoredTest);
            string? Text(string column) => global.IndexOf(column) is >= 0 and var c ? Value(global, c, row) : null;
            double Number(string column) => global.IndexOf(column) is >= 0 and var c && global.Numbers[c] is { } n ? n[row] : double.NaN;
            double mass = Number("MASS");
            double capacity = Number("Capacity");
            metadata = metadata with
            {
                TestName = TestName(Text("Test_Name"), Number("DAQ_Index"), Number("Channel_Index")),
                Channel = Text("Channel_Index"),
                ScheduleName = NullIfEmpty(Text("Schedule_File_Name")),
                ActiveMassGrams = double.IsFinite(mass) && mass > 0 ? mass : null,
                NominalCapacityAmpereHours = double.IsFinite(capacity) && capacity > 0 ? capacity : null,
                Software = NullIfEmpty(Text("Software_Version")) is { } version ? "Arbin " + version : null,
                StartTime = Start(Number("Start_DateTime"), $"{GlobalTable} 'Start_DateTime'") ?? FirstDateTime(normal),
            };
        }
        else
        {
            metadata = metadata with { StartTime = FirstDateTime(normal) };
        }

        return (metadata with { HeaderEntries = [.. entries] }, used);
    }

    /// <summary>
    /// Arbin stores the test name with the data-acquisition unit and channel appended (<c>name-01-003</c> for DAQ 1,
    /// channel 3); the test name is the name without that suffix (the stored value stays in the header entries).
    /// </summary>
    internal static string? TestName(string? stored, double daq, double channel)
    {
        if (string.IsNullOrEmpty(stored))
        {
            return null;
        }

        if (double.IsFinite(daq) && double.IsFinite(channel))
        {
            string suffix = string.Create(CultureInfo.InvariantCulture, $"-{daq:00}-{channel:000}");
            if (stored.Length > suffix.Length && stored.EndsWith(suffix, StringComparison.Ordinal))
            {
                return stored[..^suffix.Length];
            }
        }

        return stored;
    }

    private static int GlobalRow(JetTableData global, double? firstStoredTest)
    {
        int id = global.IndexOf("Test_ID");
        if (global.RowCount == 1 || id < 0 || global.Numbers[id] is not { } ids || firstStoredTest is not { } test)
        {
            return 0;
        }

        int row = Array.IndexOf(ids, test);
        return row < 0 ? 0 : row;
    }

    private static RecordingStartTime? FirstDateTime(JetTableData normal) =>
        normal.IndexOf("DateTime") is >= 0 and var c && normal.Numbers[c] is { Length: > 0 } values
            ? Start(values[0], $"first '{normal.Table.Columns[c].Name}' value")
            : null;

    private static RecordingStartTime? Start(double oleDays, string where)
    {
        if (!double.IsFinite(oleDays) || oleDays <= 1 || oleDays >= 2958465)
        {
            return null;
        }

        DateTime local = DateTime.FromOADate(oleDays);
        return new RecordingStartTime(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), null, $"{where} (OLE date, local clock, zone not stated)");
    }

    private static void Entries(string table, JetTableData data, List<KeyValuePair<string, string>> entries, List<string> notes)
    {
        for (int row = 0; row < Math.Min(data.RowCount, MaximumEntryRows); row++)
        {
            string prefix = row == 0 ? table : string.Create(CultureInfo.InvariantCulture, $"{table}[{row}]");
            for (int c = 0; c < data.Table.Columns.Count; c++)
            {
                entries.Add(new($"{prefix}.{data.Table.Columns[c].Name}", Value(data, c, row) ?? string.Empty));
            }
        }

        if (data.RowCount > MaximumEntryRows)
        {
            notes.Add($"the database's table '{table}' holds {data.RowCount} rows; the first {MaximumEntryRows} are kept as header entries, the other {data.RowCount - MaximumEntryRows} are not part of the recording");
        }
    }

    private static string? Value(JetTableData data, int column, int row) =>
        data.Numbers[column] is { } numbers
            ? double.IsNaN(numbers[row]) ? null : numbers[row].ToString("R", CultureInfo.InvariantCulture)
            : data.Texts[column]![row];

    private static string? NullIfEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
