using System.Numerics;
using Electrochem.IO.Impedance;

namespace Electrochem.IO.Tests.Impedance;

/// <summary>Paths of the bundled impedance.py example files, and assertions on what was read from them.</summary>
internal static class TestFiles
{
    public static string ImpedancePy(string name) => Path.Combine(AppContext.BaseDirectory, "Data", "impedancepy", name);

    public static ImpedanceData Read(string name)
    {
        DataFileResult<ImpedanceData> result = ImpedanceFile.TryRead(ImpedancePy(name));
        Assert.True(result.IsSuccess, result.ToString());
        return result.Value;
    }

    /// <summary>Count, first and last points; exact when impedance.py's test compares with ==, else to its np.allclose tolerance.</summary>
    public static void AssertEnds(ImpedanceData data, int count, double firstHertz, Complex firstZ, double lastHertz, Complex lastZ, bool exact)
    {
        Assert.Equal(count, data.Spectrum.Count);
        AssertClose(firstHertz, data.Spectrum.Frequency[0], exact);
        AssertClose(lastHertz, data.Spectrum.Frequency[^1], exact);
        AssertClose(firstZ.Real, data.Spectrum.Real[0], exact);
        AssertClose(firstZ.Imaginary, data.Spectrum.Imaginary[0], exact);
        AssertClose(lastZ.Real, data.Spectrum.Real[^1], exact);
        AssertClose(lastZ.Imaginary, data.Spectrum.Imaginary[^1], exact);
    }

    /// <summary>Exact, or numpy's allclose: |a − b| ≤ 1e-8 + 1e-5·|b|.</summary>
    public static void AssertClose(double expected, double actual, bool exact)
    {
        if (exact)
        {
            Assert.Equal(expected, actual);
        }
        else
        {
            Assert.True(Math.Abs(actual - expected) <= 1e-8 + (1e-5 * Math.Abs(expected)), $"expected {expected:R}, got {actual:R}");
        }
    }
}
