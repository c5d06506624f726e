using System.Collections.Immutable;
using Electrochem.Voltammetry;

namespace Electrochem.Tests.Voltammetry;

public sealed class FloatTestTests
{
    [Fact]
    public void Each_hold_gives_the_current_it_settles_to()
    {
        // Holds of 10 h at 4.2, 4.4, 4.6, 4.8 V; I = I_leak·(1 + 5·e^(−t/30 min)), I_leak doubling per step from 0.1 µA.
        var t = new List<double>();
        var e = new List<double>();
        var i = new List<double>();
        for (int step = 0; step < 4; step++)
        {
            double leak = 1e-7 * Math.Pow(2, step);
            for (int s = 0; s < 36000; s += 60)
            {
                t.Add((step * 36000) + s);
                e.Add(4.2 + (0.2 * step) + (0.0002 * Math.Sin(s)));
                i.Add(leak * (1 + (5 * Math.Exp(-s / 1800.0))));
            }
        }

        ImmutableArray<PotentiostaticHold> holds = FloatTest.Analyse([.. t], [.. e], [.. i], areaSquareMetres: 1e-4);
        Assert.Equal(4, holds.Length);
        for (int step = 0; step < 4; step++)
        {
            Assert.Equal(4.2 + (0.2 * step), holds[step].PotentialVolts, 1e-4);
            Assert.Equal(1e-7 * Math.Pow(2, step), holds[step].LeakageAmperes, 1e-7 * Math.Pow(2, step) * 1e-4); // e^(−16) left of the transient
            Assert.Equal(holds[step].LeakageAmperes / 1e-4, holds[step].LeakageDensity!.Value, 1e-12);
            Assert.Equal(35940, holds[step].DurationSeconds, 1e-9);
        }

        Assert.Empty(FloatTest.Analyse([0, 10, 20], [4, 4, 4], [0, 0, 0])); // shorter than a minute
        Assert.Throws<ArgumentException>(() => FloatTest.Analyse([0, 1], [4], [0, 0]));
    }
}
