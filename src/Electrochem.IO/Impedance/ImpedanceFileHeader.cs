using System.Collections.Immutable;

namespace Electrochem.IO.Impedance;

/// <summary>What a format reader collects from a file's header before the data: settings, instrument, date, warnings.</summary>
internal sealed class ImpedanceFileHeader
{
    internal ImmutableArray<ImpedanceSetting>.Builder Settings { get; } = ImmutableArray.CreateBuilder<ImpedanceSetting>();

    internal ImmutableArray<string>.Builder Warnings { get; } = ImmutableArray.CreateBuilder<string>();

    internal string? Instrument { get; set; }

    internal string? MeasurementDate { get; set; }

    internal ImpedanceSetting? AcAmplitude { get; set; }

    internal ImpedanceSetting? DcPotential { get; set; }

    /// <summary>Adds a setting (blank names are skipped) and returns it.</summary>
    internal ImpedanceSetting Add(string name, string value, int lineNumber)
    {
        var setting = new ImpedanceSetting(name.Trim(), CollapseSpaces(value), lineNumber);
        if (setting.Name.Length > 0)
        {
            Settings.Add(setting);
        }

        return setting;
    }

    /// <summary>The first setting whose name is one of <paramref name="names"/> (ignoring case), or null.</summary>
    internal ImpedanceSetting? Find(params ReadOnlySpan<string> names)
    {
        foreach (ImpedanceSetting setting in Settings)
        {
            foreach (string name in names)
            {
                if (string.Equals(setting.Name, name, StringComparison.OrdinalIgnoreCase))
                {
                    return setting;
                }
            }
        }

        return null;
    }

    private static string CollapseSpaces(string value)
    {
        string trimmed = value.Trim();
        if (!trimmed.Contains("  ", StringComparison.Ordinal) && !trimmed.Contains('\t', StringComparison.Ordinal))
        {
            return trimmed;
        }

        return string.Join(' ', trimmed.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries));
    }
}
