using System.CommandLine;
using Electrochem.Cli.Commands;
using Electrochem.Cycling;
using Electrochem.IO.Cycling;

namespace Electrochem.Cli.Data;

/// <summary>
/// The options every <c>electrochem data</c> command shares to say how a cycler file is read when detection is not
/// enough: the format, a JSON column map, single columns by name (with their unit), the current's sign, sorting by time.
/// </summary>
internal sealed class DataReadOptions
{
    private static readonly (RecordingQuantity Quantity, bool HasUnit)[] Named =
    [
        (RecordingQuantity.TestTime, true),
        (RecordingQuantity.Current, true),
        (RecordingQuantity.Voltage, true),
        (RecordingQuantity.CycleIndex, false),
        (RecordingQuantity.StepIndex, false),
        (RecordingQuantity.ChargeCapacity, true),
        (RecordingQuantity.DischargeCapacity, true),
    ];

    private readonly Option<string> _format;
    private readonly Option<string?> _map;
    private readonly List<(RecordingQuantity Quantity, Option<string?> Column, Option<string?>? Unit)> _columns = [];
    private readonly Option<bool> _dischargePositive;
    private readonly Option<bool> _sort;

    internal DataReadOptions()
    {
        _format = new Option<string>("--format")
        {
            Description = "The file format: auto (detect from the content), delimited, arbin, arbin-res, biologic (EC-Lab text), biologic-mpr (EC-Lab binary), hdf5 (pandas frames: cellpy, Indigo), maccor, neware (BTS CSV), neware-ndax (BTS .ndax), pec, novonix, bdf.",
            DefaultValueFactory = _ => "auto",
        };
        _format.AcceptOnlyFromAmongIgnoringCase("auto", "delimited", "arbin", "arbin-res", "biologic", "biologic-mpr", "hdf5", "maccor", "neware", "neware-ndax", "pec", "novonix", "bdf");
        _map = new Option<string?>("--map") { Description = "A JSON column map: {\"columns\": {\"test_time\": \"Time (h)\", \"current\": {\"column\": \"I\", \"unit\": \"mA\"}, …}, \"current_sign\": \"charge_positive\"}." };
        foreach ((RecordingQuantity quantity, bool hasUnit) in Named)
        {
            string name = RecordingQuantities.CanonicalName(quantity).Replace('_', '-');
            var column = new Option<string?>($"--{name}-column") { Description = $"The column that holds the {name.Replace('-', ' ')} (its header text, or its name without the unit)." };
            Option<string?>? unit = hasUnit ? new Option<string?>($"--{name}-unit") { Description = $"The unit the {name.Replace('-', ' ')} column is written in, when its header does not say (e.g. {(quantity == RecordingQuantity.TestTime ? "h" : quantity == RecordingQuantity.Current ? "mA" : quantity == RecordingQuantity.Voltage ? "mV" : "mAh")})." } : null;
            _columns.Add((quantity, column, unit));
        }

        _dischargePositive = new Option<bool>("--discharge-positive") { Description = "The file's positive current discharges the cell: negate it (recordings are charge-positive)." };
        _sort = new Option<bool>("--sort-by-time") { Description = "Sort rows whose test time goes backwards (with a warning) instead of refusing the file." };
    }

    /// <summary>Adds the options to a command.</summary>
    internal void AddTo(Command command)
    {
        command.Options.Add(_format);
        command.Options.Add(_map);
        foreach ((_, Option<string?> column, Option<string?>? unit) in _columns)
        {
            command.Options.Add(column);
            if (unit is not null)
            {
                command.Options.Add(unit);
            }
        }

        command.Options.Add(_dischargePositive);
        command.Options.Add(_sort);
    }

    /// <summary>The reader options the parsed command line asks for.</summary>
    /// <exception cref="ArgumentException">The column map file is malformed, or a unit is given without its column.</exception>
    internal CyclerReadOptions Build(ParseResult parse)
    {
        CyclerColumnMap map = CyclerColumnMap.Empty;
        if (parse.GetValue(_map) is { } mapPath)
        {
            try
            {
                map = CyclerColumnMap.FromJson(File.ReadAllText(mapPath));
            }
            catch (FormatException e)
            {
                throw new ArgumentException($"{mapPath}: {e.Message}", e);
            }
        }

        foreach ((RecordingQuantity quantity, Option<string?> column, Option<string?>? unit) in _columns)
        {
            string? name = parse.GetValue(column);
            string? unitText = unit is null ? null : parse.GetValue(unit);
            if (name is not null)
            {
                map = map.With(quantity, name, unitText);
            }
            else if (unitText is not null)
            {
                string option = RecordingQuantities.CanonicalName(quantity).Replace('_', '-');
                throw new ArgumentException($"--{option}-unit needs --{option}-column to say which column it applies to.");
            }
        }

        if (parse.GetValue(_dischargePositive))
        {
            map = map with { CurrentSign = CurrentSign.DischargePositive };
        }

        return CyclerReadOptions.Default with
        {
            Format = parse.GetValue(_format) switch
            {
                "delimited" => CyclerFileFormat.Delimited,
                "arbin" => CyclerFileFormat.ArbinCsv,
                "arbin-res" => CyclerFileFormat.ArbinRes,
                "biologic" => CyclerFileFormat.BioLogicText,
                "biologic-mpr" => CyclerFileFormat.BioLogicBinary,
                "hdf5" => CyclerFileFormat.Hdf5,
                "maccor" => CyclerFileFormat.MaccorText,
                "neware" => CyclerFileFormat.NewareCsv,
                "neware-ndax" => CyclerFileFormat.NewareNdax,
                "pec" => CyclerFileFormat.PecCsv,
                "novonix" => CyclerFileFormat.NovonixCsv,
                "bdf" => CyclerFileFormat.BatteryDataFormatCsv,
                _ => CyclerFileFormat.Auto,
            },
            ColumnMap = map.Columns.IsEmpty && map.CurrentSign == CurrentSign.ChargePositive ? null : map,
            TimeOrder = parse.GetValue(_sort) ? RecordingTimeOrder.Sort : RecordingTimeOrder.Reject,
        };
    }
}
