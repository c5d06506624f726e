using Electrochem.Cli.Demo;
using Electrochem.Cli.Demo.Sections;

namespace Electrochem.Cli.Tests.Demo;

public sealed class VoltammetryDemoTests
{
    [Fact]
    public void The_stability_and_Li_Li_rows_recover_what_the_generator_put_in()
    {
        DemoData data = DemoData.LoadBundled();
        var lsv = new StabilityWindowSection().Run(data);
        Assert.StartsWith("4.55", lsv[0].Electrochem, StringComparison.Ordinal);
        Assert.StartsWith("5.2", lsv[1].Electrochem, StringComparison.Ordinal); // 5.249 V: 0.3 µA/cm² of noise on a 10 µA/cm² threshold

        var cells = new SymmetricCellSection().Run(data);
        Assert.StartsWith("0.051 V; short at 503 h", cells[0].Electrochem, StringComparison.Ordinal);
        Assert.StartsWith("0.020 V; no short in 1950 h", cells[1].Electrochem, StringComparison.Ordinal);
        Assert.Equal("0.3 mA/cm²", cells[2].Electrochem);
        Assert.Equal("1.7 mA/cm²", cells[3].Electrochem);
    }
}
