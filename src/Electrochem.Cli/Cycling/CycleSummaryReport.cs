using System.Globalization;
using System.Text;
using System.Text.Json;
using Electrochem.Cli.Formatting;
using Electrochem.Cycling;

namespace Electrochem.Cli.Cycling;

/// <summary>The text and JSON reports of <c>electrochem cycling summary</c>.</summary>
internal static class CycleSummaryReport
{
    internal static string Text(CycleTable table, string format)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{table.SourceName}: {table.Cycles.Length} cycles ({format}), {Convention(table.Convention)}\n");
        text.Append(CultureInfo.InvariantCulture, $"cycles: {table.NumberingReason}\n");
        text.Append(CultureInfo.InvariantCulture, $"capacities: {Source(table.StepTable.CapacitySource)}; energies: {Source(table.StepTable.EnergySource)}\n");
        text.Append(CultureInfo.InvariantCulture, $"active mass: {Optional(table.ActiveMassGrams, "g")}; area: {Optional(table.AreaSquareCentimetres, "cm²")}; nominal capacity: {Optional(table.NominalCapacityAmpereHours, "A·h")}\n");
        foreach (string warning in table.Warnings)
        {
            text.Append("warning: ").Append(warning).Append('\n');
        }

        text.Append('\n');
        bool specific = table.ActiveMassGrams is not null;
        bool rates = table.NominalCapacityAmpereHours is not null;
        string[] header =
        [
            "cycle", "Q_ch (mAh)", "Q_dis (mAh)", "CE (%)", "EE (%)", "V_ch mean (V)", "V_dis mean (V)",
            .. specific ? new[] { "q_ch (mAh/g)", "q_dis (mAh/g)" } : [],
            .. rates ? new[] { "C-rate ch", "C-rate dis" } : [],
            "notes",
        ];
        var rows = new TextTable(header);
        foreach (CycleSummary c in table.Cycles)
        {
            rows.Add(
            [
                c.Cycle.ToString(CultureInfo.InvariantCulture),
                Numbers.Significant(c.ChargeCapacity * 1000, 6),
                Numbers.Significant(c.DischargeCapacity * 1000, 6),
                Value(c.CoulombicEfficiencyPercent, 5),
                Value(c.EnergyEfficiencyPercent, 5),
                Value(c.MeanChargeVoltage, 4),
                Value(c.MeanDischargeVoltage, 4),
                .. specific ? new[] { Value(c.SpecificChargeCapacity, 5), Value(c.SpecificDischargeCapacity, 5) } : [],
                .. rates ? new[] { Value(c.ChargeCRate, 3), Value(c.DischargeCRate, 3) } : [],
                Notes(c.Anomalies),
            ]);
        }

        rows.AppendTo(text);
        text.Append("\nCE and EE are left empty (—) for a cycle without both a charge and a discharge; such cycles are noted and belong out of statistics.\n");
        return text.ToString();
    }

    internal static string Json(CycleTable table, string format) => JsonOutput.Document(json =>
    {
        json.WriteStartObject();
        json.WriteString("source", table.SourceName);
        json.WriteString("format", format);
        json.WriteString("convention", table.Convention == EfficiencyConvention.ChargeFirst ? "charge-first" : "discharge-first");
        json.WriteString("numbering", table.Numbering == CycleNumbering.InstrumentCounter ? "instrument-counter" : "derived");
        json.WriteString("numbering_reason", table.NumberingReason);
        json.WriteString("capacity_source", table.StepTable.CapacitySource.ToString().ToLowerInvariant());
        json.WriteString("energy_source", table.StepTable.EnergySource.ToString().ToLowerInvariant());
        JsonOutput.NumberOrNull(json, "active_mass_g", table.ActiveMassGrams);
        JsonOutput.NumberOrNull(json, "area_cm2", table.AreaSquareCentimetres);
        JsonOutput.NumberOrNull(json, "nominal_capacity_Ah", table.NominalCapacityAmpereHours);
        JsonOutput.StringArray(json, "warnings", table.Warnings);
        json.WriteStartArray("cycles");
        foreach (CycleSummary c in table.Cycles)
        {
            json.WriteStartObject();
            json.WriteNumber("cycle", c.Cycle);
            JsonOutput.Number(json, "start_time_s", c.StartTime);
            JsonOutput.Number(json, "end_time_s", c.EndTime);
            JsonOutput.Number(json, "charge_capacity_Ah", c.ChargeCapacity);
            JsonOutput.Number(json, "discharge_capacity_Ah", c.DischargeCapacity);
            JsonOutput.Number(json, "charge_energy_Wh", c.ChargeEnergy);
            JsonOutput.Number(json, "discharge_energy_Wh", c.DischargeEnergy);
            JsonOutput.NumberOrNull(json, "coulombic_efficiency_percent", c.CoulombicEfficiencyPercent);
            JsonOutput.NumberOrNull(json, "energy_efficiency_percent", c.EnergyEfficiencyPercent);
            JsonOutput.NumberOrNull(json, "mean_charge_voltage_V", c.MeanChargeVoltage);
            JsonOutput.NumberOrNull(json, "mean_discharge_voltage_V", c.MeanDischargeVoltage);
            JsonOutput.NumberOrNull(json, "end_charge_voltage_V", c.EndChargeVoltage);
            JsonOutput.NumberOrNull(json, "end_discharge_voltage_V", c.EndDischargeVoltage);
            JsonOutput.NumberOrNull(json, "specific_charge_capacity_mAh_per_g", c.SpecificChargeCapacity);
            JsonOutput.NumberOrNull(json, "specific_discharge_capacity_mAh_per_g", c.SpecificDischargeCapacity);
            JsonOutput.NumberOrNull(json, "charge_c_rate_per_h", c.ChargeCRate);
            JsonOutput.NumberOrNull(json, "discharge_c_rate_per_h", c.DischargeCRate);
            JsonOutput.NumberOrNull(json, "charge_resistance_ohm", c.ChargeResistance);
            JsonOutput.NumberOrNull(json, "discharge_resistance_ohm", c.DischargeResistance);
            json.WriteStartArray("anomalies");
            foreach (CycleAnomalies flag in Enum.GetValues<CycleAnomalies>())
            {
                if (flag != CycleAnomalies.None && c.Anomalies.HasFlag(flag))
                {
                    json.WriteStringValue(flag.ToString());
                }
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    });

    private static string Convention(EfficiencyConvention convention) => convention == EfficiencyConvention.ChargeFirst
        ? "charge-first (CE = Q_dis / Q_ch)"
        : "discharge-first (CE = Q_ch / Q_dis)";

    private static string Source(CapacitySource source) => source == CapacitySource.Instrument ? "the instrument's accumulators" : "current integrated over time";

    private static string Optional(double? value, string unit) => value is { } v ? $"{Numbers.Significant(v, 6)} {unit}" : "not given";

    private static string Value(double? value, int digits) => value is { } v ? Numbers.Significant(v, digits) : "—";

    private static string Notes(CycleAnomalies anomalies) => anomalies == CycleAnomalies.None ? string.Empty : string.Join(", ", Enum.GetValues<CycleAnomalies>().Where(f => f != CycleAnomalies.None && anomalies.HasFlag(f)).Select(f => f switch
    {
        CycleAnomalies.NoCharge => "no charge",
        CycleAnomalies.NoDischarge => "no discharge",
        CycleAnomalies.OppositeOrder => "opposite order",
        CycleAnomalies.Incomplete => "incomplete",
        _ => f.ToString(),
    }));
}
