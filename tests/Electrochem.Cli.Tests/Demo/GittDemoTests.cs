using System.Globalization;
using Electrochem.Cli.Demo;
using Electrochem.Cli.Demo.Sections;
using Electrochem.Cycling;

namespace Electrochem.Cli.Tests.Demo;

public sealed class GittDemoTests
{
    [Fact]
    public void The_simulated_titrations_come_back_with_the_higher_D_for_ISPN()
    {
        GittTitration basePta = GittSection.Titrate(ReferenceStudy.BasePta);
        GittTitration ispnPta = GittSection.Titrate(ReferenceStudy.IspnPta);
        Assert.Equal(GittSection.Pulses, basePta.Pulses.Length);
        Assert.Equal(GittSection.Pulses, ispnPta.Pulses.Length);
        for (int k = 0; k < GittSection.Pulses; k++)
        {
            // Same charge passed, same stoichiometry: D(ISPN)/D(Base) = 3 by construction. The bias-corrected estimates
            // keep the ratio within 2–3.6 everywhere (each sees D near its own surface composition), and the lower
            // series resistance shows as a smaller ohmic step.
            double ratio = ispnPta.Pulses[k].BiasCorrectedDiffusionCoefficient!.Value.Value / basePta.Pulses[k].BiasCorrectedDiffusionCoefficient!.Value.Value;
            Assert.InRange(ratio, 2.0, 3.6);
            Assert.True(ispnPta.Pulses[k].OhmicStepVolts < basePta.Pulses[k].OhmicStepVolts);
        }

        var rows = new GittSection().Run(DemoData.LoadBundled());
        Assert.Equal(3, rows.Length);
        Assert.All(rows.Take(2), r => Assert.Contains("bias-corrected", r.Note, StringComparison.Ordinal));
        double median = double.Parse(rows[2].Electrochem, CultureInfo.InvariantCulture);
        Assert.InRange(median, 2.3, 3.3);
    }
}
