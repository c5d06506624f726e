using System.Globalization;

namespace Electrochem.IO;

/// <summary>
/// A data file could not be read because its content is malformed: the message is <c>file:line: problem</c>, and
/// the three parts are available separately. I/O failures (missing file, no permission) are not reported with this
/// type; they keep their own exceptions. (It derives from <see cref="FormatException"/> because
/// <see cref="InvalidDataException"/> is sealed.)
/// </summary>
public sealed class DataFileException : FormatException
{
    /// <summary>Creates the exception for one problem in one file.</summary>
    /// <param name="filePath">The file's path as the caller gave it, or a source name.</param>
    /// <param name="lineNumber">The 1-based line the problem was found on.</param>
    /// <param name="problem">The problem in one sentence: what was wrong and what was expected.</param>
    public DataFileException(string filePath, int lineNumber, string problem)
        : base(string.Create(CultureInfo.InvariantCulture, $"{filePath}:{lineNumber}: {problem}"))
    {
        FilePath = filePath;
        LineNumber = lineNumber;
        Problem = problem;
    }

    /// <summary>Creates the exception with a message only (file unknown, line 0); prefer the three-part constructor.</summary>
    public DataFileException()
        : this(string.Empty, 0, "The data file is malformed.")
    {
    }

    /// <summary>Creates the exception with a message only (file unknown, line 0); prefer the three-part constructor.</summary>
    /// <param name="message">The problem.</param>
    public DataFileException(string message)
        : this(string.Empty, 0, message)
    {
    }

    /// <summary>Creates the exception with a message and a cause (file unknown, line 0); prefer the three-part constructor.</summary>
    /// <param name="message">The problem.</param>
    /// <param name="innerException">The cause.</param>
    public DataFileException(string message, Exception innerException)
        : base(message, innerException)
    {
        FilePath = string.Empty;
        Problem = message;
    }

    /// <summary>The file's path as the caller gave it, or the source name of a text reader.</summary>
    public string FilePath { get; }

    /// <summary>The 1-based line the problem was found on (0 when unknown).</summary>
    public int LineNumber { get; }

    /// <summary>The problem in one sentence, without the file and line.</summary>
    public string Problem { get; }

    /// <summary>The same information as a value.</summary>
    public DataFileError Error => new(FilePath, LineNumber, Problem);
}
