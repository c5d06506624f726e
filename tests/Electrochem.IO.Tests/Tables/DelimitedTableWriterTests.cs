using System.Collections.Immutable;
using Electrochem.IO.Tables;
using FsCheck;
using FsCheck.Xunit;

namespace Electrochem.IO.Tests.Tables;

public sealed class DelimitedTableWriterTests
{
    private static readonly string[] Headers = ["#count", "T (K)", "a, b", "T/°C", "sigma [S/cm]", "σ / mS cm-1", "say \"hi\"", "u_sigma", "x; y"];

    [Property(MaxTest = 300)]
    public bool Any_written_table_reads_back_exactly(PositiveInt columnCount, NonEmptyArray<NormalFloat> numbers, byte format)
    {
        int columns = Math.Min(columnCount.Get, Headers.Length);
        NormalFloat[] values = numbers.Get;
        int rows = Math.Max(1, values.Length / columns);
        (char delimiter, char decimalSeparator) = (format % 4) switch
        {
            0 => (',', '.'),
            1 => (';', ','),
            2 => ('\t', ','),
            _ => (';', '.'),
        };
        var table = new List<TableColumn>();
        for (int c = 0; c < columns; c++)
        {
            var column = ImmutableArray.CreateBuilder<double>(rows);
            for (int r = 0; r < rows; r++)
            {
                column.Add(values[((r * columns) + c) % values.Length].Get);
            }

            table.Add(new TableColumn(ColumnHeader.Parse(Headers[c]), column.MoveToImmutable()));
        }

        using var writer = new StringWriter();
        DelimitedTableWriter.Write(writer, table, delimiter, decimalSeparator);
        using var reader = new StringReader(writer.ToString());
        DelimitedTable read = DelimitedTable.Read(reader, "roundtrip.csv");
        return read.Columns.Length == columns
            && (columns == 1 || read.Delimiter == delimiter)
            && read.Columns.Zip(table).All(pair =>
                pair.First.Header == pair.Second.Header
                && pair.First.Values.Select(BitConverter.DoubleToInt64Bits).SequenceEqual(pair.Second.Values.Select(BitConverter.DoubleToInt64Bits)));
    }

    [Fact]
    public void Writes_decimal_commas_and_quotes_when_needed()
    {
        using var writer = new StringWriter();
        DelimitedTableWriter.Write(writer, [new TableColumn(ColumnHeader.Parse("a;b"), [1.5]), new TableColumn(ColumnHeader.Parse("c"), [-2e-5])], ';', ',');
        Assert.Equal("\"a;b\";c\n1,5;-2E-05\n", writer.ToString());
    }

    [Fact]
    public void Refuses_what_could_not_be_read_back()
    {
        using var writer = new StringWriter();
        TableColumn ok = new(ColumnHeader.Parse("a"), [1.0]);
        Assert.Throws<ArgumentException>(() => DelimitedTableWriter.Write(writer, []));
        Assert.Throws<ArgumentException>(() => DelimitedTableWriter.Write(writer, [ok, new TableColumn(ColumnHeader.Parse("b"), [1.0, 2.0])]));
        Assert.Throws<ArgumentException>(() => DelimitedTableWriter.Write(writer, [new TableColumn(ColumnHeader.Parse("b"), [double.NaN])]));
        Assert.Throws<ArgumentException>(() => DelimitedTableWriter.Write(writer, [new TableColumn(ColumnHeader.Parse("12"), [1.0])]));
        Assert.Throws<ArgumentOutOfRangeException>(() => DelimitedTableWriter.Write(writer, [ok], ',', ','));
    }
}
