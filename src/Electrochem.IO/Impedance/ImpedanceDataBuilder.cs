using System.Collections.Immutable;
using System.Runtime.InteropServices;
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

    /// <remarks>
    /// The block's columns become the spectrum's and the data's columns without a copy where nothing changes them (no
    /// unit factor, no dropped row), so a large file is held about once, not twice.
    /// </remarks>
    internal static DataFileResult<ImpedanceData> Build(ImpedanceText text, ImpedanceFileFormat format, ImpedanceFileHeader header, DataBlock block, ImpedanceColumnRoles.Resolution roles)
    {
        if (header.TooManySettings is { } tooMany)
        {
            return text.Fail<ImpedanceData>(header.TooManySettingsLine, tooMany);
        }

        ReadOnlySpan<double> f = block.Values[roles.Frequency.Index].AsSpan();
        ReadOnlySpan<double> re = block.Values[roles.Real.Index].AsSpan();
        ReadOnlySpan<double> im = block.Values[roles.Imaginary.Index].AsSpan();
        var dropped = ImmutableArray.CreateBuilder<DroppedPoint>();
        bool negativeZero = false;
        for (int r = 0; r < block.RowCount; r++)
        {
            int line = block.LineNumbers[r];
            if (f[r] == 0)
            {
                dropped.Add(new DroppedPoint(line, ZeroFrequencyReason));
                continue;
            }

            double hertz = Hertz(f[r], roles.Frequency);
            if (!(hertz > 0) || !double.IsFinite(hertz))
            {
                return text.Fail<ImpedanceData>(line, $"the frequency ('{block.Headers[roles.Frequency.Index].Text}') is {Format(f[r])}; expected a positive finite frequency");
            }

            if (!double.IsFinite(re[r] * roles.Real.Factor) || !double.IsFinite(im[r] * roles.Imaginary.Factor))
            {
                return text.Fail<ImpedanceData>(line, "Z′ or Z″ overflows when converted to Ω; expected finite values");
            }

            negativeZero |= im[r] == 0 && double.IsNegative(im[r] * roles.Imaginary.Factor);
        }

        int count = block.RowCount - dropped.Count;
        if (count == 0)
        {
            return text.Fail<ImpedanceData>(block.HeaderLine, $"no impedance points: all {block.RowCount} rows have frequency 0 (DC records); expected at least one row with a positive frequency");
        }

        bool allKept = dropped.Count == 0;
        double[] frequency = Column(block, roles.Frequency.Index, roles.Frequency.Index, allKept && roles.Frequency is { Factor: 1, Angular: false }, v => Hertz(v, roles.Frequency));
        double[] real = Column(block, roles.Frequency.Index, roles.Real.Index, allKept && roles.Real.Factor == 1, v => v * roles.Real.Factor);
        double[] imaginary = Column(block, roles.Frequency.Index, roles.Imaginary.Index, allKept && roles.Imaginary.Factor == 1 && !negativeZero, v => v * roles.Imaginary.Factor is var z && z == 0 ? 0 : z);
        ImmutableArray<int> lines = allKept ? block.LineNumbers : [.. Kept(f, block.LineNumbers.AsSpan())];
        var others = ImmutableArray.CreateBuilder<TableColumn>();
        for (int c = 0; c < block.Headers.Length; c++)
        {
            if (c != roles.Frequency.Index && c != roles.Real.Index && c != roles.Imaginary.Index)
            {
                others.Add(new TableColumn(block.Headers[c], allKept ? block.Values[c] : [.. Kept(f, block.Values[c].AsSpan())]));
            }
        }

        var spectrum = ImpedanceSpectrum.Adopt(frequency, real, imaginary);
        if (imaginary.Length >= 3 && !imaginary.AsSpan().ContainsAnyInRange(double.NegativeInfinity, 0))
        {
            header.Warn($"every Z″ is positive (inductive) in all {imaginary.Length} points: the column '{block.Headers[roles.Imaginary.Index].Text}' probably holds −Z″ under a Z″ name; name it '-Z″' (or '-Im(Z)') and it is negated on reading");
        }

        if (LooksLikeFrequencies(real) && !LooksLikeFrequencies(frequency))
        {
            header.Warn($"the Z′ column '{block.Headers[roles.Real.Index].Text}' runs monotonically over {Math.Log10(real.Max() / real.Min()):F1} decades in even logarithmic steps, as frequencies do, while the frequency column '{block.Headers[roles.Frequency.Index].Text}' does not: are the columns in the order f, Z′, Z″?");
        }

        ImmutableArray<TableColumn> otherColumns = others.ToImmutable();
        if (SweepSplitter.Split(spectrum, lines, otherColumns, header, out ImmutableArray<ImpedanceSweep> sweeps) is { } sweepError)
        {
            return DataFileResult.Failure<ImpedanceData>(text.Error(sweepError.LineNumber, sweepError.Problem));
        }

        if (sweeps.Length > 1)
        {
            header.Warn(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"the file holds {sweeps.Length} sweeps ({SweepSizes(sweeps)} points); Spectrum joins all {spectrum.Count} points in file order, Sweeps holds each one to fit on its own"));
        }

        return DataFileResult.Success(new ImpedanceData(
            text.SourceName, format, spectrum, lines, roles.Columns, otherColumns, dropped.ToImmutable(), header, sweeps));
    }

    private static double Hertz(double value, ImpedanceColumnRoles.Role frequency) =>
        frequency.Angular ? value * frequency.Factor / (2 * Math.PI) : value * frequency.Factor;

    /// <summary>A column of the kept rows (frequency ≠ 0), converted; the block's own array when nothing changes it.</summary>
    private static double[] Column(DataBlock block, int frequencyIndex, int index, bool unchanged, Func<double, double> convert)
    {
        ImmutableArray<double> values = block.Values[index];
        if (unchanged)
        {
            return ImmutableCollectionsMarshal.AsArray(values)!;
        }

        double[] kept = Kept(block.Values[frequencyIndex].AsSpan(), values.AsSpan());
        for (int i = 0; i < kept.Length; i++)
        {
            kept[i] = convert(kept[i]);
        }

        return kept;
    }

    /// <summary>The values of the rows whose frequency is not 0.</summary>
    private static T[] Kept<T>(ReadOnlySpan<double> frequency, ReadOnlySpan<T> values)
    {
        var kept = new T[frequency.Length - frequency.Count(0.0)];
        int k = 0;
        for (int r = 0; r < frequency.Length; r++)
        {
            if (frequency[r] != 0)
            {
                kept[k++] = values[r];
            }
        }

        return kept;
    }

    /// <summary>Whether values look like a frequency sweep: at least 5, positive, monotonic, over two decades or more, in even logarithmic steps (coefficient of variation of the steps below 0.15).</summary>
    private static bool LooksLikeFrequencies(double[] values)
    {
        if (values.Length < 5 || values.AsSpan().ContainsAnyInRange(double.NegativeInfinity, 0))
        {
            return false;
        }

        // One pass over the logarithmic steps (no array of them): same sign throughout, their sum and spread.
        int sign = Math.Sign(values[1] - values[0]);
        double sum = 0;
        double sumOfSquares = 0;
        for (int i = 1; i < values.Length; i++)
        {
            double step = Math.Log(values[i] / values[i - 1]);
            if (sign == 0 || Math.Sign(step) != sign)
            {
                return false;
            }

            sum += step;
            sumOfSquares += step * step;
        }

        int n = values.Length - 1;
        double mean = sum / n;
        double spread = Math.Sqrt(Math.Max(0, (sumOfSquares / n) - (mean * mean)));
        return Math.Abs(sum) >= Math.Log(100) && spread < 0.15 * Math.Abs(mean);
    }

    /// <summary>The sweeps' point counts, e.g. <c>4 × 21</c> or <c>21, 21, 20</c>.</summary>
    private static string SweepSizes(ImmutableArray<ImpedanceSweep> sweeps) =>
        sweeps.All(s => s.Spectrum.Count == sweeps[0].Spectrum.Count)
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{sweeps.Length} × {sweeps[0].Spectrum.Count}")
            : string.Join(", ", sweeps.Take(8).Select(s => s.Spectrum.Count.ToString(System.Globalization.CultureInfo.InvariantCulture))) + (sweeps.Length > 8 ? ", …" : string.Empty);

    private static string Format(double value) => value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
}
