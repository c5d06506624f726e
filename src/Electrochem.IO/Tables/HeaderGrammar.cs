namespace Electrochem.IO.Tables;

/// <summary>
/// The one place that splits a column header into a quantity name and a unit, for every table reader. Recognised
/// notations: <c>name (unit)</c>, <c>name(unit)</c>, <c>name [unit]</c>, <c>name / unit</c>, <c>name/unit</c>
/// (<c>Ewe/V</c>, <c>&lt;I&gt;/mA</c>, <c>Q charge/discharge/mA.h</c>: the last slash followed by a known unit), and,
/// when the caller knows the dimension it expects, a unit suffix after an underscore: <c>time_s</c>,
/// <c>current_A</c>, <c>T_K</c>, <c>sigma_S_per_cm</c>, <c>current_density_A_per_m2</c>, <c>Z_real_ohm</c>.
/// </summary>
public static class HeaderGrammar
{
    /// <summary>The longest unit text after a slash that <see cref="Split"/> tries to recognise (64 characters).</summary>
    public const int MaximumUnitLength = 64;

    /// <summary>
    /// Splits a header into name and unit by its brackets or slash: a trailing parenthesis or bracket is the unit
    /// (<c>Re(Z)</c> gives the name <c>Re</c> and the "unit" <c>Z</c>; readers that know such names match the whole
    /// text first); of several slashes, the last one followed by a unit this library knows splits
    /// (<c>Q charge/discharge/mA.h</c>), else the first one after a name starting with a letter.
    /// </summary>
    /// <param name="text">The header cell.</param>
    /// <returns>The trimmed name and the unit as written (null when there is none).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <example><c>HeaderGrammar.Split("Q charge/discharge/mA.h")</c> is (<c>Q charge/discharge</c>, <c>mA.h</c>).</example>
    public static (string Name, string? Unit) Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string trimmed = text.Trim();
        if (TrySplitEnclosed(trimmed, '(', ')', out string? name, out string? unit) || TrySplitEnclosed(trimmed, '[', ']', out name, out unit))
        {
            // σ/(S/cm), j / [mA/cm^2]: a slash before the bracket belongs to the notation, not to the name.
            string bare = name.TrimEnd().TrimEnd('/').TrimEnd();
            return (bare.Length > 0 ? bare : name, unit);
        }

        // Units are short: only slashes within the last MaximumUnitLength characters are tried, so a garbled header
        // (a quote that swallowed a whole file) costs linear time, not one substring per slash.
        for (int slash = trimmed.LastIndexOf('/'); slash > 0 && trimmed.Length - slash <= MaximumUnitLength; slash = trimmed.LastIndexOf('/', slash - 1))
        {
            string left = trimmed[..slash].Trim();
            string right = trimmed[(slash + 1)..].Trim();
            if (left.Length > 0 && right.Length > 0 && !char.IsDigit(left[0]) && MeasurementUnit.IsKnown(right))
            {
                return (left, right);
            }
        }

        // No known unit after any slash: the first slash after a name that starts with a letter still splits
        // (σ / S cm^-1 with an unusual spelling), so the reader that knows the quantity can judge the unit.
        int first = trimmed.IndexOf('/', StringComparison.Ordinal);
        if (first > 0 && char.IsLetter(trimmed[0]))
        {
            string left = trimmed[..first].Trim();
            string right = trimmed[(first + 1)..].Trim();
            if (left.Length > 0 && right.Length > 0)
            {
                return (left, right);
            }
        }

        return (trimmed, null);
    }

    /// <summary>
    /// Splits a unit written as an underscore suffix off a name, when it is a unit of <paramref name="dimension"/>:
    /// <c>time_s</c> → (<c>time</c>, <c>s</c>) for time, <c>current_density_A_per_m2</c> →
    /// (<c>current_density</c>, <c>A_per_m2</c>) for current density. The shortest suffix that is such a unit wins.
    /// </summary>
    /// <param name="name">The header name (already without bracket or slash units).</param>
    /// <param name="dimension">The dimension the caller expects.</param>
    /// <param name="stem">The name without the suffix.</param>
    /// <param name="unit">The suffix unit.</param>
    /// <returns>True when a unit suffix of that dimension was found.</returns>
    public static bool TrySplitUnitSuffix(string name, UnitDimension dimension, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? stem, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out MeasurementUnit? unit)
    {
        ArgumentNullException.ThrowIfNull(name);
        for (int underscore = name.LastIndexOf('_'); underscore > 0; underscore = name.LastIndexOf('_', underscore - 1))
        {
            string suffix = name[(underscore + 1)..];
            if (suffix.Length > 0 && MeasurementUnit.Parse(suffix, dimension) is { } parsed)
            {
                stem = name[..underscore];
                unit = parsed;
                return true;
            }
        }

        stem = null;
        unit = null;
        return false;
    }

    /// <summary>
    /// The header with its unit taken from a name_unit suffix (<c>time_s</c>, <c>sigma_S_per_cm</c>) when it has no
    /// unit of its own, the suffix is a unit of <paramref name="dimension"/>, and the rest is one of <paramref name="stems"/>;
    /// else the header unchanged.
    /// </summary>
    internal static ColumnHeader WithSuffixUnit(ColumnHeader header, UnitDimension dimension, IReadOnlySet<string> stems)
    {
        if (header.Unit is null && header.Name.Contains('_', StringComparison.Ordinal)
            && TrySplitUnitSuffix(header.Name, dimension, out string? stem, out MeasurementUnit? unit)
            && HeaderWords.Split(stem) is { Count: > 0 } words && words.All(stems.Contains))
        {
            return new ColumnHeader(header.Text, stem, unit.Symbol);
        }

        return header;
    }

    /// <summary>
    /// A name reduced for matching against known column names: lower case, without spaces, underscores, dots,
    /// angle brackets and <c>#</c> signs (<c>Test_Time</c>, <c>Test Time</c>, <c>TestTime</c> all give <c>testtime</c>;
    /// <c>&lt;I&gt;</c> gives <c>i</c>; <c>Cyc#</c> gives <c>cyc</c>).
    /// </summary>
    /// <param name="name">The name.</param>
    /// <returns>The key.</returns>
    public static string MatchKey(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return string.Concat(name.ToLowerInvariant().Where(c => c is not (' ' or '_' or '.' or '<' or '>' or '#' or '\t')));
    }

    private static bool TrySplitEnclosed(string text, char open, char close, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? unit)
    {
        name = null;
        unit = null;
        if (text.Length < 3 || text[^1] != close)
        {
            return false;
        }

        int start = text.LastIndexOf(open);
        if (start <= 0)
        {
            return false;
        }

        string left = text[..start].Trim();
        string inside = text[(start + 1)..^1].Trim();
        if (left.Length == 0 || inside.Length == 0)
        {
            return false;
        }

        name = left;
        unit = inside;
        return true;
    }
}
