using System.Buffers.Binary;
using System.Collections.Immutable;
using System.IO.Compression;
using System.Text.RegularExpressions;
using Electrochem.Cycling;

namespace Electrochem.IO.Cycling;

/// <summary>
/// Neware <c>.ndax</c> files (BTS 8), read natively: a zip archive (first bytes <c>PK\x03\x04</c>) holding
/// <c>data.ndc</c>. The main-data records (voltage, current) become the rows, in record order; the step file
/// (<c>data_step.ndc</c>) gives each row's cycle, step and step type; the run information (<c>data_runInfo.ndc</c>) its
/// step time, test time, capacities and energies (see <see cref="NdaxTimeline"/> for the rows it does not hold);
/// each auxiliary channel (<c>data_AUX_*.ndc</c>) is an extra column; the XML entries give the metadata. Columns are
/// named, united and signed as the <see cref="NewareCsvReader"/> reads BTS's CSV export (current negative on
/// discharge). Only the <c>.ndc</c> versions in <see cref="NdcLayout.Known"/> are read; any other is refused.
/// </summary>
internal sealed partial class NewareNdaxReader : ICyclerFormatReader
{
    internal const string DataEntry = "data.ndc";
    internal const string StepEntry = "data_step.ndc";
    internal const string RunInfoEntry = "data_runInfo.ndc";

    /// <summary>The largest <c>.ndc</c> entry read (512 MiB: 64 million main-data records); a larger claim is refused before anything is read.</summary>
    internal const long MaximumEntryBytes = 512L << 20;

    public CyclerFileFormat Format => CyclerFileFormat.NewareNdax;

    public string Description => "Neware .ndax (zip of XML and .ndc records)";

    /// <summary>True when the first bytes are a zip archive's local file header.</summary>
    internal static bool IsZip(ReadOnlySpan<byte> magic) => magic.StartsWith("PK\x03\x04"u8);

    public bool Matches(CyclerSource source) => IsNdax(source);

    /// <summary>True when the file is a zip archive holding <c>data.ndc</c> (so another zip is not taken for an .ndax).</summary>
    internal static bool IsNdax(CyclerSource source)
    {
        if (!IsZip(source.Magic.Span))
        {
            return false;
        }

        try
        {
            using Stream stream = source.OpenBinary();
            if (!stream.CanSeek)
            {
                return false;
            }

            using var archive = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: false);
            return archive.GetEntry(DataEntry) is not null;
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }

    public DataFileResult<CyclerRecording> Read(CyclerSource source, CyclerReadOptions options, CancellationToken cancellationToken)
    {
        try
        {
            using Stream stream = source.OpenSeekable();
            using var archive = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: false);
            return Read(archive, source.Name, options, cancellationToken);
        }
        catch (DataFileException e)
        {
            return RecordingAssembler.Fail(source.Name, e.LineNumber, e.Problem);
        }
        catch (InvalidDataException e)
        {
            return RecordingAssembler.Fail(source.Name, 1, $"the .ndax archive is damaged or not a zip archive ({e.Message})");
        }
    }

    private DataFileResult<CyclerRecording> Read(ZipArchive archive, string source, CyclerReadOptions options, CancellationToken cancellationToken)
    {
        var notes = new List<string>();
        ZipArchiveEntry data = archive.GetEntry(DataEntry) ?? throw new DataFileException(source, 1, $"the archive has no '{DataEntry}', so it is not a Neware .ndax");
        var voltage = new List<double>();
        var current = new List<double>();
        Entry(data, source, NdcLayout.MainData, r =>
        {
            voltage.Add(Jet.JetRow.Widen(BinaryPrimitives.ReadSingleLittleEndian(r)));
            current.Add(Jet.JetRow.Widen(BinaryPrimitives.ReadSingleLittleEndian(r[4..])));
        }, cancellationToken);
        if (voltage.Count == 0)
        {
            throw new DataFileException(source, 1, $"'{DataEntry}' holds no records: the test recorded no data");
        }

        if (archive.GetEntry(StepEntry) is not { } stepEntry || archive.GetEntry(RunInfoEntry) is not { } runEntry)
        {
            throw new DataFileException(source, 1, $"the archive has '{DataEntry}' but not both '{StepEntry}' and '{RunInfoEntry}'; this reader reads .ndc version {NdcLayout.Versions}, whose main data hold only voltage and current, and no time or step can be placed without them");
        }

        var steps = new List<NdaxStep>();
        int emptySteps = 0;
        Entry(stepEntry, source, NdcLayout.Steps, r =>
        {
            NdaxStep step = NdaxStep.Read(r);
            if (step.StepId == 0 && step.FirstIndex == 0)
            {
                emptySteps++;
            }
            else
            {
                steps.Add(step);
            }
        }, cancellationToken);
        var runInfo = new List<NdaxRunInfo>();
        int emptyRuns = 0;
        Entry(runEntry, source, NdcLayout.RunInfo, r =>
        {
            NdaxRunInfo info = NdaxRunInfo.Read(r);
            if (info.Index == 0)
            {
                emptyRuns++;
            }
            else
            {
                runInfo.Add(info);
            }
        }, cancellationToken);
        if (emptySteps + emptyRuns > 0)
        {
            notes.Add($"{emptySteps} step records and {emptyRuns} run-information records are empty (all zero) and were skipped");
        }

        double[] v = [.. voltage];
        double[] i = [.. current];
        NdaxTimeline timeline = NdaxTimeline.Build(source, steps, runInfo, v, i, notes);
        var used = new HashSet<string>(StringComparer.Ordinal) { DataEntry, StepEntry, RunInfoEntry, "TestInfo.xml", "Step.xml", "VersionInfo.xml" };
        List<(string Header, double[] Values)> auxiliary = Auxiliary(archive, source, v.Length, used, notes, cancellationToken);
        string[] ignored = [.. archive.Entries.Select(e => e.FullName).Where(name => !used.Contains(name))];
        if (ignored.Length > 0)
        {
            notes.Add($"the archive's entries {string.Join(", ", ignored.Select(n => $"'{n}'"))} are not part of the recording (logs, edited step plans, comments)");
        }

        RecordingMetadata metadata = NewareNdaxMetadata.Read(archive, runInfo.Count > 0 ? runInfo[0].UnixSeconds : null, notes);
        return Assemble(source, metadata, steps, timeline, v, i, auxiliary, notes, options);
    }

    private DataFileResult<CyclerRecording> Assemble(string source, RecordingMetadata metadata, List<NdaxStep> steps, NdaxTimeline t, double[] voltage, double[] current, List<(string Header, double[] Values)> auxiliary, List<string> notes, CyclerReadOptions options)
    {
        int n = voltage.Length;
        double[] points = new double[n];
        double[] cycle = new double[n];
        double[] stepIndex = new double[n];
        double[] programStep = new double[n];
        int[] rowLines = new int[n];
        using var types = new TextColumnBuilder();
        for (int r = 0; r < n; r++)
        {
            NdaxStep step = steps[t.Step[r]];
            points[r] = r + 1;
            rowLines[r] = r + 1;
            cycle[r] = step.Cycle;
            stepIndex[r] = t.Step[r] + 1;
            programStep[r] = step.StepId;
            types.Add(NewareStepTypes.Name(step.Type));
        }

        (int[] codes, ImmutableArray<string> categories) = types.Build();
        List<(string Header, double[]? Numbers)> columns =
        [
            ("DataPoint", points),
            ("Cycle Index", cycle),
            ("Step Index", stepIndex),
            ("Program Step", programStep),
            ("Step Type", null),
            ("Time", t.StepTime),
            ("Cumulative Time", t.TestTime),
            ("Current(A)", current),
            ("Voltage(V)", voltage),
            ("Chg. Cap.(Ah)", t.ChargeCapacity),
            ("DChg. Cap.(Ah)", t.DischargeCapacity),
            ("Chg. Energy(Wh)", t.ChargeEnergy),
            ("DChg. Energy(Wh)", t.DischargeEnergy),
            ("runInfo Record", t.Stored),
        ];
        columns.AddRange(auxiliary.Select(a => (a.Header, (double[]?)a.Values)));
        (ColumnPlan[]? plans, string? problem) = CyclerColumnPlanner.Plan([.. columns.Select(c => c.Header)], options.ColumnMap, NewareCsvReader.Columns, useSynonyms: true, notes);
        if (plans is null)
        {
            return RecordingAssembler.Fail(source, 1, problem!);
        }

        var raw = new List<RawColumn>(columns.Count);
        for (int c = 0; c < columns.Count; c++)
        {
            raw.Add(columns[c].Numbers is { } numbers
                ? new RawColumn(plans[c] with { Kind = ColumnKind.Numeric }, numbers, null, [])
                : new RawColumn(plans[c] with { Kind = ColumnKind.Text }, null, codes, categories));
        }

        return TableBlock.Assemble(source, Description, metadata, 1, new RawTable(raw, rowLines, []), notes, options);
    }

    /// <summary>Each auxiliary channel's values, one per main-data record, under the entry's name (<c>AUX 144_3_1</c>: channel 144, type 3, number 1), as stored, without a unit.</summary>
    private static List<(string Header, double[] Values)> Auxiliary(ZipArchive archive, string source, int rows, HashSet<string> used, List<string> notes, CancellationToken cancellationToken)
    {
        var result = new List<(string, double[])>();
        foreach (ZipArchiveEntry entry in archive.Entries.OrderBy(e => e.FullName, StringComparer.Ordinal))
        {
            Match m = AuxiliaryName().Match(entry.FullName);
            if (!m.Success)
            {
                continue;
            }

            used.Add(entry.FullName);
            double[] values = new double[rows];
            int count = 0;
            Entry(entry, source, NdcLayout.Auxiliary, r =>
            {
                if (count < rows)
                {
                    values[count] = Jet.JetRow.Widen(BinaryPrimitives.ReadSingleLittleEndian(r));
                }

                count++;
            }, cancellationToken);
            if (count != rows)
            {
                values.AsSpan(Math.Min(count, rows)).Fill(double.NaN);
                notes.Add(count < rows
                    ? $"the auxiliary channel '{entry.FullName}' holds {count} values for {rows} main-data records; the last {rows - count} rows have none (empty)"
                    : $"the auxiliary channel '{entry.FullName}' holds {count} values for {rows} main-data records; the {count - rows} values after the last record are not part of the recording");
            }

            result.Add(("AUX " + m.Groups[1].Value, values));
        }

        if (result.Count > 0)
        {
            notes.Add($"the auxiliary channels ({string.Join(", ", result.Select(r => r.Item1))}) are kept as stored, without a unit: the .ndax does not state their quantity (TestInfo.xml's Aux entries give each channel's type)");
        }

        return result;
    }

    /// <summary>Reads one <c>.ndc</c> entry after checking its stated size against <see cref="MaximumEntryBytes"/>.</summary>
    private static void Entry(ZipArchiveEntry entry, string source, int fileType, NdcRecordHandler onRecord, CancellationToken cancellationToken)
    {
        if (entry.Length > MaximumEntryBytes || entry.Length < 0)
        {
            throw NdcFile.Fail(source, entry.FullName, $"claims {entry.Length} bytes uncompressed, more than the {MaximumEntryBytes} this reader accepts for one .ndc file");
        }

        using Stream stream = entry.Open();
        NdcFile.Read(stream, entry.Length, source, entry.FullName, fileType, onRecord, cancellationToken);
    }

    [GeneratedRegex(@"^data_AUX_([0-9]+_[0-9]+_[0-9]+)\.ndc$", RegexOptions.CultureInvariant)]
    private static partial Regex AuxiliaryName();
}
