using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.InteropServices;
using Electrochem.IO.Cycling;
using Electrochem.IO.Tables;

namespace Electrochem.IO.Impedance;

/// <summary>
/// EC-Lab binary files (<c>.mpr</c>) of impedance techniques (PEIS, GEIS, ZIR, Modulo Bat with EIS): the data module's
/// columns under the headers the <c>.mpt</c> export gives them (<c>freq/Hz</c>, <c>Re(Z)/Ohm</c>, <c>-Im(Z)/Ohm</c>, …),
/// then the same columns, conversions, dropped DC rows and sweeps (<see cref="SweepSplitter"/>: a new sweep where
/// <c>cycle number</c> or <c>Ns</c> changes) as the <c>.mpt</c> reader. A file that stores only <c>|Z|/Ohm</c> and
/// <c>Phase(Z)/deg</c> (Modulo Bat) gets Z′ = |Z| cos φ and −Z″ = −|Z| sin φ, as the export computes them. Errors name
/// the data point (1-based) where the text formats name the line.
/// </summary>
internal static class BioLogicBinaryImpedanceReader
{
    private const string Expected = "the EC-Lab columns \"freq/Hz\", \"Re(Z)/Ohm\" and \"-Im(Z)/Ohm\" (is this an impedance technique: PEIS, GEIS, or a Modulo Bat with EIS?)";

    /// <summary>True when the file starts as an EC-Lab binary file does.</summary>
    internal static bool Detect(string path)
    {
        Span<byte> first = stackalloc byte[32];
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1);
        return MprParser.IsMpr(first[..stream.ReadAtLeast(first, first.Length, throwOnEndOfStream: false)]);
    }

    internal static DataFileResult<ImpedanceData> Read(string path, DelimitedTableOptions options, ImpedanceColumnChoices? columns)
    {
        MprFile file;
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan))
        {
            if (stream.Length > options.MaximumFileBytes)
            {
                return DataFileResult.Failure<ImpedanceData>(new DataFileError(path, 1, string.Create(CultureInfo.InvariantCulture,
                    $"the file is {stream.Length} bytes, larger than the limit of {options.MaximumFileBytes} bytes (DelimitedTableOptions.MaximumFileBytes); it was not read")));
            }

            try
            {
                file = MprParser.Read(stream, stream.Length, path, CancellationToken.None);
            }
            catch (DataFileException e)
            {
                return DataFileResult.Failure<ImpedanceData>(new DataFileError(path, e.LineNumber, e.Problem));
            }
        }

        ImpedanceText text = ImpedanceText.ForBinary(path, file.PointCount, options);
        text.Columns = columns;
        var header = new ImpedanceFileHeader();
        foreach (KeyValuePair<string, string> entry in BioLogicBinaryReader.Entries(file))
        {
            header.Add(entry.Key, entry.Value, 1);
        }

        header.Instrument = file.Settings.DeviceSerial is { } serial ? $"SN {serial}" : null;
        header.MeasurementDate = file.Settings.StartText;
        foreach (string warning in file.Warnings)
        {
            header.Warn(warning);
        }

        var headers = ImmutableArray.CreateBuilder<ColumnHeader>();
        var values = ImmutableArray.CreateBuilder<ImmutableArray<double>>();
        foreach (MprColumn column in file.Columns)
        {
            headers.Add(ColumnHeader.Parse(column.Header));
            values.Add(ImmutableCollectionsMarshal.AsImmutableArray(column.Values));
        }

        DeriveImpedance(file, headers, values, header);
        int[] points = new int[file.PointCount];
        for (int i = 0; i < points.Length; i++)
        {
            points[i] = i + 1;
        }

        var block = new DataBlock(1, headers.ToImmutable(), values.ToImmutable(), ImmutableCollectionsMarshal.AsImmutableArray(points), points.Length + 1);
        return ImpedanceDataBuilder.Build(text, ImpedanceFileFormat.BioLogicBinary, header, block, Expected);
    }

    /// <summary>Z′ and −Z″ from |Z| and the phase, when the file stores only those (the export computes them so).</summary>
    private static void DeriveImpedance(MprFile file, ImmutableArray<ColumnHeader>.Builder headers, ImmutableArray<ImmutableArray<double>>.Builder values, ImpedanceFileHeader header)
    {
        if (file.Columns.Any(c => c.Header == "Re(Z)/Ohm")
            || file.Columns.FirstOrDefault(c => c.Header == "|Z|/Ohm") is not { } modulus
            || file.Columns.FirstOrDefault(c => c.Header == "Phase(Z)/deg") is not { } phase
            || !file.Columns.Any(c => c.Header == "freq/Hz"))
        {
            return;
        }

        double[] real = new double[file.PointCount];
        double[] minusImaginary = new double[file.PointCount];
        for (int i = 0; i < real.Length; i++)
        {
            (double sin, double cos) = Math.SinCos(phase.Values[i] * Math.PI / 180);
            real[i] = modulus.Values[i] * cos;
            minusImaginary[i] = -modulus.Values[i] * sin;
        }

        headers.Add(ColumnHeader.Parse("Re(Z)/Ohm"));
        values.Add(ImmutableCollectionsMarshal.AsImmutableArray(real));
        headers.Add(ColumnHeader.Parse("-Im(Z)/Ohm"));
        values.Add(ImmutableCollectionsMarshal.AsImmutableArray(minusImaginary));
        header.Warn("the file stores |Z| and Phase(Z), not Re(Z) and -Im(Z): they are computed as |Z|·cos φ and −|Z|·sin φ, as EC-Lab's export computes them");
    }
}
