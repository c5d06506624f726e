using Electrochem.Cli.Demo;

namespace Electrochem.Cli.Tests.Demo;

public sealed class DemoCommandTests
{
    private static readonly Lazy<CliRun> Demo = new(() => CliRun.Of("demo"));

    /// <summary>The output with wrapped lines joined: every line break and the indentation after it become one space.</summary>
    private static readonly Lazy<string> Flat = new(() => System.Text.RegularExpressions.Regex.Replace(Demo.Value.Stdout, @"[ ]*\n[ ]*", " "));

    [Fact]
    public void Runs_cleanly()
    {
        Assert.Equal(0, Demo.Value.ExitCode);
        Assert.Equal(string.Empty, Demo.Value.Stderr);
    }

    [Fact]
    public void Says_the_data_are_synthetic() => Assert.Contains("synthetic", Demo.Value.Stdout, StringComparison.OrdinalIgnoreCase);

    [Theory]
    [InlineData("3.6e-4 S/cm")]
    [InlineData("5.3e-4 S/cm")]
    [InlineData("4.7e-4 S/cm")]
    [InlineData("4.47e-4 S/cm")]
    [InlineData("0.24 eV")]
    [InlineData("0.09 eV")]
    [InlineData("σ rises only ~1.5×")]
    [InlineData("Base-PTA")]
    [InlineData("ISPN-PTA, 0.5 wt%")]
    [InlineData("ISPN-PTA, 2.0 wt%")]
    [InlineData("0.074 mA/cm²")]
    [InlineData("0.25 mA/cm²")]
    [InlineData("t₊ (Bruce–Vincent)")]
    [InlineData("geometry assumed: symmetric cell")]
    [InlineData("the factor-2 trap")]
    [InlineData("28.8 Ω")]
    [InlineData("231.91 Ω")]
    [InlineData("410.92 Ω")]
    [InlineData("R_interface = R_SEI + R_ct")]
    [InlineData("Lin-KK check (before fitting)")]
    [InlineData("σ(28 °C) from the fitted R_b")]
    public void Prints_each_paper_value(string text) => Assert.Contains(text, Flat.Value, StringComparison.Ordinal);

    [Fact]
    public void Prints_every_section_with_its_rows()
    {
        foreach (IDemoSection section in DemoSections.All)
        {
            Assert.Contains(section.Title, Flat.Value, StringComparison.Ordinal);
            Assert.NotEmpty(section.Run(DemoData.LoadBundled()));
        }

        Assert.Equal(DemoSections.All.Length, DemoSections.All.Select(s => s.Title).Distinct().Count());
    }

    [Fact]
    public void Shows_the_Arrhenius_VTF_comparison()
    {
        Assert.Contains("Preferred model", Demo.Value.Stdout, StringComparison.Ordinal);
        Assert.Contains("ΔAICc", Demo.Value.Stdout, StringComparison.Ordinal);
        Assert.Contains("VTF pseudo-Ea", Demo.Value.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Prints_the_transference_numbers_beside_the_paper_values_0_41_and_0_68()
    {
        string[] rows = Demo.Value.Stdout.Split('\n');
        Assert.Contains(rows, r => r.StartsWith("t₊ (Bruce–Vincent)  Base-PTA", StringComparison.Ordinal) && r.EndsWith("  0.41", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.StartsWith("t₊ (Bruce–Vincent)  ISPN-PTA", StringComparison.Ordinal) && r.EndsWith("  0.68", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.StartsWith("i₀ (Tafel, both branches)   Base-PTA", StringComparison.Ordinal) && r.Contains("0.074 mA/cm²", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.StartsWith("i₀ (sinh fit, whole curve)  ISPN-PTA", StringComparison.Ordinal) && r.Contains("0.25 mA/cm²", StringComparison.Ordinal));
    }

    [Fact]
    public void Is_deterministic() => Assert.Equal(Demo.Value.Stdout, CliRun.Of("demo").Stdout);

    [Fact]
    public void Fits_a_120_column_terminal_explains_u_once_and_prints_no_value_for_a_parameter_at_its_bound()
    {
        string[] lines = Demo.Value.Stdout.Split('\n');
        Assert.All(lines, line => Assert.True(line.Length <= 120, $"{line.Length} characters: {line}"));
        Assert.Single(lines, l => l.Contains("x ± u is a value with its standard uncertainty u", StringComparison.Ordinal));
        Assert.DoesNotContain("± n/a K", Demo.Value.Stdout, StringComparison.Ordinal);
        Assert.Contains("T₀ at its lower bound 0 K", Demo.Value.Stdout, StringComparison.Ordinal);
    }
}
