namespace Electrochem.Cli.Commands;

/// <summary>The files a command reads: files as given, and every non-hidden file under a directory.</summary>
internal static class InputFiles
{
    /// <summary>
    /// Each source that is a directory becomes its files, recursively, in ordinal name order, without hidden files or
    /// folders (names starting with a dot) and without files <paramref name="skip"/> rejects; any other source is kept as
    /// given (a missing file is reported when it is read).
    /// </summary>
    /// <param name="sources">Files and directories, as the user typed them.</param>
    /// <param name="skip">Files of a directory to leave out (e.g. outputs of an earlier run), or null.</param>
    /// <returns>The files, in order.</returns>
    internal static string[] Expand(IEnumerable<string> sources, Func<string, bool>? skip = null) =>
        [.. sources.SelectMany<string, string>(source => Directory.Exists(source)
            ? Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories)
                .Where(f => !Path.GetRelativePath(source, f).Split(Path.DirectorySeparatorChar).Any(part => part.StartsWith('.')))
                .Where(f => skip is null || !skip(f))
                .Order(StringComparer.Ordinal)
            : [source])];
}
