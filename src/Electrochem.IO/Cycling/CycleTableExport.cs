using System.Globalization;
using Electrochem.Cycling;
using Parquet;
using Parquet.Schema;

namespace Electrochem.IO.Cycling;

/// <summary>
/// Writes a <see cref="CycleTable"/> as one row per cycle — CSV (units in the headers, empty cells for undefined
/// values) or Parquet (nullable doubles, the unit of every column and the table's convention, numbering and sources
/// in the metadata) — so a lab's cycle tables join the Parquet datasets of <see cref="RecordingParquet"/>.
/// </summary>
public static class CycleTableExport
{
    /// <summary>The exported columns: name, unit (empty for none), value (null when undefined).</summary>
    private static readonly (string Name, string Unit, Func<CycleSummary, double?> Value)[] Columns =
    [
        ("cycle", "", c => c.Cycle),
        ("first_step", "", c => c.FirstStep),
        ("step_count", "", c => c.StepCount),
        ("start_row", "", c => c.StartRow),
        ("row_count", "", c => c.RowCount),
        ("start_time", "s", c => c.StartTime),
        ("end_time", "s", c => c.EndTime),
        ("last_data_point", "", c => c.LastDataPoint),
        ("charge_capacity", "Ah", c => c.ChargeCapacity),
        ("discharge_capacity", "Ah", c => c.DischargeCapacity),
        ("charge_energy", "Wh", c => c.ChargeEnergy),
        ("discharge_energy", "Wh", c => c.DischargeEnergy),
        ("coulombic_efficiency", "%", c => c.CoulombicEfficiencyPercent),
        ("energy_efficiency", "%", c => c.EnergyEfficiencyPercent),
        ("mean_charge_voltage", "V", c => c.MeanChargeVoltage),
        ("mean_discharge_voltage", "V", c => c.MeanDischargeVoltage),
        ("end_charge_voltage", "V", c => c.EndChargeVoltage),
        ("end_discharge_voltage", "V", c => c.EndDischargeVoltage),
        ("cv_charge_capacity", "Ah", c => c.ConstantVoltageChargeCapacity),
        ("cv_charge_time", "s", c => c.ConstantVoltageChargeSeconds),
        ("cv_discharge_capacity", "Ah", c => c.ConstantVoltageDischargeCapacity),
        ("cv_discharge_time", "s", c => c.ConstantVoltageDischargeSeconds),
        ("charge_current", "A", c => c.ChargeCurrent),
        ("discharge_current", "A", c => c.DischargeCurrent),
        ("charge_c_rate", "1/h", c => c.ChargeCRate),
        ("discharge_c_rate", "1/h", c => c.DischargeCRate),
        ("charge_resistance", "Ohm", c => c.ChargeResistance),
        ("discharge_resistance", "Ohm", c => c.DischargeResistance),
        ("minimum_temperature", "K", c => c.MinimumTemperature),
        ("mean_temperature", "K", c => c.MeanTemperature),
        ("maximum_temperature", "K", c => c.MaximumTemperature),
        ("specific_charge_capacity", "mAh/g", c => c.SpecificChargeCapacity),
        ("specific_discharge_capacity", "mAh/g", c => c.SpecificDischargeCapacity),
        ("areal_charge_capacity", "mAh/cm2", c => c.ArealChargeCapacity),
        ("areal_discharge_capacity", "mAh/cm2", c => c.ArealDischargeCapacity),
        ("coulombic_difference", "Ah", c => c.Bookkeeping.CoulombicDifference),
        ("cumulated_coulombic_difference", "Ah", c => c.Bookkeeping.CumulatedCoulombicDifference),
        ("charge_capacity_loss", "Ah", c => c.Bookkeeping.ChargeCapacityLoss),
        ("discharge_capacity_loss", "Ah", c => c.Bookkeeping.DischargeCapacityLoss),
        ("cumulated_charge_capacity_loss", "Ah", c => c.Bookkeeping.CumulatedChargeCapacityLoss),
        ("cumulated_discharge_capacity_loss", "Ah", c => c.Bookkeeping.CumulatedDischargeCapacityLoss),
        ("cumulated_charge_capacity", "Ah", c => c.Bookkeeping.CumulatedChargeCapacity),
        ("cumulated_discharge_capacity", "Ah", c => c.Bookkeeping.CumulatedDischargeCapacity),
        ("shifted_charge_capacity", "Ah", c => c.Bookkeeping.ShiftedChargeCapacity),
        ("shifted_discharge_capacity", "Ah", c => c.Bookkeeping.ShiftedDischargeCapacity),
        ("cumulated_ric", "", c => c.Bookkeeping.CumulatedRic),
        ("cumulated_ric_sei", "", c => c.Bookkeeping.CumulatedRicSei),
        ("cumulated_ric_disconnect", "", c => c.Bookkeeping.CumulatedRicDisconnect),
        ("throughput", "Ah", c => c.Bookkeeping.Throughput),
        ("equivalent_full_cycles", "", c => c.Bookkeeping.EquivalentFullCycles),
    ];

    /// <summary>Writes the table as CSV: a header of <c>name (unit)</c>, one row per cycle, then an <c>anomalies</c> column; numbers round-trip, undefined values empty.</summary>
    /// <param name="table">The cycle table.</param>
    /// <param name="writer">Where the text goes (not disposed).</param>
    public static void WriteCsv(CycleTable table, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(string.Join(',', Columns.Select(c => c.Unit.Length == 0 ? c.Name : $"{c.Name} ({c.Unit})")));
        writer.Write(",anomalies\n");
        foreach (CycleSummary cycle in table.Cycles)
        {
            for (int c = 0; c < Columns.Length; c++)
            {
                if (c > 0)
                {
                    writer.Write(',');
                }

                if (Columns[c].Value(cycle) is { } value)
                {
                    writer.Write(value.ToString("R", CultureInfo.InvariantCulture));
                }
            }

            writer.Write(',');
            writer.Write(Anomalies(cycle));
            writer.Write('\n');
        }
    }

    /// <summary>Writes the table as a Parquet file (created or overwritten).</summary>
    /// <param name="table">The cycle table.</param>
    /// <param name="path">The file.</param>
    /// <param name="cancellationToken">Stops the write.</param>
    public static void WriteParquet(CycleTable table, string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using FileStream stream = File.Create(path);
        WriteParquetAsync(table, stream, cancellationToken).GetAwaiter().GetResult();
    }

    /// <summary>Writes the table as Parquet to a stream (left open).</summary>
    /// <param name="table">The cycle table.</param>
    /// <param name="destination">The stream.</param>
    /// <param name="cancellationToken">Stops the write.</param>
    /// <returns>The write.</returns>
    public static async Task WriteParquetAsync(CycleTable table, Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(destination);
        DataField<double?>[] numeric = [.. Columns.Select(c => new DataField<double?>(c.Name))];
        var anomalies = new DataField<string>("anomalies", true);
        var schema = new ParquetSchema([.. numeric.Cast<Field>(), anomalies]);
        await using ParquetWriter writer = await ParquetWriter.CreateAsync(schema, destination, cancellationToken: cancellationToken).ConfigureAwait(false);
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["electrochem.cycle_table.source"] = table.SourceName,
            ["electrochem.cycle_table.convention"] = table.Convention.ToString(),
            ["electrochem.cycle_table.numbering"] = $"{table.Numbering}: {table.NumberingReason}",
            ["electrochem.cycle_table.capacity_source"] = table.StepTable.CapacitySource.ToString(),
            ["electrochem.cycle_table.energy_source"] = table.StepTable.EnergySource.ToString(),
        };
        foreach ((string name, string unit, _) in Columns)
        {
            metadata["unit:" + name] = unit;
        }

        writer.CustomMetadata = metadata;
        using ParquetRowGroupWriter group = writer.CreateRowGroup();
        for (int c = 0; c < Columns.Length; c++)
        {
            double?[] values = [.. table.Cycles.Select(Columns[c].Value)];
            await group.WriteAsync<double>(numeric[c], values.AsMemory(), null, new Dictionary<string, string>(StringComparer.Ordinal) { ["unit"] = Columns[c].Unit }, cancellationToken).ConfigureAwait(false);
        }

        string[] flags = [.. table.Cycles.Select(Anomalies)];
        await group.WriteAsync(anomalies, flags, null).ConfigureAwait(false);
    }

    private static string Anomalies(CycleSummary cycle) => cycle.Anomalies == CycleAnomalies.None ? string.Empty : cycle.Anomalies.ToString().Replace(", ", "|", StringComparison.Ordinal);
}
