using System.CommandLine;
using Electrochem.Cli.Cycling;
using Electrochem.Cli.Data;
using Electrochem.Cycling;
using Electrochem.IO.Cycling;

namespace Electrochem.Cli.Commands;

/// <summary>
/// <c>electrochem cycling summary FILE --convention charge-first|discharge-first [--mass g] [--area cm²]
/// [--nominal-capacity Ah] [--json | --csv OUT | --parquet OUT]</c>: the per-cycle table of a cycler file.
/// </summary>
internal static class CyclingCommand
{
    internal static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var command = new Command("cycling", "Cycling analysis of cycler files: per-cycle capacities, energies, efficiencies and running accounts.");
        command.Subcommands.Add(Summary(stdout, stderr));
        return command;
    }

    private static Command Summary(TextWriter stdout, TextWriter stderr)
    {
        var file = new Argument<string>("FILE") { Description = "A cycler file (any format `data show` reads)." };
        var convention = new Option<string>("--convention") { Description = "charge-first (full cells, cathode half-cells: CE = Q_dis/Q_ch) or discharge-first (anode half-cells: CE = Q_ch/Q_dis). Required: there is no safe default.", Required = true };
        var mass = new Option<double?>("--mass") { Description = "Active mass in g, for mAh/g (default: the mass the file states, else none; never assumed)." };
        var area = new Option<double?>("--area") { Description = "Electrode area in cm², for mAh/cm²." };
        var nominal = new Option<double?>("--nominal-capacity") { Description = "Nominal capacity in A·h, for C-rates and equivalent full cycles (default: the capacity the file states, else none)." };
        var numbering = new Option<string>("--numbering") { Description = "auto (the instrument's counter when it counts cycles, else derived), counter, or derived (from the charge/discharge alternation).", DefaultValueFactory = _ => "auto" };
        var source = new Option<string>("--capacity-source") { Description = "auto (the instrument's accumulators when the file has them), instrument, or integrated (current integrated over time).", DefaultValueFactory = _ => "auto" };
        var json = new Option<bool>("--json") { Description = "Write one JSON document instead of text." };
        var csv = new Option<string?>("--csv") { Description = "Also write the full table (every column, with units) to this CSV file." };
        var parquet = new Option<string?>("--parquet") { Description = "Also write the full table to this Parquet file (units and conventions in its metadata)." };
        var read = new DataReadOptions();
        var summary = new Command("summary", "The per-cycle table: charge and discharge capacity and energy, coulombic and energy efficiency under the stated convention, mean and end voltages, specific capacities and C-rates when mass and capacity are known, and the cycles' anomalies (partial, reversed, incomplete).")
        {
            Arguments = { file },
            Options = { convention, mass, area, nominal, numbering, source, json, csv, parquet },
        };
        read.AddTo(summary);
        summary.SetAction((parse, cancellationToken) =>
        {
            string path = parse.GetValue(file)!;
            return Task.FromResult(CommandExecution.Run(stdout, stderr, path, output =>
            {
                var options = new CycleTableOptions(Choice(parse.GetValue(convention)!, "--convention", ("charge-first", EfficiencyConvention.ChargeFirst), ("discharge-first", EfficiencyConvention.DischargeFirst)))
                {
                    ActiveMassGrams = parse.GetValue(mass),
                    AreaSquareCentimetres = parse.GetValue(area),
                    NominalCapacityAmpereHours = parse.GetValue(nominal),
                    Numbering = Choice<CycleNumbering?>(parse.GetValue(numbering)!, "--numbering", ("auto", null), ("counter", CycleNumbering.InstrumentCounter), ("derived", CycleNumbering.Derived)),
                    CapacitySource = Choice<CapacitySource?>(parse.GetValue(source)!, "--capacity-source", ("auto", null), ("instrument", CapacitySource.Instrument), ("integrated", CapacitySource.Integrated)),
                };
                CyclerRecording recording = CyclerFile.Read(path, read.Build(parse), cancellationToken);
                CycleTable table = CycleTable.From(recording, options, cancellationToken);
                if (parse.GetValue(csv) is { } csvPath)
                {
                    using var writer = new StreamWriter(csvPath, false, new System.Text.UTF8Encoding(false));
                    CycleTableExport.WriteCsv(table, writer);
                }

                if (parse.GetValue(parquet) is { } parquetPath)
                {
                    CycleTableExport.WriteParquet(table, parquetPath, cancellationToken);
                }

                output.Append(parse.GetValue(json) ? CycleSummaryReport.Json(table, recording.Format) : CycleSummaryReport.Text(table, recording.Format));
            }));
        });
        return summary;
    }

    /// <summary>The value named by <paramref name="text"/> (any case), or an argument error listing the choices.</summary>
    private static T Choice<T>(string text, string option, params (string Name, T Value)[] choices)
    {
        foreach ((string name, T value) in choices)
        {
            if (string.Equals(text.Trim(), name, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        throw new ArgumentException($"{option} is '{text}'; expected one of {string.Join(", ", choices.Select(c => c.Name))}.");
    }
}
