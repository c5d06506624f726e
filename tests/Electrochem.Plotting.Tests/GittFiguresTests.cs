using Electrochem.Cycling;
using Electrochem.Diffusion;
using Electrochem.Plotting.Cycling;

namespace Electrochem.Plotting.Tests;

/// <summary>The titration figures: E against t with the pulses; D against state of charge (GITT) or charge passed (ICI) on a log axis.</summary>
public sealed class GittFiguresTests
{
    /// <summary>
    /// A 10 µm film from x = 0.5 (D = 10⁻¹⁴ m²/s, U = 4.0 − x V, R_s = 20 Ω): four 60-s charge pulses of Δx = 0.01 and
    /// four discharge pulses back, each followed by a 20,000-s rest (τD/L² = 0.006).
    /// </summary>
    private static readonly Lazy<(InsertionElectrode Electrode, TitrationSimulation Run)> Titration = new(() =>
    {
        var electrode = new InsertionElectrode(DiffusionGeometry.Planar, 1e-5, 1e-4, 50_000, 0.5, Diffusivity.Constant(1e-14), OpenCircuitCurve.Linear(4.0, -1.0), ChargingDirection.Extraction)
        {
            SeriesResistanceOhms = 20,
        };
        double amperes = 0.01 * electrode.AmpereHoursPerUnitStoichiometry * 3600 / 60;
        CurrentStep[] program = [.. TitrationProgram.Gitt(amperes, 60, 20_000, 4), .. TitrationProgram.Gitt(-amperes, 60, 20_000, 4)];
        return (electrode, TitrationSimulator.Simulate(electrode, program, new DiffusionSolverOptions { MaximumTimeStepSeconds = 1, SampleIntervalSeconds = 5 }));
    });

    [Fact]
    public void The_voltage_trace_shades_every_pulse_and_marks_the_relaxed_voltages()
    {
        (InsertionElectrode electrode, TitrationSimulation run) = Titration.Value;
        GittTitration titration = GittAnalysis.Analyse(run.Recording, new GittOptions { DiffusionLengthMetres = electrode.DiffusionLengthMetres });
        Assert.Equal(8, titration.Pulses.Length);
        RenderedFigure.Check(GittFigures.Voltage(titration, run.Recording), "t (h)", "E (V)", "charge pulses (4)", "discharge pulses (4)", "E_s (end of rest)");
    }

    [Fact]
    public void Diffusivity_is_drawn_against_the_state_of_charge_on_a_logarithmic_axis()
    {
        (InsertionElectrode electrode, TitrationSimulation run) = Titration.Value;
        GittTitration titration = GittAnalysis.Analyse(run.Recording, new GittOptions { DiffusionLengthMetres = electrode.DiffusionLengthMetres, CapacityAmpereHours = electrode.AmpereHoursPerUnitStoichiometry, InitialStateOfCharge = 0.5 });
        Assert.All(titration.Pulses, p => Assert.Equal(1e-14, p.DiffusionCoefficient!.Value.Value, 3e-16));
        RenderedFigure.Check(GittFigures.Diffusivity(titration), "state of charge (%)", "D (cm²/s)", "charge", "discharge", "10⁻¹⁰");
        GittTitration withoutCapacity = GittAnalysis.Analyse(run.Recording, new GittOptions { DiffusionLengthMetres = electrode.DiffusionLengthMetres });
        RenderedFigure.Check(GittFigures.Diffusivity(withoutCapacity), "net charge passed (mA·h)", "D (cm²/s)");
    }

    [Fact]
    public void An_ici_test_gives_diffusivity_against_charge()
    {
        // Charged at C/5 with a 5 s interruption every 300 s: the first interruptions, before the profile is established, are flagged.
        var electrode = new InsertionElectrode(DiffusionGeometry.Planar, 1e-5, 1e-4, 50_000, 0.9, Diffusivity.Constant(1e-14), OpenCircuitCurve.Linear(4.0, -1.0), ChargingDirection.Extraction) { SeriesResistanceOhms = 15 };
        TitrationSimulation run = TitrationSimulator.Simulate(electrode, TitrationProgram.Interrupted(electrode.AmpereHoursPerUnitStoichiometry / 5, 300, 5, 24), new DiffusionSolverOptions { MaximumTimeStepSeconds = 0.05, SampleIntervalSeconds = 0.1 });
        IciTitration ici = IciAnalysis.Analyse(run.Recording, new IciOptions { DiffusionLengthMetres = electrode.DiffusionLengthMetres });
        RenderedFigure.Check(GittFigures.Diffusivity(ici), "net charge passed (mA·h)", "D (cm²/s)", "charge", "charge, interruption flagged");
    }

    [Fact]
    public void Without_a_diffusion_length_there_is_no_diffusivity_to_draw()
    {
        TitrationSimulation run = Titration.Value.Run;
        GittTitration titration = GittAnalysis.Analyse(run.Recording);
        Assert.Contains("diffusion length", Assert.Throws<ArgumentException>(() => GittFigures.Diffusivity(titration)).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => GittFigures.Voltage(titration, [1.0, 2.0], [3.0]));
    }
}
