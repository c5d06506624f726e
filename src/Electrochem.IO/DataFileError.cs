using System.Globalization;

namespace Electrochem.IO;

/// <summary>
/// What is wrong with a data file, and where: the file, the 1-based line, and the problem in words (what was found
/// and what was expected). Formats as <c>file:line: problem</c>, the convention of compilers and linters.
/// </summary>
/// <param name="FilePath">The path of the file as the caller gave it, or the source name of a text reader.</param>
/// <param name="LineNumber">
/// The 1-based line the problem was found on. Problems of the file as a whole (empty, too large) are reported on
/// line 1; a file that ends too early is reported on the last line read.
/// </param>
/// <param name="Problem">The problem in one sentence: what was wrong and what was expected.</param>
public sealed record DataFileError(string FilePath, int LineNumber, string Problem)
{
    /// <summary>The error as one line: <c>file:line: problem</c>.</summary>
    /// <returns>The formatted error, invariant culture.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{FilePath}:{LineNumber}: {Problem}");

    /// <summary>An exception carrying this error, for callers that throw.</summary>
    /// <returns>A new <see cref="DataFileException"/>.</returns>
    public DataFileException ToException() => new(FilePath, LineNumber, Problem);
}
