using System.Globalization;
using Electrochem.IO.Tables;

namespace Electrochem.IO.Impedance;

/// <summary>
/// Princeton Applied Research VersaStudio <c>.par</c>: sections <c>&lt;Name&gt;</c> … <c>&lt;/Name&gt;</c> of
/// <c>key=value</c> lines; the data are in <c>&lt;SegmentN&gt;</c> sections, each a <c>Definition=</c> line of
/// comma-separated column names followed by comma-separated rows. The columns used are <c>Frequency(Hz)</c>,
/// <c>Z Real</c> and <c>Z Imag</c>. VersaStudio ends the Definition with a stray <c>, 0</c> that matches no data field;
/// it is not a column. Segments with the same definition are read in order into one spectrum.
/// </summary>
internal static class VersaStudioReader
{
    private const string Expected = "'Frequency(Hz)', 'Z Real' and 'Z Imag' in the segment's Definition";

    internal static bool Detect(ImpedanceText text) => text.Line(1).Trim() == "<Application>";

    internal static DataFileResult<ImpedanceData> Read(ImpedanceText text)
    {
        if (!Detect(text))
        {
            return text.Fail<ImpedanceData>(1, "a VersaStudio .par file starts with the line '<Application>'");
        }

        var header = new ImpedanceFileHeader();
        var blocks = new List<DataBlock>();
        var fields = new List<string>();
        var numbers = new DecimalNumberParser('.');
        string? section = null;
        string[]? definition = null;
        int definitionLine = 0;
        for (int n = 1; n <= text.Count; n++)
        {
            string line = text.Line(n).Trim();
            if (section is null)
            {
                if (line.Length > 2 && line[0] == '<' && line[^1] == '>' && line[1] != '/')
                {
                    section = line[1..^1];
                }

                continue;
            }

            if (line == $"</{section}>")
            {
                section = null;
                continue;
            }

            if (section.StartsWith("DockingLayout", StringComparison.Ordinal) || section.StartsWith("Graph", StringComparison.Ordinal))
            {
                continue;
            }

            bool segment = section.StartsWith("Segment", StringComparison.Ordinal);
            if (segment && line.StartsWith("Definition=", StringComparison.Ordinal))
            {
                _ = FieldSplitter.Split(line["Definition=".Length..], ',', fields);
                if (fields.Count > 1 && double.TryParse(fields[^1], NumberStyles.Float, CultureInfo.InvariantCulture, out _))
                {
                    fields.RemoveAt(fields.Count - 1);
                }

                string[] names = [.. fields];
                if (definition is not null && !names.SequenceEqual(definition))
                {
                    return text.Fail<ImpedanceData>(n, $"segment '{section}' defines other columns than the segment defined on line {definitionLine}; expected every segment to have the same columns");
                }

                definition = names;
                definitionLine = n;
                if (ImpedanceDataBuilder.CheckColumns(text, n, DataBlock.HeadersOf(names), Expected) is { } columnError)
                {
                    return DataFileResult.Failure<ImpedanceData>(columnError);
                }

                string end = $"</{section}>";
                bool hasRows = n < text.Count && text.Line(n + 1).Trim() != end;
                if (!hasRows)
                {
                    continue;
                }

                DataFileResult<DataBlock> block = DataBlock.Read(text, n, DataBlock.HeadersOf(names), n + 1, ',', numbers, l => l.Trim() == end);
                if (!block.IsSuccess)
                {
                    return DataFileResult.Failure<ImpedanceData>(block.Error);
                }

                if (block.Value.EndLine > text.Count)
                {
                    return text.Fail<ImpedanceData>(text.Count, $"the file ends inside '<{section}>' (no '{end}' line); is the file truncated?");
                }

                blocks.Add(block.Value);
                n = block.Value.EndLine - 1;
                continue;
            }

            int equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                continue;
            }

            ImpedanceSetting setting = header.Add($"{section}/{line[..equals]}", line[(equals + 1)..], n);
            string key = line[..equals];
            if (key == "Amplitude (mV RMS)" || key == "Amplitude (mA RMS)")
            {
                header.AcAmplitude ??= setting;
            }
            else if (key == "Potential (V),Value" || key == "Current (A),Value")
            {
                header.DcPotential ??= setting;
            }
        }

        string? type = header.Find("Instrument/Type")?.Value;
        string? model = header.Find("Instrument/Model")?.Value;
        header.Instrument = type is null ? model : model is null ? type : $"{type} {model}";
        string? date = header.Find("Experiment/DateAcquired")?.Value;
        string? time = header.Find("Experiment/TimeAcquired")?.Value;
        header.MeasurementDate = date is null ? time : time is null ? date : $"{date} {time}";
        if (blocks.Count == 0)
        {
            return text.Fail<ImpedanceData>(definitionLine > 0 ? definitionLine : text.Count, "no data: expected a <Segment1> section with a 'Definition=' line followed by rows of numbers");
        }

        return ImpedanceDataBuilder.Build(text, ImpedanceFileFormat.VersaStudio, header, DataBlock.Concatenate(blocks), Expected);
    }
}
