using Electrochem.Fitting;
using Electrochem.Transport;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Electrochem.Tests.Transport;

public class BruceVincentTests
{
    /// <summary>A chronoamperogram of an ideal cell: exponential approach with time constant τ, Gaussian noise of <paramref name="noise"/> A.</summary>
    internal static (double[] Time, double[] Current) Trace(IdealPolarizationCell cell, double tau, double duration, double step, double noise, TestData? random)
    {
        int n = (int)Math.Round(duration / step) + 1;
        double[] time = Enumerable.Range(0, n).Select(k => k * step).ToArray();
        var current = new double[n];
        cell.Relaxation(tau).Evaluate(time, current);
        if (random is not null)
        {
            for (int k = 0; k < n; k++)
            {
                current[k] += noise * random.Normal();
            }
        }

        return (time, current);
    }

    [Fact]
    public void Issue_numbers_ideal_cell_gives_I0_2e_5_and_Iss_1_428571e_5_and_every_formula_its_value()
    {
        var cell = new IdealPolarizationCell(0.010, 100, 100, 400, 450, 0.4);
        Assert.Equal(2e-5, cell.InitialCurrent, 1e-18);
        Assert.Equal(1.428571e-5, cell.SteadyStateCurrent, 11);
        Assert.Equal(0.400, BruceVincent.TransferenceNumber(cell.InitialCurrent, cell.SteadyStateCurrent, 0.010, 400, 450).Value, 12);
        Assert.Equal(0.400, BruceVincent.WatanabeTransferenceNumber(cell.SteadyStateCurrent, 0.010, 100, 450).Value, 12);
        Assert.Equal(0.714, BruceVincent.CurrentRatio(cell.InitialCurrent, cell.SteadyStateCurrent).Value, 3);
        Assert.Equal(2e-5, BruceVincent.InitialCurrentFromOhmsLaw(0.010, 100, 400).Value, 1e-18);

        // The bulk resistance drifts to 110 Ω during polarisation.
        var drifting = cell with { BulkResistanceSteadyState = 110 };
        Measurement bv = BruceVincent.TransferenceNumber(drifting.InitialCurrent, drifting.SteadyStateCurrent, 0.010, 400, 450);
        Measurement abraham = BruceVincent.AbrahamTransferenceNumber(drifting.InitialCurrent, drifting.SteadyStateCurrent, 0.010, 400, 450, 100, 110);
        Assert.Equal(0.3636, bv.Value, 4);
        Assert.Equal(4.0 / 11, bv.Value, 12);
        Assert.Equal(0.400, abraham.Value, 12);
        Assert.Equal(0.400, BruceVincent.WatanabeTransferenceNumber(drifting.SteadyStateCurrent, 0.010, 110, 450).Value, 12);
        Assert.Equal(0.0, bv.StandardUncertainty); // exact inputs
    }

    [Fact]
    public void Uncertainty_propagation_matches_the_analytic_derivatives()
    {
        // t = I_ss(ΔV − I₀R₀)/(I₀(ΔV − I_ss R_ss)): ∂t/∂I_ss = t/I_ss + t·R_ss/(ΔV − I_ss·R_ss); ∂t/∂R₀ = −t·I₀/(ΔV − I₀R₀).
        double i0 = 2e-5;
        double iss = 1.428571e-5;
        Measurement onlyIss = BruceVincent.TransferenceNumber(i0, new Measurement(iss, 1e-7), 0.010, 400, 450);
        double t = onlyIss.Value;
        Assert.Equal(((t / iss) + (t * 450 / (0.010 - (iss * 450)))) * 1e-7, onlyIss.StandardUncertainty, 1e-9);
        Measurement onlyR0 = BruceVincent.TransferenceNumber(i0, iss, 0.010, new Measurement(400, 8), 450);
        Assert.Equal(t * i0 / (0.010 - (i0 * 400)) * 8, onlyR0.StandardUncertainty, 1e-9);
        Measurement both = BruceVincent.TransferenceNumber(i0, new Measurement(iss, 1e-7), 0.010, new Measurement(400, 8), 450);
        Assert.Equal(Math.Sqrt((onlyIss.StandardUncertainty * onlyIss.StandardUncertainty) + (onlyR0.StandardUncertainty * onlyR0.StandardUncertainty)), both.StandardUncertainty, 1e-12);
    }

    [Theory]
    [InlineData(0.41, 11UL)]
    [InlineData(0.68, 12UL)]
    public void Reference_study_transference_numbers_come_back_from_noisy_traces(double transferenceNumber, ulong seed)
    {
        // Li‖Li with a polymer electrolyte: ΔV = 10 mV, R_b ≈ 120 Ω, interfaces 300 → 320 Ω, τ = 900 s, 4 h sampled every 5 s,
        // 0.5 % current noise, resistances known to 1 %, ΔV to 0.1 mV.
        var random = new TestData(seed);
        var cell = new IdealPolarizationCell(0.010, 120, 120, 300, 320, transferenceNumber);
        (double[] time, double[] current) = Trace(cell, 900, 4 * 3600, 5, 0.005 * cell.SteadyStateCurrent, random);
        var resistances = new PolarizationResistances(new(120, 1.2), new(120, 1.2), new(300, 3), new(320, 3.2));
        BruceVincentResult result = BruceVincent.Analyze(time, current, new Measurement(0.010, 1e-4), resistances);

        Assert.Equal(InitialCurrentMethod.OhmsLaw, result.InitialCurrentMethod);
        Assert.Equal(SteadyStateCurrentMethod.Plateau, result.SteadyStateCurrentMethod);
        Assert.True(result.RelaxationFit.Converged, result.RelaxationFit.StatusReason);
        Assert.Empty(result.Warnings);
        (double lower, double upper) = result.TransferenceNumber.ExpandedInterval(2);
        Assert.InRange(transferenceNumber, lower, upper);
        Assert.InRange(result.TransferenceNumber.StandardUncertainty, 0.001, 0.05);
        (lower, upper) = result.WatanabeTransferenceNumber.ExpandedInterval(2);
        Assert.InRange(transferenceNumber, lower, upper);
        Assert.InRange(cell.InitialCurrent, result.InitialCurrentExtrapolated.Value * 0.99, result.InitialCurrentExtrapolated.Value * 1.01);
        Assert.Equal(cell.SteadyStateCurrent, result.SteadyStateCurrentExponential.Value, cell.SteadyStateCurrent * 0.002);
        Assert.True(result.CurrentRatio.Value > result.TransferenceNumber.Value);
        Assert.Equal(289, result.PlateauWindow.PointCount); // the last 1440 s at 5 s
    }

    // Consistent synthetic inputs (any t₊, resistances, drifting bulk) are recovered: Abraham and Watanabe exactly,
    // Bruce–Vincent exactly when the bulk does not drift, whichever I₀ and I_ss methods are used.
    [Property(MaxTest = 60)]
    public Property Transference_number_of_consistent_synthetic_inputs_is_recovered(int seed)
    {
        var random = new TestData((ulong)seed);
        double t = random.Uniform(0.05, 0.95);
        double rb0 = random.Uniform(20, 2000);
        double rbss = seed % 3 == 0 ? rb0 : rb0 * random.Uniform(0.9, 1.1);
        double ri0 = random.Uniform(0, 2000);
        double riss = ri0 * random.Uniform(0.9, 1.1);
        var cell = new IdealPolarizationCell(random.Uniform(0.005, 0.015), rb0, rbss, ri0, riss, t);
        double tau = random.Uniform(100, 2000);
        (double[] time, double[] current) = Trace(cell, tau, 30 * tau, tau / 20, 0, null);
        var options = BruceVincentOptions.Default with
        {
            InitialCurrentMethod = seed % 2 == 0 ? InitialCurrentMethod.OhmsLaw : InitialCurrentMethod.Extrapolated,
            SteadyStateCurrentMethod = seed % 4 < 2 ? SteadyStateCurrentMethod.Plateau : SteadyStateCurrentMethod.ExponentialFit,
        };
        BruceVincentResult result = BruceVincent.Analyze(time, current, cell.AppliedVoltage, cell.Resistances, options);
        bool ok = Math.Abs(result.AbrahamTransferenceNumber.Value - t) < 1e-6
            && Math.Abs(result.WatanabeTransferenceNumber.Value - t) < 1e-6
            && (rbss != rb0 || Math.Abs(result.TransferenceNumber.Value - t) < 1e-6)
            && Math.Abs(result.TransferenceNumber.Value - (t * rb0 / rbss)) < 1e-6;
        return ok.Label($"t₊ = {t}: BV {result.TransferenceNumber.Value}, Abraham {result.AbrahamTransferenceNumber.Value}, Watanabe {result.WatanabeTransferenceNumber.Value}; {result.InitialCurrentMethod}/{result.SteadyStateCurrentMethod}");
    }

    [Fact]
    public void Exponential_methods_recover_a_trace_stopped_before_steady_state_and_the_plateau_is_flagged()
    {
        // Stopped at 3τ: over the last 300 s the current still falls by ≈ 3.6 % of I_ss.
        var cell = new IdealPolarizationCell(0.010, 100, 100, 100, 110, 0.2);
        (double[] time, double[] current) = Trace(cell, 1000, 3000, 5, 0.002 * cell.SteadyStateCurrent, new TestData(5));
        BruceVincentResult plateau = BruceVincent.Analyze(time, current, 0.010, cell.Resistances);
        Assert.Contains(plateau.Warnings, w => w.Kind == TransferenceWarningKind.NotAtSteadyState);
        Assert.True(plateau.PlateauRelativeDrift > 0.01);
        Assert.True(plateau.TransferenceNumber.Value > 0.21);

        BruceVincentResult fitted = BruceVincent.Analyze(time, current, 0.010, cell.Resistances, BruceVincentOptions.Default with { SteadyStateCurrentMethod = SteadyStateCurrentMethod.ExponentialFit, InitialCurrentMethod = InitialCurrentMethod.Extrapolated });
        Assert.Equal(SteadyStateCurrentMethod.ExponentialFit, fitted.SteadyStateCurrentMethod);
        Assert.Equal(InitialCurrentMethod.Extrapolated, fitted.InitialCurrentMethod);
        (double lower, double upper) = fitted.TransferenceNumber.ExpandedInterval(2);
        Assert.InRange(0.2, lower, upper);
        Assert.Equal(fitted.SteadyStateCurrentExponential, fitted.SteadyStateCurrent);
    }

    [Fact]
    public void Warnings_name_each_violated_assumption()
    {
        var cell = new IdealPolarizationCell(0.050, 100, 130, 400, 700, 0.4);
        (double[] time, double[] current) = Trace(cell, 300, 6000, 5, 0, null);
        BruceVincentResult result = BruceVincent.Analyze(time, current, 0.050, cell.Resistances with { InterfacialResistanceInitial = 400 }, BruceVincentOptions.Default with { InitialCurrentMethod = InitialCurrentMethod.OhmsLaw });
        var kinds = result.Warnings.Select(w => w.Kind).ToHashSet();
        Assert.Contains(TransferenceWarningKind.SmallSignalExceeded, kinds);
        Assert.Contains(TransferenceWarningKind.InterfacialResistanceDrift, kinds);
        Assert.Contains(TransferenceWarningKind.BulkResistanceDrift, kinds);
        Assert.DoesNotContain(TransferenceWarningKind.NotAtSteadyState, kinds);
        Assert.Contains("50 mV", result.Warnings.First(w => w.Kind == TransferenceWarningKind.SmallSignalExceeded).Message, StringComparison.Ordinal);

        // The first spectrum overstates R_i,0 (250 Ω reported, 100 Ω real): the decay extrapolates to a different I₀.
        // (With the Ohm's-law I₀, Bruce–Vincent reduces to R_b,0/(ΔV/I_ss − R_i,ss), so R_i,0 itself cancels.)
        var real = new IdealPolarizationCell(0.010, 100, 100, 100, 150, 0.9);
        (time, current) = Trace(real, 300, 6000, 5, 0, null);
        BruceVincentResult mismatch = BruceVincent.Analyze(time, current, 0.010, real.Resistances with { InterfacialResistanceInitial = 250 });
        Assert.Contains(TransferenceWarningKind.InitialCurrentMismatch, mismatch.Warnings.Select(w => w.Kind));
        Assert.Equal(0.9, mismatch.TransferenceNumber.Value, 6);

        // A steady current larger than any ion-only current allows (e.g. electronic leakage) gives t₊ > 1.
        var leaky = new IdealPolarizationCell(0.010, 100, 100, 100, 150, 1.3);
        (time, current) = Trace(leaky, 300, 6000, 5, 0, null);
        BruceVincentResult wrong = BruceVincent.Analyze(time, current, 0.010, leaky.Resistances);
        TransferenceWarning outOfRange = Assert.Single(wrong.Warnings, w => w.Kind == TransferenceWarningKind.TransferenceNumberOutOfRange);
        Assert.Contains("outside [0, 1]", outOfRange.Message, StringComparison.Ordinal);
        Assert.Equal(1.3, wrong.TransferenceNumber.Value, 6);
    }

    // Without impedance of the bulk (only the interfacial resistances), I₀ comes from the decay; the quantities that
    // need R_b are reported as not available rather than computed from a stand-in.
    [Fact]
    public void Without_bulk_resistances_t_plus_comes_from_the_extrapolated_I0_and_R_b_quantities_are_not_available()
    {
        var cell = new IdealPolarizationCell(0.010, 100, 100, 400, 450, 0.4);
        (double[] time, double[] current) = Trace(cell, 300, 6000, 10, 0, null);
        PolarizationResistances interfacial = PolarizationResistances.InterfacialOnly(400, 450);
        BruceVincentResult result = BruceVincent.Analyze(time, current, 0.010, interfacial, BruceVincentOptions.Default with { InitialCurrentMethod = InitialCurrentMethod.Extrapolated, SteadyStateCurrentMethod = SteadyStateCurrentMethod.ExponentialFit });

        Assert.False(interfacial.HasBulkResistances);
        Assert.Equal(0.4, result.TransferenceNumber.Value, 1e-4);
        Assert.True(double.IsNaN(result.InitialCurrentOhmsLaw.Value));
        Assert.True(double.IsNaN(result.AbrahamTransferenceNumber.Value));
        Assert.True(double.IsNaN(result.WatanabeTransferenceNumber.Value));
        Assert.DoesNotContain(result.Warnings, w => w.Kind is TransferenceWarningKind.InitialCurrentMismatch or TransferenceWarningKind.BulkResistanceDrift);
        Assert.Contains("not given", result.ToTable(), StringComparison.Ordinal);

        var ohms = Assert.Throws<ArgumentException>(() => BruceVincent.Analyze(time, current, 0.010, interfacial));
        Assert.Contains("Ohm's law needs the bulk resistance", ohms.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => BruceVincent.Analyze(time, current, 0.010, new PolarizationResistances(100, null, 400, 450)));
    }

    [Fact]
    public void Result_prints_as_a_table_and_as_json()
    {
        var cell = new IdealPolarizationCell(0.010, 100, 100, 400, 450, 0.4);
        (double[] time, double[] current) = Trace(cell, 300, 6000, 10, 1e-8, new TestData(1));
        BruceVincentResult result = BruceVincent.Analyze(time, current, 0.010, cell.Resistances);
        string table = result.ToTable();
        Assert.Contains("t₊ Bruce–Vincent", table, StringComparison.Ordinal);
        Assert.Contains("I₀ used: OhmsLaw", table, StringComparison.Ordinal);
        using var json = System.Text.Json.JsonDocument.Parse(result.ToJson());
        Assert.Equal(result.TransferenceNumber.Value, json.RootElement.GetProperty("transferenceNumber").GetProperty("value").GetDouble(), 12);
        Assert.Equal("Plateau", json.RootElement.GetProperty("steadyStateCurrentMethod").GetString());
    }

    [Fact]
    public void Bad_input_is_rejected_with_the_argument_named()
    {
        var cell = new IdealPolarizationCell(0.010, 100, 100, 400, 450, 0.4);
        (double[] time, double[] current) = Trace(cell, 300, 3000, 10, 0, null);
        PolarizationResistances r = cell.Resistances;

        Assert.Equal("appliedVoltage", Assert.Throws<ArgumentOutOfRangeException>(() => BruceVincent.Analyze(time, current, 0.0, r)).ParamName);
        Assert.Equal("appliedVoltage", Assert.Throws<ArgumentOutOfRangeException>(() => BruceVincent.Analyze(time, current, -0.01, r)).ParamName);
        double[] negative = current.Select(i => -i).ToArray();
        var sign = Assert.Throws<ArgumentException>(() => BruceVincent.Analyze(time, negative, 0.010, r));
        Assert.Equal("current", sign.ParamName);
        Assert.Contains("positive", sign.Message, StringComparison.Ordinal);
        double[] shuffled = (double[])time.Clone();
        (shuffled[5], shuffled[6]) = (shuffled[6], shuffled[5]);
        var order = Assert.Throws<ArgumentException>(() => BruceVincent.Analyze(shuffled, current, 0.010, r));
        Assert.Equal("timeSeconds", order.ParamName);
        Assert.Contains("strictly increasing", order.Message, StringComparison.Ordinal);
        Assert.Equal("timeSeconds", Assert.Throws<ArgumentException>(() => BruceVincent.Analyze(time.AsSpan(0, 5), current.AsSpan(0, 5), 0.010, r)).ParamName);
        Assert.Equal("current", Assert.Throws<ArgumentException>(() => BruceVincent.Analyze(time, current.AsSpan(1), 0.010, r)).ParamName);
        Assert.Equal("PlateauFraction", Assert.Throws<ArgumentOutOfRangeException>(() => BruceVincent.Analyze(time, current, 0.010, r, BruceVincentOptions.Default with { PlateauFraction = 1.5 })).ParamName);
        Assert.Equal("timeSeconds", Assert.Throws<ArgumentException>(() => BruceVincent.Analyze(time, current, 0.010, r, BruceVincentOptions.Default with { PlateauFraction = 0.001 })).ParamName);
        Assert.Equal("BulkResistanceInitial", Assert.Throws<ArgumentOutOfRangeException>(() => BruceVincent.Analyze(time, current, 0.010, r with { BulkResistanceInitial = 0 })).ParamName);
        Assert.Equal("resistances.InterfacialResistanceSteadyState", Assert.Throws<ArgumentException>(() => BruceVincent.Analyze(time, current, 0.010, r with { InterfacialResistanceSteadyState = 5000 })).ParamName);
        Assert.Equal("steadyStateInterfacialResistance", Assert.Throws<ArgumentException>(() => BruceVincent.TransferenceNumber(2e-5, 1.4e-5, 0.010, 400, 800)).ParamName);
        Assert.Equal("initialCurrent", Assert.Throws<ArgumentOutOfRangeException>(() => BruceVincent.CurrentRatio(0, 1)).ParamName);
    }
}
