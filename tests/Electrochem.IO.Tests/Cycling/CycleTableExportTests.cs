using System.Globalization;
using DuckDB.NET.Data;
using Electrochem.Cycling;
using Electrochem.IO.Cycling;

namespace Electrochem.IO.Tests.Cycling;

public sealed class CycleTableExportTests
{
    private static CycleTable Table() =>
        CycleTable.From(CyclingFiles.Read(CyclingFiles.Cellpy("20160805_test001_45_cc_01.Channel_Normal_Table.csv")), new CycleTableOptions(EfficiencyConvention.DischargeFirst) { ActiveMassGrams = 0.00085283798 });

    [Fact]
    public void Csv_has_a_row_per_cycle_units_in_the_header_and_empty_cells_for_undefined_values()
    {
        CycleTable table = Table();
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        CycleTableExport.WriteCsv(table, text);
        string[] lines = text.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(table.Cycles.Length + 1, lines.Length);
        string[] header = lines[0].Split(',');
        Assert.Contains("charge_capacity (Ah)", header);
        Assert.Contains("specific_discharge_capacity (mAh/g)", header);
        Assert.Equal("anomalies", header[^1]);
        string[] last = lines[^1].Split(',');
        Assert.Equal(string.Empty, last[Array.IndexOf(header, "coulombic_efficiency (%)")]); // the partial last cycle: undefined, not 0
        Assert.Equal("NoCharge|Incomplete", last[^1]);
        Assert.Equal(table.Cycles[0].DischargeCapacity, double.Parse(lines[1].Split(',')[Array.IndexOf(header, "discharge_capacity (Ah)")], CultureInfo.InvariantCulture));
    }

    [Fact]
    public void DuckDB_reads_the_Parquet_cycle_table_with_its_units_and_convention()
    {
        CycleTable table = Table();
        string path = Path.Combine(Path.GetTempPath(), $"electrochem-cycles-{Guid.NewGuid():N}.parquet");
        try
        {
            CycleTableExport.WriteParquet(table, path);
            using var connection = new DuckDBConnection("Data Source=:memory:");
            connection.Open();
            using DuckDBCommand command = connection.CreateCommand();
            command.CommandText = $"SELECT avg(coulombic_efficiency), count(*), count(coulombic_efficiency) FROM read_parquet('{path}') WHERE anomalies IS NULL OR anomalies = ''";
            using (var reader = command.ExecuteReader())
            {
                Assert.True(reader.Read());
                double expected = table.Cycles.Where(c => c.Anomalies == CycleAnomalies.None).Average(c => c.CoulombicEfficiencyPercent!.Value);
                Assert.Equal(expected, reader.GetDouble(0), 1e-9);
                Assert.Equal(reader.GetInt64(1), reader.GetInt64(2));
            }

            command.CommandText = $"SELECT decode(value) FROM parquet_kv_metadata('{path}') WHERE decode(key) = 'electrochem.cycle_table.convention'";
            Assert.Equal("DischargeFirst", command.ExecuteScalar());
            command.CommandText = $"SELECT decode(value) FROM parquet_kv_metadata('{path}') WHERE decode(key) = 'unit:specific_charge_capacity'";
            Assert.Equal("mAh/g", command.ExecuteScalar());
        }
        finally
        {
            File.Delete(path);
        }
    }
}
