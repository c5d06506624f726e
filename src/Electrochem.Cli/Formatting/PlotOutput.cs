using System.CommandLine;
using Electrochem.Plotting;

namespace Electrochem.Cli.Formatting;

/// <summary>
/// The <c>--plot FILE.png|FILE.svg</c> option every analysis command takes: one figure, or with several spectra one per
/// spectrum, numbered before the extension (<c>nyquist-1.png</c>, <c>nyquist-2.png</c>, … in the table's order);
/// <see cref="Single"/> for the commands that draw one figure per run.
/// </summary>
internal static class PlotOutput
{
    /// <summary>The option, describing what the figure shows.</summary>
    internal static Option<string?> Create(string figure) => new("--plot")
    {
        Description = $"Also draw {figure} into this file; the extension chooses PNG or SVG. With several spectra, one file each, numbered before the extension.",
    };

    /// <summary>The option of a command that draws one figure per run, describing what it shows.</summary>
    internal static Option<string?> Single(string figure) => new("--plot")
    {
        Description = $"Also draw {figure} into this file; the extension chooses PNG or SVG.",
    };

    /// <summary>Refuses a path whose extension is neither .png nor .svg, before any work is done.</summary>
    internal static void Validate(string? path)
    {
        if (path is not null && !(Path.GetExtension(path).Equals(".png", StringComparison.OrdinalIgnoreCase) || Path.GetExtension(path).Equals(".svg", StringComparison.OrdinalIgnoreCase)))
        {
            throw new ArgumentException($"--plot is '{path}'; expected a file name ending in .png or .svg");
        }
    }

    /// <summary>Draws and saves one figure when a path was given.</summary>
    internal static void Write(string? path, Func<Figure> figure)
    {
        if (path is not null)
        {
            figure().Save(path);
        }
    }

    /// <summary>Draws and saves figure i (skipped where it is null, the numbers kept) for i below <paramref name="count"/> when a path was given.</summary>
    internal static void WriteEach(string? path, int count, Func<int, Figure?> figure)
    {
        if (path is null)
        {
            return;
        }

        string stem = Path.Combine(Path.GetDirectoryName(path) ?? string.Empty, Path.GetFileNameWithoutExtension(path));
        string extension = Path.GetExtension(path);
        for (int i = 0; i < count; i++)
        {
            figure(i)?.Save(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{stem}-{i + 1}{extension}"));
        }
    }
}
