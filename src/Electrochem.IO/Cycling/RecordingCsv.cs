using System.Globalization;
using Electrochem.Cycling;

namespace Electrochem.IO.Cycling;

/// <summary>
/// Writes a <see cref="CyclerRecording"/> as comma-separated text that <see cref="CyclerFile"/> reads back: a header
/// of column names with units (<c>test_time (s)</c>, <c>current (A)</c>, <c>Aux #1</c>), numbers in the invariant
/// culture with round-trip precision, NaN as an empty cell, text quoted when it holds a comma, quote or line break.
/// Metadata and column origins do not fit in a CSV; write Parquet (<see cref="RecordingParquet"/>) to keep them.
/// </summary>
public static class RecordingCsv
{
    /// <summary>Writes the recording to a file (created or overwritten), UTF-8 without a byte-order mark.</summary>
    /// <param name="recording">The recording.</param>
    /// <param name="path">The file.</param>
    /// <param name="cancellationToken">Stops a long write.</param>
    /// <exception cref="IOException">The file cannot be written.</exception>
    public static void Write(CyclerRecording recording, string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var writer = new StreamWriter(path, false, new System.Text.UTF8Encoding(false), 1 << 16);
        Write(recording, writer, cancellationToken);
    }

    /// <summary>Writes the recording as CSV text.</summary>
    /// <param name="recording">The recording.</param>
    /// <param name="writer">Where the text goes (not disposed).</param>
    /// <param name="cancellationToken">Stops a long write.</param>
    public static void Write(CyclerRecording recording, TextWriter writer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(recording);
        ArgumentNullException.ThrowIfNull(writer);
        string[] headers = [.. recording.Columns.Select(c => c.Unit.Length == 0 ? c.Name : $"{c.Name} ({c.Unit})"), .. recording.TextColumns.Select(c => c.Name)];
        writer.Write(string.Join(',', headers.Select(Quote)));
        writer.Write('\n');
        Span<char> buffer = stackalloc char[32];
        for (int row = 0; row < recording.RowCount; row++)
        {
            if ((row & 0xFFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            for (int c = 0; c < recording.Columns.Length; c++)
            {
                if (c > 0)
                {
                    writer.Write(',');
                }

                double value = recording.Columns[c].Values[row];
                if (!double.IsNaN(value))
                {
                    value.TryFormat(buffer, out int written, "R", CultureInfo.InvariantCulture);
                    writer.Write(buffer[..written]);
                }
            }

            foreach (RecordingTextColumn text in recording.TextColumns)
            {
                writer.Write(',');
                if (text[row] is { } s)
                {
                    writer.Write(Quote(s));
                }
            }

            writer.Write('\n');
        }
    }

    private static string Quote(string text) =>
        text.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
}
