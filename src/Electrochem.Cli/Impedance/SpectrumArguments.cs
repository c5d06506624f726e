using System.CommandLine;
using System.Globalization;
using Electrochem.Cli.Commands;
using Electrochem.Impedance;
using Electrochem.IO.Impedance;
using Electrochem.IO.Tables;

namespace Electrochem.Cli.Impedance;

/// <summary>
/// What every <c>eis</c> command reads: files and directories (<c>FILE|DIR...</c>), the format (<c>--format</c>), which
/// sweeps of a multi-sweep file (<c>--spectrum N|all</c>) and the frequency range (<c>--fmin</c>, <c>--fmax</c>,
/// inclusive, as impedance.py's cropFrequencies). Files are read in parallel; one that cannot be read is listed with its
/// reason and the others still run.
/// </summary>
internal sealed class SpectrumArguments
{
    private readonly Argument<string[]> _files = new("FILE")
    {
        Description = "Impedance files or directories (every file under a directory is read): Gamry .DTA, BioLogic EC-Lab .mpt and .mpr, ZPlot .z, ZPlot for Windows text, VersaStudio .par, CH Instruments, Parstat, PowerSuite, Maccor, or a delimited table of f, Z′, Z″. The format is detected from the content.",
        Arity = ArgumentArity.OneOrMore,
    };

    private readonly Option<string> _format = new("--format")
    {
        Description = "The files' format when detection is not enough: auto (default), gamry, biologic, biologic-mpr, zplot, zplot-windows, versastudio, chi, parstat, powersuite, headerless, table or maccor. A named format gives that reader's precise error.",
        DefaultValueFactory = _ => "auto",
    };

    private readonly Option<string?> _spectrum = new("--spectrum")
    {
        Description = "Which sweep of a file holding several (BioLogic loops, Modulo Bat sequences, repeated sweeps): a number from 1, or all. Default: every sweep, one table row each; a file with one sweep gets the full report.",
    };

    private readonly ColumnOptions _columns = new ColumnOptions()
        .With("frequency", "frequency (or angular frequency ω, with --frequency-unit rad/s)", "Hz, kHz, MHz, mHz or rad/s")
        .With("real", "real part Z′", "Ohm, mOhm, kOhm or MOhm")
        .With("imaginary", "imaginary part Z″ (or −Z″, with --imaginary-negated)", "Ohm, mOhm, kOhm or MOhm");

    private readonly Option<bool> _negated = new("--imaginary-negated") { Description = "The --imaginary-column column holds −Z″ (as EC-Lab's -Im(Z) does): negate it on reading." };

    private readonly Option<double?> _minimum = new("--fmin") { Description = "Lowest frequency kept, Hz (inclusive)." };
    private readonly Option<double?> _maximum = new("--fmax") { Description = "Highest frequency kept, Hz (inclusive)." };

    /// <summary>Adds the argument and options to a command.</summary>
    /// <param name="command">The command.</param>
    /// <param name="selection">Whether to add <c>--spectrum</c>, <c>--fmin</c> and <c>--fmax</c> (the analyses, not <c>show</c>).</param>
    internal void AddTo(Command command, bool selection)
    {
        command.Arguments.Add(_files);
        command.Options.Add(_format);
        _columns.AddTo(command);
        command.Options.Add(_negated);
        if (selection)
        {
            command.Options.Add(_spectrum);
            command.Options.Add(_minimum);
            command.Options.Add(_maximum);
        }
    }

    /// <summary>The spectra a command line asks for, and the files or sweeps that could not be used.</summary>
    /// <param name="Spectra">The spectra, in file order and sweep order.</param>
    /// <param name="Problems">One message per file that could not be read, or sweep that could not be selected.</param>
    /// <param name="OneFile">True when one file (not a directory) was named.</param>
    /// <param name="Single">True when one file was named and one spectrum is analysed without <c>--spectrum all</c>: the command gives its full report.</param>
    internal sealed record Selection(IReadOnlyList<SelectedSpectrum> Spectra, IReadOnlyList<string> Problems, bool OneFile, bool Single);

    /// <summary>Whether <c>--format</c> named a format (rather than auto-detection).</summary>
    internal bool FormatGiven(ParseResult parse) => Format(parse) is not null;

    /// <summary>Checks the options before any file is read.</summary>
    /// <exception cref="ArgumentException">--spectrum, --fmin or --fmax is not valid.</exception>
    internal void Validate(ParseResult parse)
    {
        _ = SpectrumNumber(parse);
        _ = Range(parse);
        _ = Format(parse);
        _ = Columns(parse);
    }

    /// <summary>Reads the files and selects their spectra.</summary>
    /// <exception cref="Electrochem.IO.DataFileException">The only file named cannot be read (several files: listed in <see cref="Selection.Problems"/> instead).</exception>
    internal Selection Read(ParseResult parse, TextWriter stderr, CancellationToken cancellationToken)
    {
        string[] sources = parse.GetValue(_files)!;
        int? number = SpectrumNumber(parse);
        bool all = string.Equals(parse.GetValue(_spectrum)?.Trim(), "all", StringComparison.OrdinalIgnoreCase);
        (double low, double high) = Range(parse);
        ImpedanceFileFormat? format = Format(parse);
        ImpedanceColumnChoices? columns = Columns(parse);
        string[] files = InputFiles.Expand(sources);
        bool oneFile = sources.Length == 1 && files.Length == 1 && !Directory.Exists(sources[0]);
        var read = new (ImpedanceData? Data, string? Problem)[files.Length];
        if (oneFile)
        {
            // One file: its error is the command's error, as for every other command.
            read[0] = (ReadOne(files[0], format, columns), null);
        }
        else
        {
            ProgressDisplay.Run(stderr, files.Length, $"Reading {files.Length} files", step =>
                Parallel.For(0, files.Length, new ParallelOptions { CancellationToken = cancellationToken }, i =>
                {
                    try
                    {
                        read[i] = (ReadOne(files[i], format, columns), null);
                    }
                    catch (Exception e) when (CommandExecution.Problem(e, files[i]) is { } problem)
                    {
                        read[i] = (null, problem);
                    }

                    step?.Invoke();
                }));
        }

        var spectra = new List<SelectedSpectrum>();
        var problems = new List<string>();
        foreach ((ImpedanceData? data, string? problem) in read)
        {
            if (data is null)
            {
                problems.Add(problem!);
                continue;
            }

            if (number is { } n && n > data.Sweeps.Length)
            {
                string message = string.Create(CultureInfo.InvariantCulture, $"{data.SourceName}: --spectrum {n} asks for sweep {n}, but the file holds {data.Sweeps.Length} sweep{(data.Sweeps.Length == 1 ? string.Empty : "s")}");
                if (oneFile)
                {
                    throw new ArgumentException(message);
                }

                problems.Add(message);
                continue;
            }

            foreach (ImpedanceSweep sweep in number is { } k ? [data.Sweeps[k - 1]] : data.Sweeps)
            {
                try
                {
                    ImpedanceSpectrum spectrum = low > 0 || double.IsFinite(high) ? sweep.Spectrum.TrimFrequency(low, high) : sweep.Spectrum;
                    spectra.Add(new SelectedSpectrum(data, sweep, spectrum));
                }
                catch (ArgumentException e) when (!oneFile || data.Sweeps.Length > 1)
                {
                    problems.Add(string.Create(CultureInfo.InvariantCulture, $"{data.SourceName}{(data.Sweeps.Length > 1 ? $" #{sweep.Index}" : string.Empty)}: --fmin/--fmax: {e.Message}"));
                }
            }
        }

        return new Selection(spectra, problems, oneFile, oneFile && !all && spectra.Count == 1 && problems.Count == 0);
    }

    private static ImpedanceData ReadOne(string path, ImpedanceFileFormat? format, ImpedanceColumnChoices? columns) =>
        format is { } f ? ImpedanceFile.Read(path, f, columns: columns) : ImpedanceFile.Read(path, columns: columns);

    private ImpedanceColumnChoices? Columns(ParseResult parse)
    {
        ColumnChoice? frequency = _columns.Choice(parse, "frequency");
        ColumnChoice? real = _columns.Choice(parse, "real");
        ColumnChoice? imaginary = _columns.Choice(parse, "imaginary");
        bool negated = parse.GetValue(_negated);
        if (negated && imaginary is null)
        {
            throw new ArgumentException("--imaginary-negated needs --imaginary-column to say which column holds −Z″ (a header written with a leading minus, such as -Im(Z), is negated without it)");
        }

        return frequency is null && real is null && imaginary is null
            ? null
            : new ImpedanceColumnChoices { Frequency = frequency, Real = real, Imaginary = imaginary, ImaginaryIsNegated = negated };
    }

    private int? SpectrumNumber(ParseResult parse)
    {
        string? text = parse.GetValue(_spectrum)?.Trim();
        if (text is null || string.Equals(text, "all", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n >= 1
            ? n
            : throw new ArgumentException($"--spectrum is '{text}'; expected a sweep number from 1, or all");
    }

    private (double Low, double High) Range(ParseResult parse)
    {
        double low = parse.GetValue(_minimum) ?? 0;
        double high = parse.GetValue(_maximum) ?? double.PositiveInfinity;
        if (!(low >= 0) || double.IsInfinity(low))
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"--fmin is {low}; expected a frequency of 0 Hz or more"));
        }

        if (!(high > 0))
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"--fmax is {high}; expected a positive frequency in Hz"));
        }

        return low <= high
            ? (low, high)
            : throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"--fmin ({low} Hz) is above --fmax ({high} Hz); expected fmin ≤ fmax"));
    }

    private ImpedanceFileFormat? Format(ParseResult parse)
    {
        string name = parse.GetValue(_format)!.Trim().ToLowerInvariant();
        return name == "auto"
            ? null
            : Cycling.CycleTableArguments.Choice(name, "--format",
                ("gamry", ImpedanceFileFormat.Gamry), ("biologic", ImpedanceFileFormat.BioLogic), ("biologic-mpr", ImpedanceFileFormat.BioLogicBinary), ("zplot", ImpedanceFileFormat.ZPlot),
                ("zplot-windows", ImpedanceFileFormat.ZPlotWindows), ("versastudio", ImpedanceFileFormat.VersaStudio), ("chi", ImpedanceFileFormat.CHInstruments),
                ("parstat", ImpedanceFileFormat.Parstat), ("powersuite", ImpedanceFileFormat.PowerSuite), ("headerless", ImpedanceFileFormat.HeaderlessCsv),
                ("table", ImpedanceFileFormat.DelimitedTable), ("maccor", ImpedanceFileFormat.MaccorEis));
    }
}
