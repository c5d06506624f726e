using System.Globalization;
using Electrochem.Cycling;
using Electrochem.Diffusion;

namespace Electrochem.Tests.Cycling;

/// <summary>
/// A titration of an electrode nobody on the team parameterised: PyBaMM's measured open-circuit curve of the LG M50
/// NMC cathode (Chen et al. 2020, BSD-3, Data/pybamm) as a table, spheres of 5.22 µm with D = 4e-15 m²/s, simulated and
/// analysed back.
/// </summary>
public sealed class GittOnPyBammOcpTests
{
    private static OpenCircuitCurve Chen2020()
    {
        var x = new List<double>();
        var u = new List<double>();
        foreach (string line in File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Data", "pybamm", "nmc_LGM50_ocp_Chen2020.csv")))
        {
            if (line.StartsWith('#') || line.Trim().Length == 0)
            {
                continue;
            }

            string[] f = line.Split(',');
            x.Add(double.Parse(f[0], CultureInfo.InvariantCulture));
            u.Add(double.Parse(f[1], CultureInfo.InvariantCulture));
        }

        return OpenCircuitCurve.FromTable([.. x], [.. u]);
    }

    [Fact]
    public void The_bias_corrected_D_comes_back_on_a_measured_open_circuit_curve()
    {
        const double radius = 5.22e-6, d = 4e-15;
        OpenCircuitCurve ocp = Chen2020();
        Assert.InRange(ocp.At(0.5), 3.8, 4.0);
        var electrode = new InsertionElectrode(DiffusionGeometry.Spherical, radius, InsertionElectrode.ParticleSurfaceArea(radius, 0.665, 75.6e-6, 1e-4), 63_104, 0.5, Diffusivity.Constant(d), ocp, ChargingDirection.Extraction);
        double amperes = -0.004 * electrode.AmpereHoursPerUnitStoichiometry * 3600 / 60; // discharge: Δx = +0.004 per 60 s pulse
        TitrationSimulation run = TitrationSimulator.Simulate(electrode, TitrationProgram.Gitt(amperes, 60, 2400, 10), new DiffusionSolverOptions { Cells = 100, MaximumTimeStepSeconds = 0.5, SampleIntervalSeconds = 1 });
        GittTitration t = GittAnalysis.Analyse(run.Recording, new GittOptions { DiffusionLengthMetres = WeppnerHuggins.LengthFromSphereRadius(radius), Geometry = DiffusionGeometry.Spherical });
        Assert.Equal(10, t.Pulses.Length);
        // A measured open-circuit curve is not locally straight: its slope under the surface's excursion (which ΔE_t
        // sees) differs from its slope under the mean's (which ΔE_s sees). On this curve the bias-corrected D scatters
        // 0.64–1.23× the truth from pulse to pulse, with a median of 0.87; with 5× larger pulses the scatter grows to
        // 0.83–2.15×. Weppner–Huggins cannot do better here; the test pins that honestly.
        double[] ratios = [.. t.Pulses.Select(p => p.BiasCorrectedDiffusionCoefficient!.Value.Value / d)];
        Assert.All(ratios, r => Assert.InRange(r, 0.5, 1.5));
        Assert.InRange(SampleMedian(ratios), 0.8, 1.2);
        Assert.All(t.Pulses, p => Assert.True(p.DiffusionCoefficient!.Value.Value < p.BiasCorrectedDiffusionCoefficient!.Value.Value)); // spheres read low
    }

    private static double SampleMedian(double[] values)
    {
        double[] sorted = [.. values.Order()];
        return (sorted[(sorted.Length - 1) / 2] + sorted[sorted.Length / 2]) / 2;
    }
}
