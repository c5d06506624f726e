using System.CommandLine;
using Electrochem.Cli.Data;
using Electrochem.Cycling;
using Electrochem.IO.Cycling;

namespace Electrochem.Cli.Cycling;

/// <summary>The options every <c>cycling</c> subcommand shares: the file, the convention, mass, area, nominal capacity, numbering, capacity source and the reader's options.</summary>
internal sealed class CycleTableArguments
{
    private readonly Option<string> _convention = new("--convention") { Description = "charge-first (full cells, cathode half-cells: CE = Q_dis/Q_ch) or discharge-first (anode half-cells: CE = Q_ch/Q_dis). Required: there is no safe default.", Required = true };
    private readonly Option<double?> _mass = new("--mass") { Description = "Active mass in g, for mAh/g (default: the mass the file states, else none; never assumed)." };
    private readonly Option<double?> _area = new("--area") { Description = "Electrode area in cm², for mAh/cm²." };
    private readonly Option<double?> _nominal = new("--nominal-capacity") { Description = "Nominal capacity in A·h, for C-rates and equivalent full cycles (default: the capacity the file states, else none)." };
    private readonly Option<string> _numbering = new("--numbering") { Description = "auto (the instrument's counter when it counts cycles, else derived), counter, or derived (from the charge/discharge alternation).", DefaultValueFactory = _ => "auto" };
    private readonly Option<string> _source = new("--capacity-source") { Description = "auto (the instrument's accumulators when the file has them), instrument, or integrated (current integrated over time).", DefaultValueFactory = _ => "auto" };
    private readonly DataReadOptions _read = new();

    internal Argument<string> File { get; } = new("FILE") { Description = "A cycler file (any format `data show` reads)." };

    internal void AddTo(Command command)
    {
        command.Arguments.Add(File);
        command.Options.Add(_convention);
        command.Options.Add(_mass);
        command.Options.Add(_area);
        command.Options.Add(_nominal);
        command.Options.Add(_numbering);
        command.Options.Add(_source);
        _read.AddTo(command);
    }

    /// <summary>Reads the file and builds its cycle table.</summary>
    internal (CyclerRecording Recording, CycleTable Table) Read(ParseResult parse, CancellationToken cancellationToken)
    {
        var options = new CycleTableOptions(Choice(parse.GetValue(_convention)!, "--convention", ("charge-first", EfficiencyConvention.ChargeFirst), ("discharge-first", EfficiencyConvention.DischargeFirst)))
        {
            ActiveMassGrams = parse.GetValue(_mass),
            AreaSquareCentimetres = parse.GetValue(_area),
            NominalCapacityAmpereHours = parse.GetValue(_nominal),
            Numbering = Choice<CycleNumbering?>(parse.GetValue(_numbering)!, "--numbering", ("auto", null), ("counter", CycleNumbering.InstrumentCounter), ("derived", CycleNumbering.Derived)),
            CapacitySource = Choice<CapacitySource?>(parse.GetValue(_source)!, "--capacity-source", ("auto", null), ("instrument", CapacitySource.Instrument), ("integrated", CapacitySource.Integrated)),
        };
        CyclerRecording recording = CyclerFile.Read(parse.GetValue(File)!, _read.Build(parse), cancellationToken);
        return (recording, CycleTable.From(recording, options, cancellationToken));
    }

    /// <summary>The value named by <paramref name="text"/> (any case), or an argument error listing the choices.</summary>
    internal static T Choice<T>(string text, string option, params (string Name, T Value)[] choices)
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
