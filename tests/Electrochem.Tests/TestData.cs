namespace Electrochem.Tests;

/// <summary>Seeded random numbers for generated test data (deterministic across runs and frameworks).</summary>
internal sealed class TestData(ulong seed)
{
    private ulong _state = seed;

    /// <summary>SplitMix64: uniform in [0, 1).</summary>
    public double Uniform()
    {
        ulong z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        z ^= z >> 31;
        return (z >> 11) * (1.0 / (1UL << 53));
    }

    public double Uniform(double low, double high) => low + ((high - low) * Uniform());

    /// <summary>Standard normal by Box–Muller.</summary>
    public double Normal()
    {
        double u1 = 1.0 - Uniform();
        double u2 = Uniform();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    public static double[] Linspace(double start, double end, int count)
    {
        var values = new double[count];
        for (int i = 0; i < count; i++)
        {
            values[i] = start + ((end - start) * i / (count - 1));
        }

        return values;
    }
}
