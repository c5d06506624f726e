using System.Globalization;
using System.Numerics;
using System.Text;

namespace Electrochem.Cli.Tests.Commands;

/// <summary><c>--plot FILE.png|FILE.svg</c> on the impedance commands: one figure, or one per spectrum numbered before the extension.</summary>
public sealed class PlotOptionTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public void Eis_fit_draws_the_nyquist_plot_as_png()
    {
        string png = Path.Combine(_folder.Path, "nyquist.png");
        CliRun run = CliRun.Of("eis", "fit", Zarc("a.csv"), "--circuit", "R0-p(R1,CPE1)", "--plot", png);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(0x89, File.ReadAllBytes(png)[0]);
    }

    [Fact]
    public void Eis_kk_draws_the_residuals_as_svg_with_their_axis()
    {
        string svg = Path.Combine(_folder.Path, "kk.svg");
        CliRun run = CliRun.Of("eis", "kk", Zarc("a.csv"), "--plot", svg);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("residual (% of |Z|)", File.ReadAllText(svg), StringComparison.Ordinal);
    }

    [Fact]
    public void Eis_drt_on_several_spectra_draws_one_figure_each()
    {
        string svg = Path.Combine(_folder.Path, "drt.svg");
        CliRun run = CliRun.Of("eis", "drt", Zarc("a.csv"), Zarc("b.csv"), "--lambda", "1e-3", "--plot", svg);
        Assert.Equal(0, run.ExitCode);
        Assert.True(File.Exists(Path.Combine(_folder.Path, "drt-1.svg")));
        Assert.True(File.Exists(Path.Combine(_folder.Path, "drt-2.svg")));
        Assert.False(File.Exists(svg));
    }

    [Fact]
    public void An_unknown_figure_format_is_refused_before_any_work()
    {
        CliRun run = CliRun.Of("eis", "drt", Zarc("a.csv"), "--plot", Path.Combine(_folder.Path, "drt.pdf"));
        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("expected a file name ending in .png or .svg", run.Stderr, StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Dispose();

    private string Zarc(string name)
    {
        var text = new StringBuilder("f (Hz),Z' (Ohm),Z'' (Ohm)\n");
        for (int i = 0; i < 61; i++)
        {
            double f = Math.Pow(10, 5 - (i / 10.0));
            Complex z = 10 + (50 / (1 + Complex.Pow(new Complex(0, 2 * Math.PI * f * 0.01), 0.85)));
            text.Append(CultureInfo.InvariantCulture, $"{f:R},{z.Real:R},{z.Imaginary:R}\n");
        }

        return _folder.Write(name, text.ToString());
    }
}
