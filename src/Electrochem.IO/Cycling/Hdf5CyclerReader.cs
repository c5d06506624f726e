using System.Collections.Immutable;
using System.Globalization;
using Electrochem.Cycling;
using Electrochem.IO.Cycling.Hdf5;
using PureHDF;
using PureHDF.VOL.Native;

namespace Electrochem.IO.Cycling;

/// <summary>
/// Cycler data exported as HDF5 by pandas (<c>HDFStore</c>, fixed or table layout), read with PureHDF (managed code,
/// no native library): cellpy's Arbin SQL exports (<c>data_df</c>, with <c>info_df</c> and <c>stat_df</c> beside it)
/// and Indigo's files (<c>time_series_data</c>). The data frame's columns are named and converted by the header
/// grammar and the Arbin and Indigo column names (s, A, V, Ah, Wh, °C); every other column is kept as written; a
/// one-row frame beside it (Arbin's <c>info_df</c>) becomes header entries; any other frame, and any block of pickled
/// Python objects, is named in a warning. A file of another layout is refused with the datasets it holds.
/// </summary>
internal sealed class Hdf5CyclerReader : ICyclerFormatReader
{
    /// <summary>Indigo's columns, as beep reads them: time in s, current in A, voltage in V, temperature in °C.</summary>
    internal static readonly VendorColumn[] IndigoColumns =
    [
        new("time_s", RecordingQuantity.TestTime, "s"),
        new("cell_current_a", RecordingQuantity.Current, "A"),
        new("cell_voltage_v", RecordingQuantity.Voltage, "V"),
        new("cycle_count", RecordingQuantity.CycleIndex),
        new("half_cycle_count", RecordingQuantity.StepIndex),
        new("cell_temperature_c", RecordingQuantity.Temperature, "°C"),
    ];

    /// <summary>The names of the frame that holds the data, when a file holds more than one (cellpy, beep, the generic name).</summary>
    private static readonly string[] DataFrameNames = ["data_df", "time_series_data", "raw", "data"];

    public CyclerFileFormat Format => CyclerFileFormat.Hdf5;

    public string Description => "HDF5 (pandas frame)";

    public bool Matches(CyclerSource source) => source.IsHdf5;

    public DataFileResult<CyclerRecording> Read(CyclerSource source, CyclerReadOptions options, CancellationToken cancellationToken)
    {
        using Stream stream = source.OpenSeekable();
        try
        {
            long length = stream.Length - stream.Position;
            var frames = new Hdf5FrameReader(source.Name, length);

            // Every size PureHDF would allocate from is checked against the file first (Hdf5StructureCheck).
            Hdf5StructureCheck.Run(stream, source.Name);
            try
            {
                using NativeFile file = H5File.Open(stream, leaveOpen: true);
                return Read(source, file, frames, options, cancellationToken);
            }
            catch (Exception e) when (IsLibraryFailure(e))
            {
                // PureHDF reports a damaged structure with whatever exception its parser meets; all of them mean the same here.
                return RecordingAssembler.Fail(source.Name, 1, $"the HDF5 file is damaged or uses a feature that is not read ({e.GetType().Name}: {e.Message})");
            }
        }
        catch (DataFileException e)
        {
            return RecordingAssembler.Fail(source.Name, e.LineNumber, e.Problem);
        }
    }

    private DataFileResult<CyclerRecording> Read(CyclerSource source, NativeFile file, Hdf5FrameReader reader, CyclerReadOptions options, CancellationToken cancellationToken)
    {
        var found = new List<(string Path, IH5Group Group, string Layout)>();
        var datasets = new List<string>();
        reader.Find(file, string.Empty, 0, found, datasets, cancellationToken);
        if (found.Count == 0)
        {
            string names = datasets.Count == 0 ? "none" : string.Join(", ", datasets.Take(40).Select(d => $"'{d}'")) + (datasets.Count > 40 ? $" and {datasets.Count - 40} more" : string.Empty);
            throw reader.Fail($"this HDF5 file holds no pandas frame (a group with a 'pandas_type' attribute of 'frame' or 'frame_table'), the layouts of the cellpy and Indigo exports that are read; its datasets: {names}");
        }

        var notes = new List<string>();
        (string path, IH5Group group, string layout) = Choose(found);
        Hdf5Frame frame = reader.Read(path, group, layout, cancellationToken);
        if (frame.RowCount == 0)
        {
            throw reader.Fail($"the pandas frame '{frame.Path}' has no rows: the file holds no data");
        }

        foreach (string unread in frame.Unread)
        {
            notes.Add($"the columns {unread} of the pandas frame '{frame.Path}' are not read: pickled Python objects and other HDF5 types than numbers and fixed-length strings are not decoded");
        }

        var entries = new List<KeyValuePair<string, string>>();
        foreach ((string otherPath, IH5Group otherGroup, string otherLayout) in found.Where(f => f.Path != path))
        {
            Extra(reader, otherPath, otherGroup, otherLayout, entries, notes, cancellationToken);
        }

        string[] headers = [.. frame.Columns.Select(c => c.Name)];
        (ColumnPlan[]? plans, string? problem) = CyclerColumnPlanner.Plan(headers, options.ColumnMap, [.. ArbinCsvReader.Columns, .. IndigoColumns], useSynonyms: true, notes);
        if (plans is null)
        {
            throw reader.Fail($"in the pandas frame '{frame.Path}': {problem}");
        }

        var raw = new List<RawColumn>(headers.Length);
        for (int c = 0; c < headers.Length; c++)
        {
            raw.Add(Column(reader, frame, plans[c], frame.Columns[c]));
        }

        int[] lines = new int[frame.RowCount];
        lines.AsSpan().Fill(1);
        (List<RecordingColumn> numeric, List<RecordingTextColumn> text) = RecordingAssembler.Columns(new RawTable(raw, lines, []));
        if (RecordingAssembler.RowProblem(numeric, options, $"the pandas frame '{frame.Path}'", i => $"row {i + 1}", "empty (NaN)") is { } rowProblem)
        {
            throw reader.Fail(rowProblem);
        }

        TableBlock.CounterChecks(numeric, notes);
        RecordingMetadata metadata = RecordingMetadata.Empty with { HeaderEntries = [.. entries], StartTime = StartTime(frame) };
        return RecordingAssembler.Finish(source.Name, Description, metadata, numeric, text, lines, notes, options);
    }

    /// <summary>
    /// An exception PureHDF throws on a damaged or unsupported structure: any but ours and cancellation. The sizes it
    /// allocates from were checked by <see cref="Hdf5StructureCheck"/> before it opened the file.
    /// </summary>
    private static bool IsLibraryFailure(Exception e) => e is not (DataFileException or OperationCanceledException);

    /// <summary>The data frame: the first with a known name, else the one with the most rows (by the first dimension of its index or table).</summary>
    private static (string Path, IH5Group Group, string Layout) Choose(List<(string Path, IH5Group Group, string Layout)> found)
    {
        foreach (string name in DataFrameNames)
        {
            int i = found.FindIndex(f => f.Path[(f.Path.LastIndexOf('/') + 1)..].Equals(name, StringComparison.OrdinalIgnoreCase));
            if (i >= 0)
            {
                return found[i];
            }
        }

        return found.MaxBy(f => Rows(f.Group, f.Layout));
    }

    private static ulong Rows(IH5Group group, string layout)
    {
        string name = layout == "frame_table" ? "table" : "axis1";
        return group.LinkExists(name) && group.Dataset(name).Space.Dimensions is [var rows, ..] ? rows : 0;
    }

    /// <summary>A frame beside the data: one row becomes header entries (<c>info_df.Test_ID</c>); more rows are named in a warning.</summary>
    private static void Extra(Hdf5FrameReader reader, string path, IH5Group group, string layout, List<KeyValuePair<string, string>> entries, List<string> notes, CancellationToken cancellationToken)
    {
        Hdf5Frame other;
        try
        {
            other = reader.Read(path, group, layout, cancellationToken);
        }
        catch (DataFileException e)
        {
            notes.Add($"the pandas frame '{path}' could not be read ({e.Problem}); it is not part of the recording");
            return;
        }
        catch (Exception e) when (IsLibraryFailure(e))
        {
            notes.Add($"the pandas frame '{path}' could not be read ({e.GetType().Name}: {e.Message}); it is not part of the recording");
            return;
        }

        if (other.RowCount != 1)
        {
            notes.Add($"the pandas frame '{path}' holds {other.RowCount} rows × {other.Columns.Count} columns, which are not part of the recording");
            return;
        }

        string prefix = other.Name;
        foreach (Hdf5Column column in other.Columns)
        {
            string? value = column.Numbers is { } n ? n[0].ToString("R", CultureInfo.InvariantCulture) : column.Texts![0];
            if (value is not null)
            {
                entries.Add(new($"{prefix}.{column.Name}", value));
            }
        }

        foreach (string unread in other.Unread)
        {
            notes.Add($"the columns {unread} of the pandas frame '{path}' are not read (pickled Python objects)");
        }
    }

    private static RawColumn Column(Hdf5FrameReader reader, Hdf5Frame frame, ColumnPlan plan, Hdf5Column column)
    {
        if (column.Numbers is { } numbers && !plan.IsStepType && plan.Kind != ColumnKind.Text)
        {
            return new RawColumn(plan with { Kind = ColumnKind.Numeric }, numbers, null, []);
        }

        if (plan.Quantity != RecordingQuantity.Other && !plan.IsStepType)
        {
            throw reader.Fail($"the column '{column.Name}' of the pandas frame '{frame.Path}' holds text, but the {CyclerColumnPlanner.Describe(plan.Quantity)} must be numbers");
        }

        using var builder = new TextColumnBuilder();
        for (int i = 0; i < frame.RowCount; i++)
        {
            builder.Add(column.Texts is { } texts ? texts[i] : column.Numbers![i].ToString("R", CultureInfo.InvariantCulture));
        }

        (int[] codes, ImmutableArray<string> categories) = builder.Build();
        return new RawColumn(plan with { Kind = ColumnKind.Text }, null, codes, categories);
    }

    /// <summary>The start time from Indigo's <c>system_time_us</c> (Unix microseconds, UTC, as beep reads it).</summary>
    private static RecordingStartTime? StartTime(Hdf5Frame frame) =>
        frame.Find("system_time_us")?.Numbers is [var first, ..] && first > 1e14 && first < 1e17
            ? ArbinCsvReader.UnixStart(first / 1e6, "system_time_us") with { Source = "first 'system_time_us' value (Unix microseconds, UTC)" }
            : null;
}
