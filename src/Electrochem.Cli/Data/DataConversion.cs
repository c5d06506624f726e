using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Electrochem.Cli.Formatting;
using Electrochem.Cycling;
using Electrochem.IO;
using Electrochem.IO.Cycling;
using Electrochem.Cli.Commands;

namespace Electrochem.Cli.Data;

/// <summary>
/// <c>electrochem data convert</c>: reads one cycler file, or every file under a directory in parallel, and writes each
/// recording as Parquet or CSV. A file that cannot be read is listed with its reason and the rest still convert.
/// </summary>
internal static class DataConversion
{
    /// <summary>What happened to one input file.</summary>
    internal sealed record Outcome(string Input, string? Output, int Rows, string? Format, string? Problem);

    /// <summary>The input files: the file itself, or every non-hidden file under a directory (recursively, in name order) except Parquet files.</summary>
    internal static string[] Inputs(string source) => InputFiles.Expand([source], f => f.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase));

    /// <summary>Where one input's output goes: the output path for a single file (or a file inside it when it is a directory), else the input's relative path under the output directory with the format's extension appended.</summary>
    internal static string OutputPath(string source, string input, string output, string extension)
    {
        if (!Directory.Exists(source))
        {
            return Directory.Exists(output) || output.EndsWith(Path.DirectorySeparatorChar) ? Path.Combine(output, Path.GetFileName(input) + extension) : output;
        }

        return Path.Combine(output, Path.GetRelativePath(source, input) + extension);
    }

    /// <summary>Converts every input, in parallel, showing a progress bar on an interactive terminal.</summary>
    internal static Outcome[] Run(string source, string output, bool parquet, int jobs, CyclerReadOptions options, TextWriter stderr, CancellationToken cancellationToken)
    {
        string[] inputs = Inputs(source);
        string extension = parquet ? ".parquet" : ".csv";
        var outcomes = new Outcome[inputs.Length];

        // Files converted at once share the processors: each reads its parts on the threads left to it.
        options = options with { MaxDegreeOfParallelism = Math.Max(1, Environment.ProcessorCount / Math.Max(1, Math.Min(jobs, inputs.Length))) };
        void ConvertAll(Action? step)
        {
            Parallel.For(0, inputs.Length, new ParallelOptions { MaxDegreeOfParallelism = jobs, CancellationToken = cancellationToken }, i =>
            {
                outcomes[i] = Convert(source, inputs[i], OutputPath(source, inputs[i], output, extension), parquet, options, cancellationToken);
                step?.Invoke();
            });
        }

        ProgressDisplay.Run(stderr, inputs.Length, $"Converting {inputs.Length} files", ConvertAll);
        return outcomes;
    }

    /// <summary>The report as text.</summary>
    internal static string Text(Outcome[] outcomes, string format, string output)
    {
        var text = new StringBuilder();
        Outcome[] done = [.. outcomes.Where(o => o.Problem is null)];
        Outcome[] failed = [.. outcomes.Where(o => o.Problem is not null)];
        text.Append(CultureInfo.InvariantCulture, $"Converted {done.Length} of {outcomes.Length} file{(outcomes.Length == 1 ? string.Empty : "s")} to {format} in {output} ({done.Sum(o => (long)o.Rows)} rows)\n");
        if (done.Length > 0)
        {
            var table = new TextTable("file", "format", "rows", "written to");
            foreach (Outcome o in done)
            {
                table.Add(o.Input, o.Format!, o.Rows.ToString(CultureInfo.InvariantCulture), o.Output!);
            }

            text.Append('\n');
            table.AppendTo(text);
        }

        if (failed.Length > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"\nNot converted ({failed.Length}):\n");
            foreach (Outcome o in failed)
            {
                text.Append(CultureInfo.InvariantCulture, $"  {o.Problem}\n");
            }
        }

        return text.ToString();
    }

    /// <summary>The report as one JSON document.</summary>
    internal static string Json(Outcome[] outcomes, string format) => JsonOutput.Document(json =>
    {
        json.WriteStartObject();
        json.WriteString("to", format);
        json.WriteStartArray("converted");
        foreach (Outcome o in outcomes.Where(o => o.Problem is null))
        {
            json.WriteStartObject();
            json.WriteString("file", o.Input);
            json.WriteString("format", o.Format);
            json.WriteNumber("rows", o.Rows);
            json.WriteString("output", o.Output);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("failed");
        foreach (Outcome o in outcomes.Where(o => o.Problem is not null))
        {
            json.WriteStartObject();
            json.WriteString("file", o.Input);
            json.WriteString("problem", o.Problem);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    });

    private static Outcome Convert(string source, string input, string output, bool parquet, CyclerReadOptions options, CancellationToken cancellationToken)
    {
        try
        {
            DataFileResult<CyclerRecording> read = CyclerFile.TryRead(input, options, cancellationToken);
            if (!read.TryGetValue(out CyclerRecording? recording))
            {
                return new Outcome(input, null, 0, null, read.Error!.ToString());
            }

            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
            if (parquet)
            {
                RecordingParquet.Write(recording, output, cancellationToken);
            }
            else
            {
                RecordingCsv.Write(recording, output, cancellationToken);
            }

            return new Outcome(input, output, recording.RowCount, recording.Format, null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or DataFileException or ArgumentException)
        {
            return new Outcome(input, null, 0, null, $"{input}: {e.Message}");
        }
    }
}
