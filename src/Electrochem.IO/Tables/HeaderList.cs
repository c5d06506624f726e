namespace Electrochem.IO.Tables;

/// <summary>Column headers quoted for a message, bounded: at most a handful, each shortened, and a count of the rest.</summary>
internal static class HeaderList
{
    /// <summary>Up to <paramref name="maximum"/> header texts, quoted and each cut to 60 characters, then "and N more".</summary>
    internal static string Quote(IReadOnlyList<string> headers, int maximum = 12)
    {
        string listed = string.Join(", ", headers.Take(maximum).Select(h => $"'{DecimalNumberParser.Shorten(h.Trim())}'"));
        return headers.Count > maximum ? $"{listed} and {headers.Count - maximum} more" : listed;
    }
}
