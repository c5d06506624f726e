namespace Electrochem.IO.Tables;

/// <summary>Splits a header's quantity name into lower-case words, for readers that recognise columns by name.</summary>
internal static class HeaderWords
{
    /// <summary>The words of a name, split at spaces, underscores, hyphens, parentheses and dots, lower-cased (invariant).</summary>
    internal static List<string> Split(string name)
    {
        var words = new List<string>();
        foreach (string part in name.ToLowerInvariant().Split([' ', '_', '-', '(', ')', '.'], StringSplitOptions.RemoveEmptyEntries))
        {
            words.Add(part);
        }

        return words;
    }

    /// <summary>A unit text normalised for comparison: lower case, no spaces, µ and u alike, ² and 2 alike, "^" and "**" dropped.</summary>
    internal static string NormaliseUnit(string unit) =>
        unit.Trim().ToLowerInvariant()
            .Replace(" ", string.Empty, StringComparison.Ordinal)
            .Replace("·", string.Empty, StringComparison.Ordinal)
            .Replace("^", string.Empty, StringComparison.Ordinal)
            .Replace("**", string.Empty, StringComparison.Ordinal)
            .Replace('µ', 'u')
            .Replace('μ', 'u')
            .Replace('²', '2')
            .Replace('⁻', '-')
            .Replace("−", "-", StringComparison.Ordinal);
}
