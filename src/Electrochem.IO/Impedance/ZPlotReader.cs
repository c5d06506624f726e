using System.Globalization;
using Electrochem.IO.Tables;

namespace Electrochem.IO.Impedance;

/// <summary>
/// Scribner ZPlot <c>.z</c> with a settings header: line 1 <c>ZPLOT2 ASCII</c>; settings <c>Name: value</c>; the
/// tab-separated column header <c>Freq(Hz)\tAmpl\tBias\tTime(Sec)\tZ'(a)\tZ''(b)…</c>; a line <c>End Comments</c>; then
/// tab-separated data. <c>Z'(a)</c> and <c>Z''(b)</c> are Z′ and Z″ in Ω (the letters are axis labels). When the header's
/// <c>Data Points</c> differs from the rows found (an interrupted sweep), a warning says so.
/// </summary>
internal static class ZPlotReader
{
    internal static bool Detect(ImpedanceText text) => text.Line(1).Trim().StartsWith("ZPLOT2 ASCII", StringComparison.OrdinalIgnoreCase);

    internal static DataFileResult<ImpedanceData> Read(ImpedanceText text)
    {
        if (!Detect(text))
        {
            return text.Fail<ImpedanceData>(1, "a ZPlot .z file with comments starts with the line 'ZPLOT2 ASCII'");
        }

        var header = new ImpedanceFileHeader();
        int columnHeader = 0;
        int endComments = 0;
        for (int n = 2; n <= text.Count && endComments == 0; n++)
        {
            string line = text.Line(n);
            string trimmed = line.Trim();
            if (trimmed.StartsWith("End Comments", StringComparison.OrdinalIgnoreCase))
            {
                endComments = n;
            }
            else if (trimmed.StartsWith("Freq", StringComparison.OrdinalIgnoreCase) && line.Contains('\t', StringComparison.Ordinal))
            {
                columnHeader = n;
            }
            else if (trimmed.Length > 0)
            {
                int colon = line.IndexOf(':', StringComparison.Ordinal);
                _ = colon > 0 ? header.Add(line[..colon], line[(colon + 1)..], n) : header.Add(trimmed, string.Empty, n);
            }
        }

        if (columnHeader == 0)
        {
            return text.Fail<ImpedanceData>(endComments > 0 ? endComments : text.Count, "no column header line starting with 'Freq(Hz)' before 'End Comments'; expected the ZPlot header 'Freq(Hz)\\tAmpl\\tBias\\tTime(Sec)\\tZ'(a)\\tZ''(b)…'");
        }

        string? date = header.Find("Date")?.Value;
        string? time = header.Find("Time")?.Value;
        header.MeasurementDate = date is null ? time : time is null ? date : $"{date} {time}";
        bool currentControl = header.Find("Experiment Type")?.Value.Contains("Control Current", StringComparison.OrdinalIgnoreCase) == true;
        header.AcAmplitude = currentControl ? header.Find("Current-AC") : header.Find("Potential-AC");
        header.DcPotential = currentControl ? header.Find("Current-DC") : header.Find("Potential-DC");
        var fields = new List<string>();
        _ = FieldSplitter.Split(text.Line(columnHeader), '\t', fields);
        int firstData = (endComments > columnHeader ? endComments : columnHeader) + 1;
        ColumnHeader?[] headers = DataBlock.HeadersOf(fields);
        const string expected = "'Freq(Hz)', 'Z'(a)' and 'Z''(b)'";
        if (ImpedanceDataBuilder.CheckColumns(text, columnHeader, headers, expected) is { } columnError)
        {
            return DataFileResult.Failure<ImpedanceData>(columnError);
        }

        DataFileResult<DataBlock> block = DataBlock.Read(text, columnHeader, headers, firstData, '\t', new DecimalNumberParser(null));
        if (!block.IsSuccess)
        {
            return DataFileResult.Failure<ImpedanceData>(block.Error);
        }

        if (header.Find("Data Points") is { } announced
            && int.TryParse(announced.Value, NumberStyles.None, CultureInfo.InvariantCulture, out int points)
            && points != block.Value.RowCount)
        {
            header.Warn(string.Create(CultureInfo.InvariantCulture,
                $"the header announces {points} data points (line {announced.LineNumber}) but the file has {block.Value.RowCount}: an interrupted or shortened sweep?"));
        }

        return ImpedanceDataBuilder.Build(text, ImpedanceFileFormat.ZPlot, header, block.Value, expected);
    }
}
