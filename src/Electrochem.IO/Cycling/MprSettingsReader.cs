using System.Buffers.Binary;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace Electrochem.IO.Cycling;

/// <summary>
/// The fields this reader takes from an EC-Lab <c>.mpr</c> file's settings, log and loop modules, at the offsets the
/// public descriptions of the format give and checked against paired <c>.mpt</c> headers (EC-Lab 11.10 to 11.61); each
/// is read only when its module is long enough to hold it, so a short or damaged module gives fewer fields, never an error.
/// </summary>
internal static class MprSettingsReader
{
    /// <summary>What the settings and log modules say, each field read only when the module is long enough to hold it.</summary>
    /// <param name="settings">The settings module's data, or null.</param>
    /// <param name="log">The log module's data, or null.</param>
    /// <param name="warnings">Where what is noticed about the technique parameters goes.</param>
    internal static MprSettings Read(byte[]? settings, byte[]? log, List<string> warnings)
    {
        MprSettings read = MprSettings.None;
        if (settings is { Length: > 0 })
        {
            read = read with
            {
                TechniqueId = settings[0],
                Comments = Pascal(settings, 0x07),
                ElectrodeMaterial = Pascal(settings, 0x11E),
                Electrolyte = Pascal(settings, 0x1C0),
                ActiveMassMilligrams = Single(settings, 0x107),
                BatteryCapacityMilliampereHours = Single(settings, 0x25C),
                BatteryCapacityUnit = settings.Length > 0x260 ? settings[0x260] : null,
                Parameters = MprParameterReader.Read(settings, warnings),
            };
        }

        if (log is { Length: > 0 })
        {
            // The acquisition start (an OLE date) is at 585 in every file seen; older descriptions also name 465, 469 and 473.
            double? start = null;
            foreach (int at in (ReadOnlySpan<int>)[0x249, 465, 469, 473])
            {
                if (at + 8 <= log.Length && BinaryPrimitives.ReadDoubleLittleEndian(log.AsSpan(at)) is var ole and > 32874 and < 73051)
                {
                    start = ole; // 1990-01-01 to 2100-01-01
                    break;
                }
            }

            read = read with
            {
                AcquisitionStart = start,
                Channel = log.Length > 9 ? log[9] + 1 : null,
                SoftwareVersion = Pascal(log, 0x3B7),
                DeviceSerial = Pascal(log, 0x3CF),
            };
        }

        return read;
    }

    /// <summary>The loop module: a count, then the first point of each loop (and of the point after the last).</summary>
    internal static ImmutableArray<int> LoopStarts(byte[]? loop, int points, List<string> warnings)
    {
        if (loop is null || loop.Length < 4)
        {
            return [];
        }

        long count = BinaryPrimitives.ReadUInt32LittleEndian(loop);
        if (count > (loop.Length - 4) / 4)
        {
            warnings.Add($"the loop module says it lists {count} loops but holds at most {(loop.Length - 4) / 4}; the loops are not read");
            return [];
        }

        var starts = ImmutableArray.CreateBuilder<int>();
        for (int i = 0; i < count; i++)
        {
            long start = BinaryPrimitives.ReadUInt32LittleEndian(loop.AsSpan(4 + (4 * i)));
            if (start < points && (starts.Count == 0 || start > starts[^1]))
            {
                starts.Add((int)start);
            }
        }

        return starts.ToImmutable();
    }

    /// <summary>
    /// A 32-bit float to the 7 significant digits a float carries, so an entered 0.12 mA·h (stored as 0.120000005) or
    /// 1.3 A·h (stored as 1300.0001 mA·h) reads as entered; null when beyond the module or not finite.
    /// </summary>
    private static double? Single(byte[] bytes, int at) =>
        at + 4 <= bytes.Length && BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(at)) is var v && float.IsFinite(v)
            ? double.Parse(v.ToString("G7", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture)
            : null;

    /// <summary>A string of a length byte and that many Windows-1252 characters; null when empty or beyond the module.</summary>
    private static string? Pascal(byte[] bytes, int at)
    {
        if (at >= bytes.Length || bytes[at] == 0 || at + 1 + bytes[at] > bytes.Length)
        {
            return null;
        }

        string text = WindowsText.GetString(bytes, at + 1, bytes[at]).Trim();
        return text.Length == 0 ? null : text;
    }

    private static Encoding WindowsText => CodePagesEncodingProvider.Instance.GetEncoding(1252) ?? Encoding.Latin1;
}
