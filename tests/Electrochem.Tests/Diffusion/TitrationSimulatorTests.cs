using Electrochem.Constants;
using Electrochem.Diffusion;

namespace Electrochem.Tests.Diffusion;

public sealed class TitrationSimulatorTests
{
    // A film of L = 10 µm with D = 1e-14 m²/s (L²/D = 10,000 s), a linear open-circuit curve of −1 V per unit x and no
    // ohmic drop: the ideal case Weppner–Huggins is derived for.
    private const double L = 1e-5;
    private const double D = 1e-14;

    private static InsertionElectrode Film(Diffusivity? diffusivity = null, double x0 = 0.5) => new(
        DiffusionGeometry.Planar, L, 1e-4, 50_000, x0, diffusivity ?? Diffusivity.Constant(D), OpenCircuitCurve.Linear(4.0, -1.0), ChargingDirection.Extraction);

    /// <summary>D_WH/D from one simulated pulse of τ = θL²/D and a rest long enough to relax.</summary>
    private static double SimulatedRatio(double theta, DiffusionSolverOptions options)
    {
        InsertionElectrode film = Film();
        double tau = theta * L * L / D;
        double amperes = 0.002 * film.AmpereHoursPerUnitStoichiometry * 3600 / tau; // moves x by 0.002
        TitrationSimulation run = TitrationSimulator.Simulate(film, [new(tau, amperes), new(4 * L * L / D, 0)], options);
        ReadOnlySpan<double> v = run.Recording.Voltage.Values;
        ReadOnlySpan<double> step = run.Recording.StepIndex!.Values;
        int pulseEnd = step.LastIndexOf(1.0);
        double e0 = v[0], et = v[pulseEnd], es = v[^1];
        return WeppnerHuggins.FromLength(tau, L, es - e0, et - e0).Value / D;
    }

    [Theory]
    [InlineData(0.05, 1.000)]
    [InlineData(0.1, 1.000)]
    [InlineData(0.2, 0.998)]
    [InlineData(0.5, 0.920)]
    [InlineData(1.0, 0.716)]
    public void The_solver_reproduces_the_Weppner_Huggins_bias_table(double theta, double expected)
    {
        // The table's numbers are given to three decimals; the closed form and the solver agree to 2e-4.
        double simulated = SimulatedRatio(theta, new DiffusionSolverOptions { Cells = 200, MaximumTimeStepSeconds = theta * 10 });
        Assert.Equal(expected, WeppnerHuggins.PlanarFilmRatio(theta), 0.0005);
        Assert.Equal(WeppnerHuggins.PlanarFilmRatio(theta), simulated, 2e-4);
    }

    [Theory]
    [InlineData(0.001, 0.9814)]
    [InlineData(0.01, 0.9420)]
    [InlineData(0.1, 0.8244)]
    [InlineData(1.0, 0.5176)]
    public void In_spheres_the_solver_and_the_closed_form_agree_on_a_bias_that_starts_at_short_pulses(double theta, double expected)
    {
        // L = r/3; the values are the solver's at 400 cells refined 200-fold toward the surface, to four decimals.
        const double r = 1e-5;
        double l = r / 3, tau = theta * l * l / D;
        var sphere = new InsertionElectrode(DiffusionGeometry.Spherical, r, 1e-4, 50_000, 0.5, Diffusivity.Constant(D), OpenCircuitCurve.Linear(4, -1), ChargingDirection.Extraction);
        double amperes = 0.002 * sphere.AmpereHoursPerUnitStoichiometry * 3600 / tau;
        TitrationSimulation run = TitrationSimulator.Simulate(sphere, [new(tau, amperes)], new DiffusionSolverOptions { Cells = 400, SurfaceRefinement = 200, MaximumTimeStepSeconds = tau / 400 });
        ReadOnlySpan<double> v = run.Recording.Voltage.Values;
        double relaxed = -(run.MeanStoichiometry.Span[^1] - 0.5); // U′ = −1 V: the relaxed voltage follows the conserved mean
        double simulated = WeppnerHuggins.FromLength(tau, l, relaxed, v[^1] - v[0]).Value / D;
        Assert.Equal(expected, simulated, 1e-4);
        Assert.Equal(WeppnerHuggins.SphereRatio(theta), simulated, 1e-3);
    }

    [Fact]
    public void The_sphere_ratio_has_the_short_time_limit_and_the_bias_correction_inverts_both_ratios()
    {
        // Short times: Δc_s ≈ (2j/√D)·√(t/π)·(1 + √(πs)/2) with s = τD/r² = θ/9, so D_WH/D ≈ (1 + √(πθ/9)/2)⁻².
        Assert.Equal(Math.Pow(1 + (Math.Sqrt(Math.PI * 1e-4 / 9) / 2), -2), WeppnerHuggins.SphereRatio(1e-4), 2e-4);
        foreach (DiffusionGeometry g in new[] { DiffusionGeometry.Planar, DiffusionGeometry.Spherical })
        {
            foreach (double theta in new[] { 0.01, 0.2, 1.0, 5.0 })
            {
                double measured = D * WeppnerHuggins.ExpectedRatio(g, theta);
                double tau = theta * L * L / D;
                Assert.Equal(D, WeppnerHuggins.CorrectBias(g, measured, tau, L)!.Value, D * 1e-9);
            }
        }

        Assert.Null(WeppnerHuggins.CorrectBias(DiffusionGeometry.Planar, 10 * L * L / 600, 600, L)); // more than any D can show
    }

    [Fact]
    public void The_error_shrinks_fourfold_when_cells_and_steps_double()
    {
        // θ = 0.5 on a uniform grid: second order in space and time (Crank–Nicolson with Rannacher's start).
        double exact = WeppnerHuggins.PlanarFilmRatio(0.5);
        double[] errors = [.. new[] { 10, 20, 40, 80 }.Select(n => Math.Abs(SimulatedRatio(0.5, new DiffusionSolverOptions
        {
            Cells = n,
            SurfaceRefinement = 1,
            MaximumTimeStepSeconds = 5000.0 / (2 * n),
        }) - exact))];
        for (int i = 1; i < errors.Length; i++)
        {
            double order = Math.Log2(errors[i - 1] / errors[i]);
            Assert.InRange(order, 1.7, 2.4);
        }
    }

    [Fact]
    public void Charge_is_conserved_and_the_recording_says_what_was_done()
    {
        InsertionElectrode film = Film();
        CurrentStep[] program = [new(600, 1e-4), new(1800, 0), new(600, -2e-4), new(1800, 0)];
        TitrationSimulation run = TitrationSimulator.Simulate(film, program, new DiffusionSolverOptions { SampleIntervalSeconds = 10 });
        double perUnitX = film.AmpereHoursPerUnitStoichiometry * 3600; // coulombs
        double expected = 0.5 - ((600 * 1e-4) / perUnitX) + ((600 * 2e-4) / perUnitX); // charging extracts
        Assert.Equal(expected, run.MeanStoichiometry.Span[^1], 1e-12);
        Assert.Equal(4800, run.Recording.TestTime.Values[^1], 1e-9);
        Assert.Equal(0, run.Recording.StepIndex!.Values[0]);
        Assert.Equal(4, run.Recording.StepIndex!.Values[^1]);
        Assert.Equal(1 + 60 + 180 + 60 + 180, run.Recording.RowCount);
        Assert.True(run.Recording.Voltage.Values[61] > 4.0 - 0.5, "charging a cathode raises its voltage"); // end of the charge pulse
        Assert.Empty(run.Warnings);
    }

    [Fact]
    public void A_voltage_limit_ends_a_pulse_early_and_says_so()
    {
        InsertionElectrode film = Film(x0: 0.02) with { OpenCircuitVoltage = OpenCircuitCurve.Linear(4.2, -1.0) };
        TitrationSimulation run = TitrationSimulator.Simulate(film, [new(3600, 1e-4), new(600, 0)], new DiffusionSolverOptions { UpperVoltageLimit = 4.19 });
        Assert.Single(run.Warnings);
        Assert.Contains("upper voltage limit", run.Warnings[0], StringComparison.Ordinal);
        ReadOnlySpan<double> step = run.Recording.StepIndex!.Values;
        int end = step.LastIndexOf(1.0);
        Assert.True(run.Recording.TestTime.Values[end] < 3600);
        Assert.True(run.Recording.Voltage.Values[end] >= 4.19);
    }

    [Fact]
    public void An_electrode_driven_past_full_is_refused_with_the_time_and_step()
    {
        var e = Assert.Throws<ArgumentException>(() => TitrationSimulator.Simulate(Film(x0: 0.01), [new(3600, 5e-4)]));
        Assert.Contains("outside the open-circuit curve's range", e.Message, StringComparison.Ordinal);
        Assert.Contains("step 1", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => TitrationSimulator.Simulate(Film(), []));
        Assert.Throws<ArgumentException>(() => TitrationSimulator.Simulate(Film(), [new(double.NaN, 1)]));
        Assert.Throws<ArgumentException>(() => TitrationSimulator.Simulate(Film(), [new(1e9, 0)], new DiffusionSolverOptions { MaximumTimeStepSeconds = 1e-3 }));
    }

    [Fact]
    public void Spheres_give_PyBOPs_analytic_square_root_slope_and_its_inverse_gives_D_back()
    {
        // PyBOP's GITT example: D = 1e-14 m²/s, R_p = 5.3 µm, ε = 0.518, L = 42 µm, c_max = 48,230 mol/m³, 2.4 mA over
        // 1.54 cm², U′ = −1.38636 V → dE/d√t = −0.0042542 V s^-½ (a discharge inserts Li into the cathode).
        double area = InsertionElectrode.ParticleSurfaceArea(5.3e-6, 0.518, 42e-6, 1.54e-4);
        var electrode = new InsertionElectrode(DiffusionGeometry.Spherical, 5.3e-6, area, 48_230, 0.5, Diffusivity.Constant(1e-14), OpenCircuitCurve.Linear(4.5, -1.38636), ChargingDirection.Extraction);
        TitrationSimulation run = TitrationSimulator.Simulate(electrode, [new(1.0, -2.4e-3)], new DiffusionSolverOptions { Cells = 400, SurfaceRefinement = 2000, MaximumTimeStepSeconds = 1e-3 });

        // E = a + b√t + c·t over the first second: b is the short-time slope, c the sphere's curvature correction.
        ReadOnlySpan<double> t = run.Recording.TestTime.Values[1..];
        ReadOnlySpan<double> v = run.Recording.Voltage.Values[1..];
        double slope = SquareRootSlope(t, v, run.Recording.Voltage.Values[0]);
        Assert.Equal(-0.0042542, slope, 0.0042542 * 2e-3);

        double relaxedSlope = -1.38636 / 48_230 * (2.4e-3 / (PhysicalConstants.FaradayConstant * area)) * 3 / 5.3e-6; // dE_s/dt (V/s)
        Measurement d = WeppnerHuggins.FromSquareRootSlope(WeppnerHuggins.LengthFromSphereRadius(5.3e-6), relaxedSlope, -0.0042542);
        Assert.Equal(1e-14, d.Value, 1e-14 * 2e-4);
    }

    /// <summary>b of E − E₀ = b√t + c·t by least squares (two unknowns, normal equations).</summary>
    private static double SquareRootSlope(ReadOnlySpan<double> t, ReadOnlySpan<double> v, double e0)
    {
        double s11 = 0, s12 = 0, s22 = 0, r1 = 0, r2 = 0;
        for (int i = 0; i < t.Length; i++)
        {
            double a = Math.Sqrt(t[i]), b = t[i], y = v[i] - e0;
            s11 += a * a;
            s12 += a * b;
            s22 += b * b;
            r1 += a * y;
            r2 += b * y;
        }

        return ((r1 * s22) - (r2 * s12)) / ((s11 * s22) - (s12 * s12));
    }
}
