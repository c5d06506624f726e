using System.Globalization;
using Electrochem.Cycling;
using Electrochem.IO.Cycling;

namespace Electrochem.IO.Tests.Cycling;

/// <summary>
/// The oracle of the <c>.mpr</c> reader: every EC-Lab binary file of dgbowl/yadg (GPL-3.0-or-later, read in place from
/// ../shared and never copied) gives, column by column, the values our <c>.mpt</c> reader gives for the paired export
/// (rtol 1e-5, atol 1e-8, yadg's own tolerance), the same flags and the same settings. Skips, saying why, when the
/// folder is absent.
/// </summary>
[Trait("Category", "SharedData")]
public sealed class SharedBioLogicBinaryTests
{
    /// <summary>
    /// Headers one column ID gets in some exports but not in others (EC-Lab 11.50 and later add "we" when the counter
    /// electrode is recorded or in impedance runs): the values are compared, not the names.
    /// </summary>
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.Ordinal)
    {
        ["P/W"] = "Pwe/W",
        ["Energy charge/W.h"] = "Energy we charge/W.h",
        ["Energy discharge/W.h"] = "Energy we discharge/W.h",
    };

    public static TheoryData<string, string, int, int> Pairs => new()
    {
        { "ca.issue_149.mpr", "ca.issue_149.mpt", 80, 0 },
        { "cp.issue_149.mpr", "cp.issue_149.mpt", 44, 0 },
        { "gcpl.issue_149.mpr", "gcpl.issue_149.mpt", 132, 0 },
        { "gcpl.issue_211.mpr", "gcpl.issue_211.mpt", 2_767, 0 },
        { "gcpl.issue_226.CxN.mpr", "gcpl.issue_226.CxN.mpt", 15, 0 },
        { "gcpl.issue_226.I.mpr", "gcpl.issue_226.I.mpt", 15, 0 },
        { "gcpl.pr_182.1.mpr", "gcpl.pr_182.1.mpt", 2_533, 3 },
        { "geis.issue_149.mpr", "geis.issue_149.mpt", 84, 0 },
        { "mb.issue_149.mpr", "mb.issue_149.mpt", 564, 0 },
        { "mb.issue_95.mpr", "mb.issue_95.mpt", 33, 3 },
        { "mb.issue_95.mpr", "mb.issue_95.de.mpt", 33, 3 },
        { "ocv.issue_149.mpr", "ocv.issue_149.mpt", 43, 0 },
        { "peis.issue_149.mpr", "peis.issue_149.mpt", 84, 0 },
        { "peis.mpr", "peis.mpt", 32, 3 },
        { "zir.mpr", "zir.mpt", 1, 2 },
    };

    [Theory]
    [MemberData(nameof(Pairs))]
    public void The_binary_file_gives_the_values_of_its_text_export(string mpr, string mpt, int points, int dataVersion)
    {
        CyclerRecording binary = CyclerFile.Read(SharedYadgFiles.Path(mpr));
        CyclerRecording text = CyclerFile.Read(SharedYadgFiles.Path(mpt));
        Assert.Equal("BioLogic EC-Lab binary file (.mpr)", binary.Format);
        Assert.Equal(points, binary.RowCount);
        Assert.Equal(text.RowCount, binary.RowCount);
        Assert.Equal(dataVersion.ToString(CultureInfo.InvariantCulture), binary.Metadata.HeaderEntries.Single(e => e.Key == "Data module version").Value);
        bool eisQuality = mpr.Contains("eis.issue_149", StringComparison.Ordinal); // SOURCE.md: yadg excludes them too
        int compared = 0;
        foreach (RecordingColumn column in binary.Columns)
        {
            string header = column.Origin.Header;
            if (eisQuality && IsQualityIndicator(header))
            {
                continue;
            }

            RecordingColumn? expected = text.Columns.SingleOrDefault(c => c.Origin.Header == header);
            if (expected is not null)
            {
                Assert.Equal(expected.Name, column.Name);
                Assert.Equal(expected.Quantity, column.Quantity);
                Assert.Equal(expected.Unit, column.Unit);
            }
            else
            {
                expected = text.Columns.SingleOrDefault(c => Aliases.TryGetValue(header, out string? alias) && c.Origin.Header == alias)
                    ?? throw new Xunit.Sdk.XunitException($"{mpr}: column '{header}' ({column.Name}) is not in {mpt}; its columns are {string.Join(", ", text.Columns.Select(c => c.Origin.Header))}");
            }

            AssertClose(expected.Values, column.Values, $"{mpr} '{header}'");
            compared++;
        }

        foreach (RecordingTextColumn column in binary.TextColumns)
        {
            RecordingTextColumn expected = text.TextColumns.Single(c => c.Origin.Header == column.Origin.Header);
            Assert.Equal(Enumerable.Range(0, text.RowCount).Select(i => expected[i]), Enumerable.Range(0, binary.RowCount).Select(i => column[i]));
            compared++;
        }

        Assert.True(compared >= 4, $"{mpr}: only {compared} columns compared");
        if (text.Metadata.Technique is { } technique)
        {
            Assert.Equal(technique, binary.Metadata.Technique);
        }
        if (text.Metadata.StartTime is { } start)
        {
            Assert.Equal(start.ClockTime, binary.Metadata.StartTime!.ClockTime);
            Assert.Null(binary.Metadata.StartTime.UtcOffset);
        }

        if (text.Metadata.Channel is { } channel)
        {
            Assert.StartsWith(binary.Metadata.Channel + " (SN ", channel, StringComparison.Ordinal);
        }

        if (text.Metadata.Software is { } software)
        {
            Assert.Contains(binary.Metadata.Software!["EC-Lab ".Length..] + " (software)", software, StringComparison.Ordinal);
        }

        if (Entry(text, "Number of loops") is { } loops)
        {
            // "Number of loops : 4" and "Loop 0 from point number 0 to 20", … in the export; the loop module's starts here.
            int[] starts = [.. File.ReadLines(SharedYadgFiles.Path(mpt), System.Text.Encoding.Latin1)
                .Where(l => l.StartsWith("Loop ", StringComparison.Ordinal) && l.Contains(" from point number ", StringComparison.Ordinal))
                .Select(l => int.Parse(l.Split(' ')[5], CultureInfo.InvariantCulture) + 1)];
            Assert.Equal(int.Parse(loops, CultureInfo.InvariantCulture), starts.Length);
            Assert.Equal($"{starts.Length} starting at points {string.Join(", ", starts.Take(20))}{(starts.Length > 20 ? ", …" : string.Empty)}", Entry(binary, "Loops"));
        }

        if (text.Metadata.HeaderEntries.Length > 0)
        {
            Assert.Equal(text.Metadata.NominalCapacityAmpereHours is null, binary.Metadata.NominalCapacityAmpereHours is null);
            if (text.Metadata.NominalCapacityAmpereHours is { } capacity)
            {
                Assert.Equal(capacity, binary.Metadata.NominalCapacityAmpereHours!.Value, capacity * 1e-12);
            }

            Assert.Equal(Entry(text, "Battery capacity")?.Replace(',', '.'), Entry(binary, "Battery capacity"));
            foreach (string key in (ReadOnlySpan<string>)["Comments", "Electrode material", "Electrolyte"])
            {
                Assert.Equal(Entry(text, key), Entry(binary, key)?.Split("\r\n")[0]); // the export's header continues a multi-line comment on lines of its own
            }

            // EC-Lab writes its default 0.001 mg whether or not a mass was entered; the binary reader reads it as not
            // stated, which the export agrees with unless it prints the default (mb.issue_95: "0.001 mg").
            if (text.Metadata.ActiveMassGrams is not 1e-6)
            {
                Assert.Equal(text.Metadata.ActiveMassGrams, binary.Metadata.ActiveMassGrams);
            }
        }
    }

    [Fact]
    public void Flags_unpack_to_the_exported_flag_columns()
    {
        CyclerRecording binary = CyclerFile.Read(SharedYadgFiles.Path("gcpl.issue_149.mpr"));
        CyclerRecording text = CyclerFile.Read(SharedYadgFiles.Path("gcpl.issue_149.mpt"));
        foreach (string flag in (ReadOnlySpan<string>)["ox/red", "error", "control changes", "Ns changes", "counter inc."])
        {
            Assert.True(text.GetColumn(flag).Values.SequenceEqual(binary.GetColumn(flag).Values), flag);
        }

        Assert.NotNull(binary.StepType);
        Assert.Equal(Enumerable.Range(0, text.RowCount).Select(i => text.StepType![i]), Enumerable.Range(0, binary.RowCount).Select(i => binary.StepType![i]));
        Assert.Equal(text.StepIndex!.Values.ToArray(), binary.StepIndex!.Values.ToArray());
    }

    [Fact]
    public void The_settings_are_those_of_the_export_header()
    {
        CyclerRecording r = CyclerFile.Read(SharedYadgFiles.Path("gcpl.issue_226.I.mpr"));
        Assert.Equal(0.00139, r.Metadata.ActiveMassGrams!.Value, 12);           // "Mass of active material : 1.390 mg"
        Assert.Equal(120e-6, r.Metadata.NominalCapacityAmpereHours!.Value, 15);  // "Battery capacity : 120.000 µA.h"
        Assert.Equal("120.000 µA.h", Entry(r, "Battery capacity"));
        Assert.Equal("Test comment", Entry(r, "Comments"));
        Assert.Equal("Test material", Entry(r, "Electrode material"));
        Assert.Equal("Test electrolyte", Entry(r, "Electrolyte"));
        Assert.Equal("2", r.Metadata.Channel);
        Assert.Equal("EC-Lab v11.61", r.Metadata.Software);
        Assert.Equal(new DateTime(2025, 8, 4, 9, 35, 26, 748), r.Metadata.StartTime!.ClockTime);
    }

    [Theory]
    [InlineData("gcpl.issue_149.mpr", true, "11.50")]
    [InlineData("gcpl.issue_211.mpr", true, "11.61")]
    [InlineData("mb.issue_95.mpr", false, "11.43")]
    [InlineData("peis.mpr", false, "11.33")]
    [InlineData("zir.mpr", false, "11.18")]
    public void The_EC_Lab_11_50_module_header_is_detected_not_assumed(string name, bool extended, string version)
    {
        CyclerRecording r = CyclerFile.Read(SharedYadgFiles.Path(name));
        Assert.Equal(extended, Entry(r, "Modules")!.Contains("EC-Lab ≥ 11.50 header", StringComparison.Ordinal));
        Assert.Equal(version, Entry(r, "EC-Lab version"));
    }

    private static string? Entry(CyclerRecording r, string key) =>
        r.Metadata.HeaderEntries.FirstOrDefault(e => e.Key == key).Value is { Length: > 0 } v ? v : null;

    private static bool IsQualityIndicator(string header) =>
        header.StartsWith("THD ", StringComparison.Ordinal) || header.StartsWith("NSD ", StringComparison.Ordinal)
        || header.StartsWith("NSR ", StringComparison.Ordinal) || header.StartsWith("|Ewe h", StringComparison.Ordinal)
        || header.StartsWith("|I h", StringComparison.Ordinal);

    internal static void AssertClose(ReadOnlySpan<double> expected, ReadOnlySpan<double> actual, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            double e = expected[i];
            double a = actual[i];
            bool close = (double.IsNaN(e) && double.IsNaN(a)) || Math.Abs(a - e) <= 1e-8 + (1e-5 * Math.Abs(e));
            Assert.True(close, string.Create(CultureInfo.InvariantCulture, $"{what}, point {i + 1}: {a:R} from the .mpr, {e:R} in the export"));
        }
    }
}
