using System.Globalization;

namespace Electrochem.IO.Cycling;

/// <summary>
/// Elapsed times written as clock text, as cyclers export them: <c>hh:mm:ss</c> with any number of hours
/// (<c>123:04:05.5</c>, Neware and PEC), <c>d.hh:mm:ss</c> (.NET), and Maccor's <c>0d 00:00:00.0000</c>.
/// </summary>
internal static class Duration
{
    /// <summary>True when a header's unit text says its values are clock durations (e.g. PEC's <c>Hours in hh:mm:ss.xxx</c>).</summary>
    internal static bool IsDurationUnit(string? unit) =>
        unit is not null && (unit.Contains("hh:mm", StringComparison.OrdinalIgnoreCase) || unit.Contains("h:mm", StringComparison.OrdinalIgnoreCase));

    /// <summary>Parses a duration into seconds; false when the text is not one.</summary>
    internal static bool TryParseSeconds(ReadOnlySpan<char> text, out double seconds)
    {
        seconds = double.NaN;
        text = text.Trim();
        bool negative = text.StartsWith('-');
        if (negative)
        {
            text = text[1..];
        }

        double days = 0;
        int space = text.IndexOf(' ');
        if (space > 0 && (text[space - 1] is 'd' or 'D'))
        {
            if (!int.TryParse(text[..(space - 1)], NumberStyles.None, CultureInfo.InvariantCulture, out int d))
            {
                return false;
            }

            days = d;
            text = text[(space + 1)..].TrimStart();
        }

        int firstColon = text.IndexOf(':');
        if (firstColon <= 0)
        {
            return false;
        }

        ReadOnlySpan<char> hoursText = text[..firstColon];
        int dot = hoursText.IndexOf('.');
        if (dot > 0)
        {
            if (!int.TryParse(hoursText[..dot], NumberStyles.None, CultureInfo.InvariantCulture, out int d))
            {
                return false;
            }

            days += d;
            hoursText = hoursText[(dot + 1)..];
        }

        ReadOnlySpan<char> rest = text[(firstColon + 1)..];
        int secondColon = rest.IndexOf(':');
        if (secondColon != 2 || rest.Length < 4
            || !int.TryParse(hoursText, NumberStyles.None, CultureInfo.InvariantCulture, out int hours)
            || !int.TryParse(rest[..2], NumberStyles.None, CultureInfo.InvariantCulture, out int minutes) || minutes > 59
            || !double.TryParse(rest[3..].ToString().Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double secs) || secs >= 60)
        {
            return false;
        }

        seconds = (((days * 24) + hours) * 3600) + (minutes * 60) + secs;
        if (negative)
        {
            seconds = -seconds;
        }

        return true;
    }
}
