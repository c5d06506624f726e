using System.Collections.Immutable;
using System.Globalization;
using Electrochem.IO.Tables;

namespace Electrochem.IO.Impedance;

/// <summary>
/// Finds the frequency, real and imaginary columns of an impedance table by header name and unit, and the factors that
/// bring their values to Hz and Ω with the physical sign. A leading minus (<c>-Im(Z)/Ohm</c>, <c>-Z''</c>) means the
/// column holds −Z″ and is negated. A header without a unit is read in Hz or Ω, and the assumption is recorded.
/// </summary>
internal static class ImpedanceColumnRoles
{
    private static readonly string[] FrequencyNames = ["f", "freq", "frequency"];
    private static readonly string[] AngularNames = ["ω", "omega", "angularfrequency"];
    private static readonly string[] RealNames = ["z'", "re(z)", "rez", "zre", "zreal", "realz", "real(z)", "zr", "z'(ohm)", "real"]; // "Real", "Imag": pyDRTtools
    private static readonly string[] ImaginaryNames = ["z''", "im(z)", "imz", "zim", "zimag", "zimg", "imagz", "imag(z)", "zi", "imag", "imaginary"];

    /// <summary>How one column's values become f in Hz, Z′ or Z″ in Ω.</summary>
    internal sealed record Role(int Index, double Factor, bool Angular);

    /// <summary>The three roles and the conversion notes, or the problem.</summary>
    internal sealed record Resolution(Role Frequency, Role Real, Role Imaginary, ImpedanceColumns Columns);

    /// <summary>Finds the columns; returns the problem in words, or null with <paramref name="resolution"/> set.</summary>
    /// <param name="headers">The block's named columns.</param>
    /// <param name="expected">Example headers for the message when a column is missing, e.g. <c>'freq/Hz', 'Re(Z)/Ohm' and '-Im(Z)/Ohm'</c>.</param>
    /// <param name="choices">Columns the caller named (they win over recognition), or null.</param>
    /// <param name="resolution">The roles found.</param>
    internal static string? Resolve(IReadOnlyList<ColumnHeader> headers, string expected, ImpedanceColumnChoices? choices, out Resolution? resolution)
    {
        resolution = null;
        ColumnChoice?[] named = [choices?.Frequency, choices?.Real, choices?.Imaginary];
        string[] options = ["--frequency-column", "--real-column", "--imaginary-column"];
        int[] slots = [-1, -1, -1];
        for (int r = 0; r < 3; r++)
        {
            if (named[r] is not { } choice)
            {
                continue;
            }

            slots[r] = Enumerable.Range(0, headers.Count).FirstOrDefault(i => choice.Names(headers[i]), -1);
            if (slots[r] < 0)
            {
                return $"no column is named '{choice.Column}' ({options[r]}); the columns are {HeaderList.Quote([.. headers.Select(h => h.Text)])}";
            }

            if (Array.IndexOf(slots, slots[r]) < r)
            {
                return $"the column '{headers[slots[r]].Text}' is named for two roles; name a different column ({options[r]})";
            }

            if (choice.Unit is { } given && UnitOf(headers[slots[r]]) is { } written
                && !string.Equals(given.Replace(" ", string.Empty, StringComparison.Ordinal), written.Replace(" ", string.Empty, StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase))
            {
                return $"the column '{headers[slots[r]].Text}' says its unit is '{written}' but '{given}' was given; remove one or make them agree";
            }
        }

        int frequency = slots[0];
        int real = slots[1];
        int imaginary = slots[2];
        bool angular = false;
        var negated = new bool[headers.Count];
        for (int i = 0; i < headers.Count; i++)
        {
            (string name, bool negative) = Normalise(headers[i].Text, out _);
            negated[i] = negative;
            if (slots.Contains(i))
            {
                if (i == slots[0])
                {
                    angular = AngularNames.Contains(name);
                }

                continue;
            }

            ref int slot = ref frequency;
            string what;
            int role;
            if (FrequencyNames.Contains(name) && !negative)
            {
                what = "the frequency";
                role = 0;
            }
            else if (AngularNames.Contains(name) && !negative)
            {
                what = "the frequency";
                role = 0;
                angular = named[0] is null || angular;
            }
            else if (RealNames.Contains(name) && !negative)
            {
                slot = ref real;
                what = "Z′ (real part)";
                role = 1;
            }
            else if (ImaginaryNames.Contains(name))
            {
                slot = ref imaginary;
                what = "Z″ (imaginary part)";
                role = 2;
            }
            else
            {
                continue;
            }

            if (named[role] is not null)
            {
                continue;
            }

            if (slot >= 0)
            {
                return $"two columns look like {what}: '{headers[slot].Text}' and '{headers[i].Text}'; keep one, rename the other, or say which is meant ({options[role]})";
            }

            slot = i;
        }

        string columnList = HeaderList.Quote([.. headers.Select(h => h.Text)]);
        if (frequency < 0)
        {
            return $"no frequency column; expected {expected}, but the columns are {columnList}; or name it (--frequency-column NAME)";
        }

        if (real < 0)
        {
            return $"no Z′ (real part) column; expected {expected}, but the columns are {columnList}; or name it (--real-column NAME)";
        }

        if (imaginary < 0)
        {
            return $"no Z″ (imaginary part) column; expected {expected}, but the columns are {columnList}; or name it (--imaginary-column NAME)";
        }

        var notes = ImmutableArray.CreateBuilder<string>();
        if (FrequencyFactor(headers[frequency], named[0]?.Unit, angular, notes, out double frequencyFactor, out bool isAngular) is { } frequencyProblem)
        {
            return frequencyProblem;
        }

        if (ImpedanceFactor(headers[real], named[1]?.Unit, "Z′", notes, out double realFactor) is { } realProblem)
        {
            return realProblem;
        }

        if (ImpedanceFactor(headers[imaginary], named[2]?.Unit, "Z″", notes, out double imaginaryFactor) is { } imaginaryProblem)
        {
            return imaginaryProblem;
        }

        if (negated[imaginary] || (named[2] is not null && choices!.ImaginaryIsNegated))
        {
            imaginaryFactor = -imaginaryFactor;
            notes.Add($"Z″ = −('{headers[imaginary].Text}'): the column holds −Z″, so it is negated (capacitive Z″ < 0)");
        }

        resolution = new Resolution(
            new Role(frequency, frequencyFactor, isAngular),
            new Role(real, realFactor, false),
            new Role(imaginary, imaginaryFactor, false),
            new ImpedanceColumns(headers[frequency].Text, headers[real].Text, headers[imaginary].Text, notes.ToImmutable()));
        return null;
    }

    /// <summary>Roles for a table without a header: columns 0, 1, 2 are f (Hz), Z′ (Ω), Z″ (Ω).</summary>
    internal static Resolution Positional(IReadOnlyList<ColumnHeader> headers) => new(
        new Role(0, 1, false),
        new Role(1, 1, false),
        new Role(2, 1, false),
        new ImpedanceColumns(headers[0].Text, headers[1].Text, headers[2].Text,
            ["no header row: columns 1, 2 and 3 are read as f in Hz, Z′ in Ω and Z″ in Ω (impedance.py's readCSV layout)"]));

    /// <summary>The lower-case name without spaces, underscores and dots, quotes unified to ' and '', a leading minus removed; and the unit.</summary>
    private static (string Name, bool Negative) Normalise(string text, out string? unit)
    {
        string trimmed = text.Trim();
        bool negative = trimmed.Length > 1 && trimmed[0] is '-' or '−';
        if (negative)
        {
            trimmed = trimmed[1..].TrimStart();
        }

        ColumnHeader split = ColumnHeader.Parse(trimmed);
        if (split.Unit is null && SuffixUnit(split.Name) is { } suffixed)
        {
            // name_unit as scripts write it: f_Hz, Z_real_ohm, Z_imag_kohm.
            unit = suffixed.Unit;
            return (suffixed.Name, negative);
        }

        string withUnit = Squash(split.Name);
        string whole = Squash(trimmed);
        bool known = IsKnown(withUnit);
        unit = known ? split.Unit : null;
        return (known || !IsKnown(whole) ? withUnit : whole, negative);
    }

    /// <summary>A known name with a frequency or resistance unit as an underscore suffix (<c>f_Hz</c>, <c>Z_real_ohm</c>): the squashed name and the unit, or null.</summary>
    private static (string Name, string Unit)? SuffixUnit(string name)
    {
        foreach (UnitDimension dimension in (ReadOnlySpan<UnitDimension>)[UnitDimension.Frequency, UnitDimension.Resistance])
        {
            if (HeaderGrammar.TrySplitUnitSuffix(name, dimension, out string? stem, out MeasurementUnit? unit) && IsKnown(Squash(stem)))
            {
                return (Squash(stem), unit.Symbol);
            }
        }

        return null;
    }

    private static bool IsKnown(string name) =>
        FrequencyNames.Contains(name) || AngularNames.Contains(name) || RealNames.Contains(name) || ImaginaryNames.Contains(name);

    private static string Squash(string name)
    {
        var builder = new System.Text.StringBuilder(name.Length);
        foreach (char c in name)
        {
            switch (c)
            {
                case ' ' or '_' or '.':
                    break;
                case '″' or '"':
                    builder.Append("''");
                    break;
                case '′' or '’' or '‘' or '`' or '´':
                    builder.Append('\'');
                    break;
                default:
                    builder.Append(char.ToLowerInvariant(c));
                    break;
            }
        }

        return builder.ToString();
    }

    /// <summary>The unit of a header whose name is a known role (the unit split off by <see cref="ColumnHeader.Parse"/>), or null.</summary>
    private static string? UnitOf(ColumnHeader header)
    {
        _ = Normalise(header.Text, out string? unit);
        return unit;
    }

    private static string? FrequencyFactor(ColumnHeader header, string? given, bool angularName, ImmutableArray<string>.Builder notes, out double factor, out bool angular)
    {
        string? unit = given?.Trim() ?? UnitOf(header);
        factor = 1;
        angular = angularName;
        if (unit is null)
        {
            notes.Add(angularName
                ? $"'{header.Text}' has no unit: rad/s assumed, f = ω/2π"
                : $"'{header.Text}' has no unit: Hz assumed");
            return null;
        }

        string squashed = unit.Replace(" ", string.Empty, StringComparison.Ordinal).Replace("·", string.Empty, StringComparison.Ordinal);
        switch (squashed)
        {
            case "Hz" or "hz" or "HZ":
                factor = 1;
                angular = false;
                return null;
            case "kHz":
                factor = 1e3;
                angular = false;
                notes.Add($"f = '{header.Text}' × 1000 (kHz → Hz)");
                return null;
            case "MHz":
                factor = 1e6;
                angular = false;
                notes.Add($"f = '{header.Text}' × 10⁶ (MHz → Hz)");
                return null;
            case "mHz":
                factor = 1e-3;
                angular = false;
                notes.Add($"f = '{header.Text}' × 0.001 (mHz → Hz)");
                return null;
            case "rad/s" or "rads-1" or "rads⁻¹" or "s-1" or "1/s" or "s⁻¹":
                factor = 1;
                angular = true;
                return null;
            default:
                return $"the frequency column '{header.Text}' is in '{unit}', which is not a frequency unit this reader converts; expected Hz, kHz, MHz, mHz or rad/s";
        }
    }

    private static string? ImpedanceFactor(ColumnHeader header, string? given, string what, ImmutableArray<string>.Builder notes, out double factor)
    {
        string? unit = given?.Trim() ?? UnitOf(header);
        factor = 1;
        if (unit is null || unit is "a" or "b")
        {
            notes.Add(unit is null
                ? $"'{header.Text}' has no unit: Ω assumed for {what}"
                : $"'{header.Text}': '({unit})' is ZPlot's axis label, not a unit; Ω assumed for {what}");
            return null;
        }

        string squashed = unit.Replace(" ", string.Empty, StringComparison.Ordinal);
        string lower = squashed.ToLowerInvariant();
        if (lower is "ohm" or "ohms" or "ω" || squashed == "Ω")
        {
            return null;
        }

        (double scale, string name) = squashed switch
        {
            "mOhm" or "mohm" or "mΩ" or "mOhms" or "mohms" => (1e-3, "mΩ"),
            "kOhm" or "kohm" or "kΩ" or "kOhms" or "kohms" => (1e3, "kΩ"),
            "MOhm" or "MΩ" or "MOhms" => (1e6, "MΩ"),
            _ => (double.NaN, string.Empty),
        };
        if (double.IsNaN(scale))
        {
            return $"the {what} column '{header.Text}' is in '{unit}', which is not an impedance unit this reader converts; expected Ω (ohm), mΩ, kΩ or MΩ (area-specific values such as Ω·cm² are not rescaled)";
        }

        factor = scale;
        notes.Add(string.Create(CultureInfo.InvariantCulture, $"{what} = '{header.Text}' × {scale} ({name} → Ω)"));
        return null;
    }
}
