namespace Electrochem.IO.Tables;

/// <summary>The words for a <see cref="LineReader"/> failure, shared by every reader built on it.</summary>
internal static class LineReadProblem
{
    /// <summary>The problem for a failed read, or null when <paramref name="status"/> is a line or the end of the input.</summary>
    internal static string? Describe(LineReadStatus status, DelimitedTableOptions options) => status switch
    {
        LineReadStatus.LineTooLong => $"the line is longer than {options.MaximumLineLength} characters (DelimitedTableOptions.MaximumLineLength); is this a binary file or a file without line breaks?",
        LineReadStatus.InputTooLarge => $"the file is larger than {options.MaximumFileBytes} bytes (DelimitedTableOptions.MaximumFileBytes); reading stopped on this line",
        LineReadStatus.NulCharacter => "the line contains a NUL character; this looks like a binary file, not delimited text",
        _ => null,
    };
}
