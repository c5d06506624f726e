using System.Collections.Immutable;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using Electrochem.Cycling;

namespace Electrochem.IO.Cycling;

/// <summary>
/// The XML metadata of a Neware <c>.ndax</c>: <c>TestInfo.xml</c> (channel, start, step file, barcode, ranges,
/// auxiliary channels), <c>Step.xml</c> (active mass when entered, the step plan's types), <c>VersionInfo.xml</c>
/// (server and client versions). Every attribute of <c>TestInfo</c> and <c>ZwjVersion</c> is kept as a header entry.
/// A damaged or missing XML entry costs a warning, never the data.
/// </summary>
internal static class NewareNdaxMetadata
{
    /// <summary>The largest XML entry read (a metadata file is a few KiB).</summary>
    internal const long MaximumXmlBytes = 4 << 20;

    /// <summary>The metadata; <paramref name="firstClockSeconds"/> (Unix time of the first record) gives the UTC offset of the local start time.</summary>
    internal static RecordingMetadata Read(ZipArchive archive, double? firstClockSeconds, List<string> notes)
    {
        var entries = ImmutableArray.CreateBuilder<KeyValuePair<string, string>>();
        var metadata = RecordingMetadata.Empty with { Instrument = "Neware" };
        if (Load(archive, "TestInfo.xml", notes)?.Descendants("TestInfo").FirstOrDefault() is { } test)
        {
            foreach (XAttribute a in test.Attributes())
            {
                entries.Add(new("TestInfo." + a.Name.LocalName, a.Value));
            }

            foreach (XElement aux in test.Elements().Where(e => e.Name.LocalName.StartsWith("Aux", StringComparison.Ordinal)))
            {
                entries.Add(new("TestInfo." + aux.Name.LocalName, string.Join(", ", aux.Attributes().Select(a => $"{a.Name.LocalName}={a.Value}"))));
            }

            string? channel = Attribute(test, "ChlID");
            string? device = Attribute(test, "DevID");
            string? unit = Attribute(test, "UnitID");
            metadata = metadata with
            {
                Channel = device is not null && unit is not null && channel is not null ? $"{device}-{unit}-{channel}" : channel,
                TestName = NullIfEmpty(Attribute(test, "SN")),
                ScheduleName = NullIfEmpty(Attribute(test, "StepName")),
                StartTime = Start(Attribute(test, "StartTime"), firstClockSeconds),
            };
        }

        if (Load(archive, "VersionInfo.xml", notes)?.Descendants("ZwjVersion").FirstOrDefault() is { } version)
        {
            foreach (XAttribute a in version.Attributes())
            {
                entries.Add(new("VersionInfo." + a.Name.LocalName, a.Value));
            }

            metadata = metadata with { Software = NullIfEmpty(Attribute(version, "CurrClientVer")) ?? NullIfEmpty(Attribute(version, "SvrVer")) };
        }

        if (Load(archive, "Step.xml", notes) is { } step)
        {
            // SCQ is the active mass in µg (0 when none was entered).
            if (step.Descendants("SCQ").FirstOrDefault() is { } scq && double.TryParse(Attribute(scq, "Value"), NumberStyles.Float, CultureInfo.InvariantCulture, out double micrograms))
            {
                entries.Add(new("Step.SCQ", scq.Attribute("Value")!.Value));
                metadata = metadata with { ActiveMassGrams = micrograms > 0 && double.IsFinite(micrograms) ? micrograms / 1e6 : null };
            }

            string[] types = [.. step.Descendants().Where(e => e.Name.LocalName.StartsWith("Step", StringComparison.Ordinal) && e.Attribute("Step_Type") is not null)
                .Select(e => $"{Attribute(e, "Step_ID")}:{NewareStepTypes.Name(int.TryParse(Attribute(e, "Step_Type"), NumberStyles.Integer, CultureInfo.InvariantCulture, out int t) ? t : -1)}")];
            if (types.Length > 0)
            {
                entries.Add(new("Step.Steps", string.Join(", ", types)));
            }
        }

        return metadata with { HeaderEntries = entries.ToImmutable() };
    }

    /// <summary>The start as the local clock time TestInfo states; its UTC offset is the difference to the first record's Unix time, when that is a whole quarter hour (to a minute).</summary>
    private static RecordingStartTime? Start(string? text, double? firstClockSeconds)
    {
        if (!DateTime.TryParseExact(text, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateTime local))
        {
            return null;
        }

        TimeSpan? offset = null;
        if (firstClockSeconds is { } unix && double.IsFinite(unix) && unix > 0 && unix < 253402300799)
        {
            DateTime utc = DateTime.UnixEpoch.AddSeconds(unix);
            double minutes = (local - utc).TotalMinutes;
            double quarters = Math.Round(minutes / 15);
            if (Math.Abs(minutes - (quarters * 15)) <= 1 && Math.Abs(quarters) <= 14 * 4)
            {
                offset = TimeSpan.FromMinutes(quarters * 15);
            }
        }

        return new RecordingStartTime(local, offset, offset is null
            ? "TestInfo.xml StartTime (local clock)"
            : "TestInfo.xml StartTime (local clock); the UTC offset is its difference to the first record's Unix time");
    }

    private static XDocument? Load(ZipArchive archive, string name, List<string> notes)
    {
        ZipArchiveEntry? entry = archive.GetEntry(name);
        if (entry is null)
        {
            return null;
        }

        if (entry.Length > MaximumXmlBytes)
        {
            notes.Add($"the entry '{name}' claims {entry.Length} bytes, more than the {MaximumXmlBytes} read for metadata; its metadata is not read");
            return null;
        }

        try
        {
            byte[] bytes = new byte[entry.Length];
            using (Stream stream = entry.Open())
            {
                int read = stream.ReadAtLeast(bytes, bytes.Length, throwOnEndOfStream: false);
                if (read < bytes.Length || stream.ReadByte() >= 0)
                {
                    throw new InvalidDataException("its size differs from what the archive states");
                }
            }

            string text = Decode(bytes);
            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, MaxCharactersInDocument = MaximumXmlBytes * 2 };
            using var reader = XmlReader.Create(new StringReader(text), settings);
            return XDocument.Load(reader);
        }
        catch (Exception e) when (e is XmlException or InvalidDataException or DecoderFallbackException)
        {
            notes.Add($"the entry '{name}' could not be read ({e.Message}); its metadata is not part of the recording");
            return null;
        }
    }

    /// <summary>The text of an XML entry: GB2312 (code page 936) when its declaration says so, as Neware writes TestInfo.xml, else UTF-8.</summary>
    private static string Decode(byte[] bytes)
    {
        ReadOnlySpan<byte> head = bytes.AsSpan(0, Math.Min(bytes.Length, 200));
        bool gb = Encoding.ASCII.GetString(head).Contains("GB2312", StringComparison.OrdinalIgnoreCase);
        Encoding encoding = gb ? CodePagesEncodingProvider.Instance.GetEncoding(936) ?? Encoding.UTF8 : Encoding.UTF8;
        string text = encoding.GetString(bytes);
        return text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;
    }

    private static string? Attribute(XElement element, string name) => element.Attribute(name)?.Value;

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
