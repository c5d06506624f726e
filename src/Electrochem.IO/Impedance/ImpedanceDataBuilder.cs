using System.Collections.Immutable;
using Electrochem.Impedance;
using Electrochem.IO.Tables;

namespace Electrochem.IO.Impedance;

/// <summary>
/// Turns a data block into <see cref="ImpedanceData"/>: finds the columns, converts to Hz and Ω, drops rows with
/// frequency 0 (DC records of multi-technique files) with their reason, and rejects negative or overflowing values.
/// </summary>
internal static class ImpedanceDataBuilder
{
    internal const string ZeroFrequencyReason = "frequency is 0: a DC record (not an impedance measurement), as written by multi-technique runs";

    /// <summary>
    /// Finds the columns in the header first (so a missing column is reported on the header's line, not as a field-count
    /// error on the first row), then reads the rows and builds the data.
    /// </summary>
    internal static DataFileResult<ImpedanceData> Read(
        ImpedanceText text,
        ImpedanceFileFormat format,
        ImpedanceFileHeader header,
        int headerLine,
        IReadOnlyList<ColumnHeader?> headers,
        string expected,
        int firstLine,
        char delimiter,
        DecimalNumberParser numbers,
        Func<string, bool>? isEnd = null,
        bool skipComments = false)
    {
        if (CheckColumns(text, headerLine, headers, expected) is { } error)
        {
            return DataFileResult.Failure<ImpedanceData>(error);
        }

        DataFileResult<DataBlock> block = DataBlock.Read(text, headerLine, headers, firstLine, delimiter, numbers, isEnd, skipComments);
        return block.IsSuccess ? Build(text, format, header, block.Value, expected) : DataFileResult.Failure<ImpedanceData>(block.Error);
    }

    /// <summary>The problem with a header's columns (missing, doubled, unknown unit), or null.</summary>
    internal static DataFileError? CheckColumns(ImpedanceText text, int headerLine, IReadOnlyList<ColumnHeader?> headers, string expected)
    {
        ColumnHeader[] named = [.. headers.OfType<ColumnHeader>()];
        return ImpedanceColumnRoles.Resolve(named, expected, text.Columns, out _) is { } problem ? text.Error(headerLine, problem) : null;
    }

    internal static DataFileResult<ImpedanceData> Build(ImpedanceText text, ImpedanceFileFormat format, ImpedanceFileHeader header, DataBlock block, string expected)
    {
        if (ImpedanceColumnRoles.Resolve(block.Headers, expected, text.Columns, out ImpedanceColumnRoles.Resolution? roles) is { } problem)
        {
            return text.Fail<ImpedanceData>(block.HeaderLine, problem);
        }

        return Build(text, format, header, block, roles!);
    }

    internal static DataFileResult<ImpedanceData> Build(ImpedanceText text, ImpedanceFileFormat format, ImpedanceFileHeader header, DataBlock block, ImpedanceColumnRoles.Resolution roles)
    {
        var frequency = new List<double>(block.RowCount);
        var real = new List<double>(block.RowCount);
        var imaginary = new List<double>(block.RowCount);
        var kept = new List<int>(block.RowCount);
        var dropped = ImmutableArray.CreateBuilder<DroppedPoint>();
        ImmutableArray<double> f = block.Values[roles.Frequency.Index];
        ImmutableArray<double> re = block.Values[roles.Real.Index];
        ImmutableArray<double> im = block.Values[roles.Imaginary.Index];
        for (int r = 0; r < block.RowCount; r++)
        {
            int line = block.LineNumbers[r];
            double hertz = f[r] * roles.Frequency.Factor;
            if (roles.Frequency.Angular)
            {
                hertz /= 2 * Math.PI;
            }

            if (f[r] == 0)
            {
                dropped.Add(new DroppedPoint(line, ZeroFrequencyReason));
                continue;
            }

            if (!(hertz > 0) || !double.IsFinite(hertz))
            {
                return text.Fail<ImpedanceData>(line, $"the frequency ('{block.Headers[roles.Frequency.Index].Text}') is {Format(f[r])}; expected a positive finite frequency");
            }

            double z1 = re[r] * roles.Real.Factor;
            double z2 = im[r] * roles.Imaginary.Factor;
            if (!double.IsFinite(z1) || !double.IsFinite(z2))
            {
                return text.Fail<ImpedanceData>(line, "Z′ or Z″ overflows when converted to Ω; expected finite values");
            }

            frequency.Add(hertz);
            real.Add(z1);
            imaginary.Add(z2 == 0 ? 0 : z2);
            kept.Add(r);
        }

        if (kept.Count == 0)
        {
            return text.Fail<ImpedanceData>(block.HeaderLine, $"no impedance points: all {block.RowCount} rows have frequency 0 (DC records); expected at least one row with a positive frequency");
        }

        var others = ImmutableArray.CreateBuilder<TableColumn>();
        for (int c = 0; c < block.Headers.Length; c++)
        {
            if (c == roles.Frequency.Index || c == roles.Real.Index || c == roles.Imaginary.Index)
            {
                continue;
            }

            ImmutableArray<double> values = block.Values[c];
            others.Add(new TableColumn(block.Headers[c], [.. kept.Select(r => values[r])]));
        }

        var spectrum = new ImpedanceSpectrum(frequency.ToArray(), real.ToArray(), imaginary.ToArray());
        if (imaginary.Count >= 3 && imaginary.All(z => z > 0))
        {
            header.Warnings.Add($"every Z″ is positive (inductive) in all {imaginary.Count} points: the column '{block.Headers[roles.Imaginary.Index].Text}' probably holds −Z″ under a Z″ name; name it '-Z″' (or '-Im(Z)') and it is negated on reading");
        }

        if (LooksLikeFrequencies(real) && !LooksLikeFrequencies(frequency))
        {
            header.Warnings.Add($"the Z′ column '{block.Headers[roles.Real.Index].Text}' runs monotonically over {Math.Log10(real.Max() / real.Min()):F1} decades in even logarithmic steps, as frequencies do, while the frequency column '{block.Headers[roles.Frequency.Index].Text}' does not: are the columns in the order f, Z′, Z″?");
        }

        ImmutableArray<int> lines = [.. kept.Select(r => block.LineNumbers[r])];
        ImmutableArray<TableColumn> otherColumns = others.ToImmutable();
        ImmutableArray<ImpedanceSweep> sweeps = SweepSplitter.Split(spectrum, lines, otherColumns, header.Warnings);
        if (sweeps.Length > 1)
        {
            header.Warnings.Add(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"the file holds {sweeps.Length} sweeps ({SweepSizes(sweeps)} points); Spectrum joins all {spectrum.Count} points in file order, Sweeps holds each one to fit on its own"));
        }

        return DataFileResult.Success(new ImpedanceData(
            text.SourceName, format, spectrum, lines, roles.Columns, otherColumns, dropped.ToImmutable(), header, sweeps));
    }

    /// <summary>Whether values look like a frequency sweep: at least 5, positive, monotonic, over two decades or more, in even logarithmic steps (coefficient of variation of the steps below 0.15).</summary>
    private static bool LooksLikeFrequencies(List<double> values)
    {
        if (values.Count < 5 || values.Any(v => !(v > 0)))
        {
            return false;
        }

        double[] steps = [.. values.Skip(1).Select((v, i) => Math.Log(v / values[i]))];
        if (!(steps.All(s => s > 0) || steps.All(s => s < 0)) || Math.Abs(steps.Sum()) < Math.Log(100))
        {
            return false;
        }

        double mean = steps.Average();
        double spread = Math.Sqrt(steps.Sum(s => (s - mean) * (s - mean)) / steps.Length);
        return spread < 0.15 * Math.Abs(mean);
    }

    /// <summary>The sweeps' point counts, e.g. <c>4 × 21</c> or <c>21, 21, 20</c>.</summary>
    private static string SweepSizes(ImmutableArray<ImpedanceSweep> sweeps) =>
        sweeps.All(s => s.Spectrum.Count == sweeps[0].Spectrum.Count)
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{sweeps.Length} × {sweeps[0].Spectrum.Count}")
            : string.Join(", ", sweeps.Take(8).Select(s => s.Spectrum.Count.ToString(System.Globalization.CultureInfo.InvariantCulture))) + (sweeps.Length > 8 ? ", …" : string.Empty);

    private static string Format(double value) => value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
}
