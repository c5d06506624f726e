using Electrochem.Cli.Demo;
using Electrochem.Constants;
using Electrochem.Fitting;
using Electrochem.IO.Transport;
using Electrochem.Transport;

namespace Electrochem.Cli.Tests.Demo;

public sealed class DemoDataGeneratorTests
{
    [Fact]
    public void The_generator_reproduces_the_bundled_files_byte_for_byte()
    {
        var generated = DemoDataGenerator.Generate();
        Assert.Equal(DemoData.FileNames, generated.Select(f => f.Name));
        foreach (DemoDataFile file in generated)
        {
            byte[] bundled = DemoData.BundledBytes(file.Name);
            Assert.True(
                bundled.AsSpan().SequenceEqual(file.ToBytes()),
                $"{file.Name}: the bundled file differs from the generator's output; if the generator changed on purpose, regenerate with `dotnet run --project src/Electrochem.Cli -- demo --export-data src/Electrochem.Cli/Demo/Data`.");
        }
    }

    [Fact]
    public void The_kinetics_and_transference_files_are_bundled_and_generated()
    {
        string[] added =
        [
            DemoDataGenerator.BasePtaSweepFile, DemoDataGenerator.IspnPtaSweepFile, DemoDataGenerator.ResistancesFile,
            DemoDataGenerator.BasePtaChronoamperometryFile, DemoDataGenerator.IspnPtaChronoamperometryFile,
        ];
        foreach (string name in added)
        {
            Assert.Contains(name, DemoData.FileNames);
            Assert.Equal(DemoData.BundledBytes(name), DemoDataGenerator.Generate().Single(f => f.Name == name).ToBytes());
        }
    }

    [Fact]
    public void The_sweeps_and_traces_recover_the_paper_i0_and_t_plus_within_their_intervals()
    {
        DemoData data = DemoData.LoadBundled();
        double kelvin = UnitConversions.CelsiusToKelvin(DemoDataGenerator.CellTemperatureCelsius);
        foreach ((var sweep, double paper) in new[] { (data.BasePtaSweep, 0.074), (data.IspnPtaSweep, 0.25) })
        {
            ParameterEstimate i0 = Electrochem.Kinetics.TafelAnalysis.AnalyzeSymmetricCell(sweep.VoltageVolts.AsSpan(), sweep.Current.AsSpan(), 1, kelvin).CombinedExchangeCurrentDensity;
            Assert.InRange(paper, i0.ConfidenceLower, i0.ConfidenceUpper);
        }

        foreach ((var trace, double paper, var cell) in new[] { (data.BasePtaTrace, 0.41, DemoDataGenerator.PolarisationCells[0].Cell), (data.IspnPtaTrace, 0.68, DemoDataGenerator.PolarisationCells[1].Cell) })
        {
            Assert.Equal(paper, cell.TransferenceNumber);
            var resistances = new PolarizationResistances(new(cell.BulkResistanceInitial, 0.01 * cell.BulkResistanceInitial), new(cell.BulkResistanceSteadyState, 0.01 * cell.BulkResistanceSteadyState), new(cell.InterfacialResistanceInitial, 0.01 * cell.InterfacialResistanceInitial), new(cell.InterfacialResistanceSteadyState, 0.01 * cell.InterfacialResistanceSteadyState));
            Measurement abraham = BruceVincent.Analyze(trace.TimeSeconds.AsSpan(), trace.CurrentAmperes.AsSpan(), new Measurement(0.010, 1e-4), resistances).AbrahamTransferenceNumber;
            Assert.InRange(paper, abraham.Value - (2 * abraham.StandardUncertainty), abraham.Value + (2 * abraham.StandardUncertainty));
        }
    }

    [Fact]
    public void The_impedance_spectra_are_bundled_generated_and_readable()
    {
        string[] added =
        [
            DemoDataGenerator.BasePtaLiLiSpectrumFile, DemoDataGenerator.IspnPtaLiLiSpectrumFile,
            DemoDataGenerator.BasePtaBlockingSpectrumFile, DemoDataGenerator.IspnPtaBlockingSpectrumFile,
        ];
        DemoData data = DemoData.LoadBundled();
        foreach (string name in added)
        {
            Assert.Contains(name, DemoData.FileNames);
            Assert.Equal(DemoData.BundledBytes(name), DemoDataGenerator.Generate().Single(f => f.Name == name).ToBytes());
        }

        foreach (var spectrum in new[] { data.BasePtaLiLiSpectrum, data.IspnPtaLiLiSpectrum, data.BasePtaBlockingSpectrum, data.IspnPtaBlockingSpectrum })
        {
            Assert.Equal(71, spectrum.Spectrum.Count);
            Assert.Equal(0.1, spectrum.Spectrum.MinimumFrequency, 1e-12);
            Assert.Equal(1e6, spectrum.Spectrum.MaximumFrequency, 1e-6);
            Assert.Empty(spectrum.DroppedPoints);
        }
    }

    [Fact]
    public void The_Li_Li_spectra_recover_the_paper_interface_resistances_within_their_intervals()
    {
        DemoData data = DemoData.LoadBundled();
        var circuit = Electrochem.Impedance.Circuit.Parse(DemoDataGenerator.LiLiCircuit);
        var options = Electrochem.Impedance.CircuitFitOptions.Default with { GlobalStarts = 30, Seed = 1 };
        foreach ((var spectrum, double sei, double total) in new[] { (data.BasePtaLiLiSpectrum, DemoDataGenerator.BasePtaSeiResistance, 410.92), (data.IspnPtaLiLiSpectrum, 28.8, 231.91) })
        {
            var resistances = Electrochem.Impedance.SymmetricCellResistances.FromFit(Electrochem.Impedance.CircuitModel.Fit(circuit, spectrum.Spectrum, options));
            Assert.InRange(total, resistances.Interface.ConfidenceLower, resistances.Interface.ConfidenceUpper);
            Assert.InRange(sei, resistances.SolidElectrolyteInterphase.ConfidenceLower, resistances.SolidElectrolyteInterphase.ConfidenceUpper);
        }
    }

    [Fact]
    public void The_blocking_spectra_recover_the_paper_conductivities_within_three_uncertainties()
    {
        DemoData data = DemoData.LoadBundled();
        var cells = Electrochem.Cli.Demo.Sections.SymmetricCell.All(data.Cells);
        foreach ((var spectrum, double loading, double paper) in new[] { (data.BasePtaBlockingSpectrum, 0.0, 3.6e-4), (data.IspnPtaBlockingSpectrum, 1.0, 5.3e-4) })
        {
            var cell = Electrochem.Cli.Demo.Sections.SymmetricCell.WithLoading(cells, loading);
            var fit = Electrochem.Impedance.CircuitModel.Fit(Electrochem.Impedance.Circuit.Parse(DemoDataGenerator.BlockingCircuit), spectrum.Spectrum);
            Measurement sigma = Electrochem.Impedance.CircuitFitResults.BulkIonicConductivity(fit, "R0", cell.Thickness, cell.Area);
            Assert.InRange(Math.Abs(sigma.Value - paper), 0, 3 * sigma.StandardUncertainty);
            Assert.InRange(fit["R0"].Value / cell.BulkResistance.Value, 0.99, 1.01);
        }
    }

    [Fact]
    public void An_exported_spectrum_is_fitted_by_eis_fit()
    {
        using var folder = new TempFolder();
        CliRun.Of("demo", "--export-data", folder.Path);
        CliRun run = CliRun.Of("eis", "fit", Path.Combine(folder.Path, DemoDataGenerator.IspnPtaLiLiSpectrumFile), "--circuit", DemoDataGenerator.LiLiCircuit);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Status: Converged", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("Identifiability: every free parameter is determined", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Export_writes_the_generated_files()
    {
        using var folder = new TempFolder();
        CliRun run = CliRun.Of("demo", "--export-data", folder.Path);
        Assert.Equal(0, run.ExitCode);
        foreach (string name in DemoData.FileNames)
        {
            Assert.Equal(DemoData.BundledBytes(name), File.ReadAllBytes(Path.Combine(folder.Path, name)));
            Assert.Contains(name, run.Stdout, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Exported_files_are_readable_by_the_conductivity_commands()
    {
        using var folder = new TempFolder();
        CliRun.Of("demo", "--export-data", folder.Path);
        CliRun run = CliRun.Of("conductivity", "arrhenius", Path.Combine(folder.Path, DemoDataGenerator.IspnPtaSeriesFile));
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("column 'T (K)' in K (from the header)", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_file_says_it_is_synthetic()
    {
        foreach (DemoDataFile file in DemoDataGenerator.Generate())
        {
            if (file.Name.EndsWith(".mpt", StringComparison.Ordinal))
            {
                // EC-Lab's format must open with its own line; the statement is the header's comment line.
                Assert.StartsWith("EC-Lab ASCII FILE", file.Content, StringComparison.Ordinal);
                Assert.StartsWith("SYNTHETIC example data, not measurements", file.Content.Split('\n')[4], StringComparison.Ordinal);
            }
            else
            {
                Assert.StartsWith("# SYNTHETIC example data, not measurements.", file.Content, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void The_series_recover_the_paper_activation_energies_within_three_standard_errors()
    {
        DemoData data = DemoData.LoadBundled();
        (ConductivityTable Series, double Ea, double Sigma28)[] cases =
        [
            (data.BasePtaSeries, ReferenceStudy.BasePtaActivationEnergy.Value, ReferenceStudy.BasePtaConductivity.Value),
            (data.IspnPtaSeries, ReferenceStudy.IspnPtaActivationEnergy.Value, ReferenceStudy.IspnPtaConductivity.Value),
        ];
        foreach ((ConductivityTable series, double ea, double sigma28) in cases)
        {
            Assert.Equal(9, series.Count);
            Assert.Equal(303.15, series.TemperatureKelvin[0], 1e-9);
            Assert.Equal(343.15, series.TemperatureKelvin[^1], 1e-9);
            FitResult<Arrhenius> fit = Arrhenius.Fit(series.TemperatureKelvin.AsSpan(), series.Conductivity.AsSpan(), ArrheniusForm.Conductivity, series.ConductivityStandardUncertainty.AsSpan());
            ParameterEstimate estimate = fit.ActivationEnergyElectronVolts();
            Assert.InRange(Math.Abs(estimate.Value - ea), 0, 3 * estimate.StandardError);
            Assert.InRange(fit.Model.Evaluate(301.15) / sigma28, 0.95, 1.05);
        }
    }

    [Fact]
    public void The_cells_recover_the_paper_conductivities_within_three_uncertainties()
    {
        var cells = Electrochem.Cli.Demo.Sections.SymmetricCell.All(DemoData.LoadBundled().Cells);
        Assert.Equal(4, cells.Length);
        foreach ((double loading, PaperValue sigma) in ReferenceStudy.LoadingSeries.Prepend((0.0, ReferenceStudy.BasePtaConductivity)))
        {
            Measurement measured = Electrochem.Cli.Demo.Sections.SymmetricCell.WithLoading(cells, loading).Conductivity;
            Assert.InRange(Math.Abs(measured.Value - sigma.Value), 0, 3 * measured.StandardUncertainty);
            Assert.InRange(measured.RelativeUncertainty, 0.015, 0.035);
        }
    }

    [Fact]
    public void SplitMix64_matches_the_reference_sequence()
    {
        var random = new SplitMix64(0);
        Assert.Equal(0xE220A8397B1DCDAFUL, random.NextUInt64());
        Assert.Equal(0x6E789E6AA1B965F4UL, random.NextUInt64());
        Assert.Equal(0x06C45D188009454FUL, random.NextUInt64());
    }

    [Fact]
    public void Normal_deviates_have_mean_0_and_variance_1()
    {
        var random = new SplitMix64(DemoDataGenerator.Seed);
        const int n = 40_000;
        double sum = 0;
        double sumSquares = 0;
        for (int i = 0; i < n; i++)
        {
            double z = random.NextStandardNormal();
            Assert.True(double.IsFinite(z));
            sum += z;
            sumSquares += z * z;
        }

        double mean = sum / n;
        Assert.InRange(mean, -0.02, 0.02);
        Assert.InRange((sumSquares / n) - (mean * mean), 0.97, 1.03);
    }

    [Fact]
    public void Uniform_doubles_lie_in_the_unit_interval()
    {
        var random = new SplitMix64(7);
        for (int i = 0; i < 10_000; i++)
        {
            Assert.InRange(random.NextDouble(), 0.0, 1.0 - double.Epsilon);
        }
    }

    [Fact]
    public void The_implied_rise_across_30_to_70_C_matches_the_paper_consistency_note()
    {
        double span = ((1 / 303.15) - (1 / 343.15)) / PhysicalConstants.BoltzmannConstantInElectronVoltsPerKelvin;
        Assert.Equal(1.5, Math.Exp(0.09 * span), 0.05);
        Assert.Equal(2.9, Math.Exp(0.24 * span), 0.05);
    }
}
