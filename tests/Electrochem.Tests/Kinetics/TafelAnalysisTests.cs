using Electrochem.Fitting;
using Electrochem.Kinetics;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Electrochem.Tests.Kinetics;

public class TafelAnalysisTests
{
    private const double T = ButlerVolmerTests.RoomTemperature;

    // Exact Butler–Volmer data over ±0.6 V: the selected regions lie far from equilibrium, where the back reaction is
    // negligible, so α and i₀ come back to within 0.5 % and 2 %.
    [Property(MaxTest = 60)]
    public Property Exact_Butler_Volmer_data_far_from_equilibrium_give_alpha_and_i0(int seed)
    {
        var random = new TestData((ulong)seed);
        var model = new ButlerVolmer(Math.Pow(10, random.Uniform(-7, -2)), random.Uniform(0.3, 0.7), random.Uniform(0.3, 0.7), 1, random.Uniform(280, 340));
        double[] eta = TestData.Linspace(-0.6, 0.6, 241);
        double[] i = ButlerVolmerTests.Curve(model, eta, 0, null);
        TafelResult result = TafelAnalysis.AnalyzeElectrode(eta, i, 1, model.TemperatureKelvin);
        TafelBranchFit anodic = result.Anodic!;
        TafelBranchFit cathodic = result.Cathodic!;
        bool ok = Math.Abs((anodic.TransferCoefficient.Value / model.AnodicTransferCoefficient) - 1) < 5e-3
            && Math.Abs((cathodic.TransferCoefficient.Value / model.CathodicTransferCoefficient) - 1) < 5e-3
            && Math.Abs((anodic.ExchangeCurrentDensity.Value / model.ExchangeCurrentDensity) - 1) < 2e-2
            && Math.Abs((cathodic.ExchangeCurrentDensity.Value / model.ExchangeCurrentDensity) - 1) < 2e-2
            && Math.Abs((result.CombinedExchangeCurrentDensity.Value / model.ExchangeCurrentDensity) - 1) < 2e-2
            && anodic.Region.MinimumMagnitude >= result.RegionStartThreshold
            && !result.Warnings.Any(w => w.Kind == KineticsWarningKind.BranchNotFound);
        return ok.Label($"{model}: α_a {anodic.TransferCoefficient.Value}, α_c {cathodic.TransferCoefficient.Value}, i0 {anodic.ExchangeCurrentDensity.Value} / {cathodic.ExchangeCurrentDensity.Value}");
    }

    // Points added between equilibrium and the start threshold never change the chosen regions or the fits.
    [Property(MaxTest = 40)]
    public Property Region_finder_is_invariant_to_points_near_equilibrium(int seed)
    {
        var random = new TestData((ulong)seed);
        var model = new ButlerVolmer(Math.Pow(10, random.Uniform(-6, -3)), random.Uniform(0.35, 0.65), random.Uniform(0.35, 0.65), 1, T);
        double[] eta = TestData.Linspace(-0.5, 0.5, 101);
        double[] i = ButlerVolmerTests.Curve(model, eta, 0.02, random);
        TafelResult before = TafelAnalysis.AnalyzeElectrode(eta, i, 1, T);
        double threshold = before.RegionStartThreshold;
        int extra = 1 + (Math.Abs(seed) % 40);
        double[] nearEta = Enumerable.Range(0, extra).Select(_ => random.Uniform(-threshold * 0.999, threshold * 0.999)).ToArray();
        double[] nearI = nearEta.Select(e => model.Evaluate(e) * (1 + (0.05 * random.Normal()))).ToArray();
        TafelResult after = TafelAnalysis.AnalyzeElectrode([.. nearEta, .. eta], [.. nearI, .. i], 1, T);
        bool same = before.Anodic!.Region == after.Anodic!.Region
            && before.Cathodic!.Region == after.Cathodic!.Region
            && before.Anodic.ExchangeCurrentDensity == after.Anodic.ExchangeCurrentDensity
            && before.Cathodic.TafelSlope == after.Cathodic!.TafelSlope;
        return same.Label($"before {before.Anodic.Region} / {before.Cathodic?.Region}, after {after.Anodic.Region} / {after.Cathodic?.Region}");
    }

    [Fact]
    public void Region_stops_before_mass_transport_bends_the_curve()
    {
        var model = new ButlerVolmer(1e-5, 0.5, 0.5, 1, T) { AnodicLimitingCurrentDensity = 1e-2, CathodicLimitingCurrentDensity = 1e-2 };
        double[] eta = TestData.Linspace(-0.7, 0.7, 281);
        double[] i = ButlerVolmerTests.Curve(model, eta, 0.01, new TestData(8));
        TafelResult result = TafelAnalysis.AnalyzeElectrode(eta, i, 1, T);
        // i reaches 10 % of the limit at η ≈ 0.25 V; the line must end well before the plateau (~0.45 V and beyond).
        Assert.True(result.Anodic!.Region.MaximumMagnitude < 0.4, result.ToTable());
        Assert.InRange(result.Anodic.TransferCoefficient.Value, 0.45, 0.55);
        Assert.InRange(1e-5, result.CombinedExchangeCurrentDensity.Value / 1.5, result.CombinedExchangeCurrentDensity.Value * 1.5);
    }

    [Fact]
    public void Slopes_alpha_and_intervals_are_consistent()
    {
        var model = new ButlerVolmer(1e-4, 0.5, 0.5, 1, T);
        double[] eta = TestData.Linspace(-0.4, 0.4, 161);
        TafelResult result = TafelAnalysis.AnalyzeElectrode(eta, ButlerVolmerTests.Curve(model, eta, 0.02, new TestData(4)), 1, T);
        TafelBranchFit a = result.Anodic!;
        TafelBranchFit c = result.Cathodic!;
        Assert.True(a.TafelSlope.Value > 0 && c.TafelSlope.Value < 0);
        Assert.InRange(a.TafelSlope.Value, 0.11, 0.13);                 // 2·ln10·RT/F = 0.1183 V/decade
        double slope = a.LineFit[TafelBranchFit.SlopeName].Value;
        Assert.Equal(1 / slope, a.TafelSlope.Value, 14);
        Assert.Equal(1 / a.LineFit[TafelBranchFit.SlopeName].ConfidenceUpper, a.TafelSlope.ConfidenceLower, 14);
        Assert.Equal(Math.Pow(10, a.LineFit[TafelBranchFit.Log10ExchangeCurrentDensityName].ConfidenceLower), a.ExchangeCurrentDensity.ConfidenceLower, 12);
        Assert.InRange(0.5, c.TransferCoefficient.ConfidenceLower, c.TransferCoefficient.ConfidenceUpper);
        Assert.InRange(1e-4, result.CombinedExchangeCurrentDensity.ConfidenceLower, result.CombinedExchangeCurrentDensity.ConfidenceUpper);
        Assert.True(Math.Abs(result.LineIntersectionVoltage) < 0.02);
        Assert.Contains("inverse-variance", result.CombinationMethod, StringComparison.Ordinal);
        Assert.True(a.RegionSelectedAutomatically);
        Assert.True(a.CandidateWindowCount > 0);

        string table = result.ToTable();
        Assert.Contains("Anodic branch", table, StringComparison.Ordinal);
        Assert.Contains("TafelSlope", table, StringComparison.Ordinal);
        string json = result.ToJson();
        using var document = System.Text.Json.JsonDocument.Parse(json);
        Assert.Equal("SingleElectrode", document.RootElement.GetProperty("geometry").GetString());
        Assert.Equal(a.Voltage.Length, document.RootElement.GetProperty("anodic").GetProperty("voltage").GetArrayLength());
    }

    [Fact]
    public void A_region_given_by_hand_is_used_and_from_potential_subtracts_the_equilibrium_potential()
    {
        var model = new ButlerVolmer(1e-4, 0.5, 0.5, 1, T);
        double[] eta = TestData.Linspace(-0.4, 0.4, 161);
        double[] i = ButlerVolmerTests.Curve(model, eta, 0, null);
        var options = TafelOptions.Default with { AnodicRegion = new VoltageRange(0.199, 0.301), CathodicRegion = new VoltageRange(0.25, 0.4) };
        TafelResult result = TafelAnalysis.AnalyzeElectrodePotential(eta.Select(e => e + 3.1).ToArray(), 3.1, i, 1, T, options);
        Assert.False(result.Anodic!.RegionSelectedAutomatically);
        Assert.Equal(0.2, result.Anodic.Region.MinimumMagnitude, 10);
        Assert.Equal(0.3, result.Anodic.Region.MaximumMagnitude, 10);
        Assert.Equal(21, result.Anodic.Voltage.Length);
        Assert.Equal(0.5, result.Anodic.TransferCoefficient.Value, 3);

        var few = Assert.Throws<ArgumentException>(() => TafelAnalysis.AnalyzeElectrode(eta, i, 1, T, TafelOptions.Default with { AnodicRegion = new VoltageRange(0.2, 0.205) }));
        Assert.Equal("options", few.ParamName);
        Assert.Contains("AnodicRegion", few.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Symmetric_cell_curves_report_alpha_per_electrode_and_i0_from_the_intercept()
    {
        var cell = new SymmetricCell(2.5e-4, 0.5, 0.5, 1, T);
        double[] v = TestData.Linspace(-0.8, 0.8, 321);
        double[] i = v.Select(cell.Evaluate).ToArray();
        TafelResult result = TafelAnalysis.AnalyzeSymmetricCell(v, i, 1, T);
        Assert.Equal(PolarizationGeometry.SymmetricCell, result.Geometry);
        Assert.Equal(2 * TafelAnalysis.AnalyzeElectrode(v, i, 1, T).RegionStartThreshold, result.RegionStartThreshold, 14);
        Assert.Equal(0.5, result.Anodic!.TransferCoefficient.Value, 3);
        Assert.Equal("TransferCoefficient", result.Anodic.TransferCoefficient.Name);
        Assert.Equal(2.5e-4, result.CombinedExchangeCurrentDensity.Value, 2.5e-4 * 0.01);
        Assert.InRange(result.Anodic.TafelSlope.Value, 0.23, 0.24);      // 4·ln10·RT/F = 0.2366 V/decade

        // The same curve read as one electrode: the slope is the same, so α comes out half (the factor the API keeps explicit).
        TafelResult misread = TafelAnalysis.AnalyzeElectrode(v, i, 1, T);
        Assert.Equal(0.25, misread.Anodic!.TransferCoefficient.Value, 2);
    }

    [Fact]
    public void A_branch_with_too_few_points_is_reported_and_the_other_is_used()
    {
        var model = new ButlerVolmer(1e-4, 0.5, 0.5, 1, T);
        double[] eta = [.. TestData.Linspace(-0.15, -0.11, 3), .. TestData.Linspace(0.0, 0.4, 81)];
        TafelResult result = TafelAnalysis.AnalyzeElectrode(eta, ButlerVolmerTests.Curve(model, eta, 0, null), 1, T);
        Assert.Null(result.Cathodic);
        Assert.NotNull(result.Anodic);
        KineticsWarning warning = Assert.Single(result.Warnings);
        Assert.Equal(KineticsWarningKind.BranchNotFound, warning.Kind);
        Assert.Contains("cathodic", warning.Message, StringComparison.Ordinal);
        Assert.Equal(result.Anodic!.ExchangeCurrentDensity, result.CombinedExchangeCurrentDensity);
        Assert.True(double.IsNaN(result.LineIntersectionVoltage));
    }

    [Fact]
    public void A_curve_that_never_leaves_the_linear_region_is_an_error_not_a_number()
    {
        var model = new ButlerVolmer(1e-3, 0.5, 0.5, 1, T);
        double[] eta = TestData.Linspace(-0.05, 0.05, 51);
        var error = Assert.Throws<ArgumentException>(() => TafelAnalysis.AnalyzeElectrode(eta, ButlerVolmerTests.Curve(model, eta, 0, null), 1, T));
        Assert.Equal("overpotential", error.ParamName);
        Assert.Contains("never leaves the low-field region", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Wrong_sign_currents_far_from_equilibrium_are_excluded_with_a_warning()
    {
        var model = new ButlerVolmer(1e-4, 0.5, 0.5, 1, T);
        double[] eta = TestData.Linspace(-0.4, 0.4, 161);
        double[] i = ButlerVolmerTests.Curve(model, eta, 0, null);
        i[150] = -i[150];
        TafelResult result = TafelAnalysis.AnalyzeElectrode(eta, i, 1, T);
        Assert.Contains(result.Warnings, w => w.Kind == KineticsWarningKind.WrongSignCurrentExcluded);
        Assert.Equal(2, result.ExcludedPointCount); // η = 0 and the flipped point
    }

    [Fact]
    public void Disagreeing_branches_are_flagged()
    {
        // A 30 mV error in the equilibrium potential shifts both lines: the intercepts at V = 0 no longer agree.
        var model = new ButlerVolmer(1e-4, 0.5, 0.5, 1, T);
        double[] eta = TestData.Linspace(-0.45, 0.45, 181);
        double[] i = ButlerVolmerTests.Curve(model, eta, 0.01, new TestData(2));
        TafelResult result = TafelAnalysis.AnalyzeElectrode(eta.Select(e => e + 0.03).ToArray(), i, 1, T);
        Assert.Contains(result.Warnings, w => w.Kind == KineticsWarningKind.BranchesDisagree);
        Assert.Equal(0.03, result.LineIntersectionVoltage, 0.005);
    }

    [Fact]
    public void Bad_input_is_rejected_with_the_argument_named()
    {
        Assert.Equal("current", Assert.Throws<ArgumentException>(() => TafelAnalysis.AnalyzeElectrode([0.1, 0.2], [1.0], 1, T)).ParamName);
        Assert.Equal("current", Assert.Throws<ArgumentException>(() => TafelAnalysis.AnalyzeElectrode([0.1, 0.2], [1.0, double.PositiveInfinity], 1, T)).ParamName);
        Assert.Equal("MinimumPoints", Assert.Throws<ArgumentOutOfRangeException>(() => TafelAnalysis.AnalyzeElectrode([0.1, 0.2], [1.0, 2], 1, T, TafelOptions.Default with { MinimumPoints = 2 })).ParamName);
        Assert.Equal("AnodicRegion", Assert.Throws<ArgumentException>(() => TafelAnalysis.AnalyzeElectrode([0.1, 0.2], [1.0, 2], 1, T, TafelOptions.Default with { AnodicRegion = new VoltageRange(0.3, 0.2) })).ParamName);
    }

    // The reverse reaction bends log|i| below the Tafel line near the start of a region: uncorrected, i₀ came out 0.17 %
    // low on exact data (≈ 0.4 SE under 2 % noise, intervals covering 92 %). With the correction exact data give i₀ back
    // to 10⁻⁵, and over 1000 noisy curves the mean standardised error of ln i₀ is within ±0.1 (no bias left). Coverage
    // with the automatically chosen region stays a little optimistic (measured 93.4 % cell, 92.5 % electrode; 93.5 and
    // 94.5 % with the region fixed): the window is chosen on the data, so its scatter looks smaller — docs/kinetics.md.
    [Fact]
    public void The_back_reaction_correction_removes_the_low_bias_of_i0()
    {
        var cell = new SymmetricCell(0.25, 0.5, 0.5, 1, 301.15);
        double[] v = TestData.Linspace(-0.6, 0.6, 301);
        double[] exact = [.. v.Select(cell.Evaluate)];
        Assert.Equal(0.25, TafelAnalysis.AnalyzeSymmetricCell(v, exact, 1, 301.15).CombinedExchangeCurrentDensity.Value, 0.25 * 1e-5);
        double uncorrected = TafelAnalysis.AnalyzeSymmetricCell(v, exact, 1, 301.15, TafelOptions.Default with { CorrectBackReaction = false }).CombinedExchangeCurrentDensity.Value;
        Assert.InRange(uncorrected / 0.25, 0.997, 0.9995);

        var electrode = new ButlerVolmer(0.074, 0.45, 0.55, 1, 301.15);
        double[] eta = TestData.Linspace(-0.3, 0.3, 151);
        Assert.Equal(0.074, TafelAnalysis.AnalyzeElectrode(eta, [.. eta.Select(electrode.Evaluate)], 1, 301.15).CombinedExchangeCurrentDensity.Value, 0.074 * 1e-5);

        var random = new TestData(20261203);
        const int trials = 1000;
        double sum = 0;
        int covered = 0;
        for (int trial = 0; trial < trials; trial++)
        {
            double[] noisy = [.. v.Select(x => cell.Evaluate(x) * Math.Exp(0.02 * random.Normal()))];
            ParameterEstimate i0 = TafelAnalysis.AnalyzeSymmetricCell(v, noisy, 1, 301.15).CombinedExchangeCurrentDensity;
            sum += Math.Log(i0.Value / 0.25) / (i0.StandardError / i0.Value);
            covered += i0.ConfidenceLower <= 0.25 && 0.25 <= i0.ConfidenceUpper ? 1 : 0;
        }

        Assert.InRange(sum / trials, -0.1, 0.1);
        Assert.InRange((double)covered / trials, 0.92, 0.97);
    }
}
