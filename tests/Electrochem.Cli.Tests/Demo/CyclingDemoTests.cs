using Electrochem.Cli.Demo;
using Electrochem.Cli.Demo.Sections;

namespace Electrochem.Cli.Tests.Demo;

public sealed class CyclingDemoTests
{
    [Fact]
    public void The_cycling_rows_recover_what_the_generator_put_in_and_name_their_references()
    {
        DemoData data = DemoData.LoadBundled();
        var rows = new CyclingRetentionSection().Run(data);
        DemoRow lfp2C = rows.Single(r => r.Quantity == "retention, LFP‖Li 2 C");
        Assert.StartsWith("87.", lfp2C.Electrochem, StringComparison.Ordinal); // 87.51 % put in, ±0.2 % scatter per cycle
        Assert.Contains("vs the first cycle", lfp2C.Electrochem, StringComparison.Ordinal);
        Assert.StartsWith("99.9", rows.Single(r => r.Quantity == "mean CE, LFP‖Li 2 C").Electrochem, StringComparison.Ordinal);
        DemoRow lfp10C = rows.Single(r => r.Quantity == "retention, LFP‖Li 10 C");
        Assert.Contains("after 850 cycles at 10 C", lfp10C.Electrochem, StringComparison.Ordinal);
        Assert.Contains("85 check-up cycles", lfp10C.Note, StringComparison.Ordinal);
        DemoRow ncm = rows.Single(r => r.Quantity == "retention, NCM622‖Li 5 C");
        Assert.StartsWith("97.4", ncm.Electrochem, StringComparison.Ordinal); // 146.1/149.9, not the reported 97.59
        Assert.Contains("implies a reference of 149.7", ncm.Note, StringComparison.Ordinal);

        var rates = new RateCapabilitySection().Run(data);
        Assert.Equal(2, rates.Length);
        Assert.All(rates, r => Assert.Contains("recovered at the first rate", r.Note, StringComparison.Ordinal));
    }
}
