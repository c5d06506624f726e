using System.Collections.Immutable;
using System.Globalization;

namespace Electrochem.IO.Impedance;

/// <summary>
/// What a format reader collects from a file's header before the data: settings, instrument, date, warnings. Both
/// lists are bounded, so a damaged or hostile file cannot grow them without limit: more than
/// <see cref="MaximumSettings"/> settings make the file an error (<see cref="TooManySettings"/>), and warnings beyond
/// <see cref="MaximumWarnings"/> are counted and summarised in one last warning instead of kept one by one.
/// </summary>
internal sealed class ImpedanceFileHeader
{
    /// <summary>More settings than this (instruments write tens to a few hundred) make the file an error.</summary>
    internal const int MaximumSettings = 10_000;

    /// <summary>Warnings kept one by one; further ones are counted.</summary>
    internal const int MaximumWarnings = 100;

    private readonly ImmutableArray<string>.Builder _warnings = ImmutableArray.CreateBuilder<string>();
    private int _suppressedWarnings;

    internal ImmutableArray<ImpedanceSetting>.Builder Settings { get; } = ImmutableArray.CreateBuilder<ImpedanceSetting>();

    /// <summary>The line of the setting past <see cref="MaximumSettings"/>, or 0 while there are not too many.</summary>
    internal int TooManySettingsLine { get; private set; }

    /// <summary>The error for a header with too many settings, or null.</summary>
    internal string? TooManySettings => TooManySettingsLine == 0 ? null : string.Create(CultureInfo.InvariantCulture,
        $"the header has more than {MaximumSettings} settings lines before the data (this is the next one); an instrument's header has tens to a few hundred: is the file damaged, or not an impedance file?");

    /// <summary>The warnings: at most <see cref="MaximumWarnings"/>, then one that says how many more there were.</summary>
    internal ImmutableArray<string> Warnings => _suppressedWarnings == 0
        ? _warnings.ToImmutable()
        : _warnings.ToImmutable().Add(string.Create(CultureInfo.InvariantCulture, $"… and {_suppressedWarnings} more warnings like those above (only the first {MaximumWarnings} are listed)"));

    /// <summary>Adds a warning, or counts it once <see cref="MaximumWarnings"/> are kept.</summary>
    internal void Warn(string warning)
    {
        if (_warnings.Count < MaximumWarnings)
        {
            _warnings.Add(warning);
        }
        else
        {
            _suppressedWarnings++;
        }
    }

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
            if (Settings.Count < MaximumSettings)
            {
                Settings.Add(setting);
            }
            else if (TooManySettingsLine == 0)
            {
                TooManySettingsLine = lineNumber;
            }
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
