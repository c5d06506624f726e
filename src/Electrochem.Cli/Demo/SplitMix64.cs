namespace Electrochem.Cli.Demo;

/// <summary>
/// A small, fully specified pseudo-random generator (SplitMix64, Steele, Lea and Flood 2014), so that the demo data
/// are reproducible on every .NET version and platform (unlike <see cref="Random"/> with a seed, whose sequence is
/// only stable per framework version). Not for cryptography. Each instance is one independent stream.
/// </summary>
internal sealed class SplitMix64
{
    private ulong _state;

    /// <summary>Starts a stream at a seed.</summary>
    internal SplitMix64(ulong seed)
    {
        _state = seed;
    }

    /// <summary>The next 64 random bits.</summary>
    internal ulong NextUInt64()
    {
        unchecked
        {
            _state += 0x9E3779B97F4A7C15UL;
            ulong z = _state;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }

    /// <summary>A uniform double in [0, 1) from the top 53 bits.</summary>
    internal double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>
    /// A standard normal deviate by the Box–Muller transform, z = √(−2 ln u₁)·cos(2π u₂) with u₁ in (0, 1]; one
    /// deviate per two uniforms (the sine partner is discarded to keep the stream simple).
    /// </summary>
    internal double NextStandardNormal()
    {
        double u1 = 1.0 - NextDouble();
        double u2 = NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
