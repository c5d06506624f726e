// Draws the figures shown in docs/plotting.md from the notebooks' example data into a folder. Run from the
// repository root:
//   dotnet run docs/examples/gallery.cs -- docs/images
// Expect: wrote nyquist.png
// Expect: wrote drt.png
// Expect: wrote arrhenius.png
// Expect: wrote tafel.png
// Expect: wrote capacity.png
// Expect: wrote bruce-vincent.png
// Expect: wrote dqdv.png
// Expect: wrote gitt-voltage.png
// Expect: wrote gitt-diffusivity.png
// Expect: wrote stability-window.png
#:project ../../src/Electrochem.IO/Electrochem.IO.csproj
#:project ../../src/Electrochem.Plotting/Electrochem.Plotting.csproj
using Electrochem.Fitting;
using Electrochem.Impedance;
using Electrochem.Impedance.Drt;
using Electrochem;
using Electrochem.Cycling;
using Electrochem.Diffusion;
using Electrochem.Voltammetry;
using Electrochem.IO.Cycling;
using Electrochem.IO.Impedance;
using Electrochem.IO.Kinetics;
using Electrochem.IO.Transport;
using Electrochem.Kinetics;
using Electrochem.Plotting;
using Electrochem.Plotting.Cycling;
using Electrochem.Plotting.Impedance;
using Electrochem.Plotting.Kinetics;
using Electrochem.Plotting.Transport;
using Electrochem.Plotting.Voltammetry;
using Electrochem.Transport;

string folder = args.Length > 0 ? args[0] : "docs/images";
Directory.CreateDirectory(folder);
ImpedanceSpectrum spectrum = ImpedanceFile.Read("docs/notebooks/data/ispn-pta-li-li-eis-200h.csv").Spectrum;
FitResult<CircuitModel> fit = CircuitModel.Fit(Circuit.Parse("R0-p(R1,CPE1)-p(R2,CPE2)"), spectrum, CircuitFitOptions.Default with { GlobalStarts = 30, Seed = 1 });
LinearKramersKronigResult kk = LinearKramersKronig.Test(spectrum, LinearKramersKronigOptions.Default);
DrtResult drt = DistributionOfRelaxationTimes.Compute(spectrum, new DrtOptions(FitInductance: false) { CredibleBandSamples = 1000 });

void Save(string name, Figure figure)
{
    figure.Save(Path.Combine(folder, name));
    Console.WriteLine($"wrote {name}");
}

Save("nyquist.png", ImpedanceFigures.Nyquist(spectrum, fit));
Save("bode.png", ImpedanceFigures.Bode(spectrum, fit));
Save("residuals-fit.png", ImpedanceFigures.Residuals(spectrum, fit));
Save("residuals-lin-kk.png", ImpedanceFigures.Residuals(spectrum, kk));
var materials = new List<(string Label, double[] TemperatureKelvin, double[] Conductivity, FitResult<Arrhenius> Fit)>();
foreach ((string label, string file) in new[] { ("Base-PTA", "base-pta"), ("ISPN-PTA", "ispn-pta") })
{
    ConductivityTable table = ConductivityTable.Read($"docs/notebooks/data/{file}-sigma-vs-T.csv");
    double[] kelvin = [.. table.TemperatureKelvin];
    double[] sigma = [.. table.Conductivity];
    materials.Add((label, kelvin, sigma, Arrhenius.Fit(kelvin, sigma, ArrheniusForm.Conductivity, table.ConductivityStandardUncertainty.AsSpan())));
}

Save("arrhenius.png", ArrheniusFigures.Arrhenius(materials, "S/cm"));
Save("arrhenius-vs-vtf.png", ArrheniusFigures.Arrhenius(materials[0].TemperatureKelvin, materials[0].Conductivity, ConductivityModelComparison.Compare(materials[0].TemperatureKelvin, materials[0].Conductivity), "S/cm"));
// The demo's synthetic files (src/Electrochem.Cli/Demo/Data, `electrochem demo --export-data` writes the same).
PolarizationCurveTable sweep = PolarizationCurveTable.Read("src/Electrochem.Cli/Demo/Data/ispn-pta-li-li-sweep.csv");
TafelResult tafel = TafelAnalysis.AnalyzeSymmetricCell(sweep.VoltageVolts.AsSpan(), sweep.Current.AsSpan(), 1, 301.15);
Save("tafel.png", KineticsFigures.Tafel(tafel, sweep.VoltageVolts.AsSpan(), sweep.Current.AsSpan(), sweep.CurrentUnit.Symbol));
CyclerRecording cycling = CyclerFile.Read("src/Electrochem.Cli/Demo/Data/ispn-pta-lfp-li-2C-cycling.csv");
CycleTable cycles = CycleTable.From(cycling, new CycleTableOptions(EfficiencyConvention.ChargeFirst) { ActiveMassGrams = 0.003 });
Save("capacity.png", CyclingFigures.Capacity(cycles));
ChronoamperometryTable trace = ChronoamperometryTable.Read("docs/notebooks/data/ispn-pta-chronoamperometry.csv");
var resistances = new PolarizationResistances(new Measurement(58, 0.58), new Measurement(59, 0.59), new Measurement(215, 2.15), new Measurement(225, 2.25));
BruceVincentResult bruceVincent = BruceVincent.Analyze(trace.TimeSeconds.AsSpan(), trace.CurrentAmperes.AsSpan(), new Measurement(0.010, 0.0001), resistances);
Save("bruce-vincent.png", TransferenceFigures.Chronoamperometry(bruceVincent, trace.TimeSeconds.AsSpan(), trace.CurrentAmperes.AsSpan()));
CyclerRecording rate = CyclerFile.Read("src/Electrochem.Cli/Demo/Data/ispn-pta-lfp-li-rate.csv");
CycleSummary[] rateCycles = [.. CycleTable.From(rate, new CycleTableOptions(EfficiencyConvention.ChargeFirst) { ActiveMassGrams = 0.003, NominalCapacityAmpereHours = 0.003 * 0.17 }).Cycles
    .Where(c => c.Anomalies == CycleAnomalies.None && c.DischargeCRate is not null)];
double[] rates = [.. rateCycles.Select(c => c.DischargeCRate!.Value)];
double[] rateCapacity = [.. rateCycles.Select(c => c.SpecificDischargeCapacity!.Value)];
Save("rate-capability.png", CyclingFigures.RateCapability(rates, rateCapacity, "mA·h/g", RateCapability.Fit(rates, rateCapacity)));
Save("drt.png", DrtFigures.Distribution(drt, (spectrum.MinimumFrequency, spectrum.MaximumFrequency), DrtPeaks.Find(drt)));
// dQ/dV of a real silicon half cell (cellpy's Arbin test file, MIT licence; tests/Electrochem.IO.Tests/Data/cycling/cellpy).
CyclerRecording silicon = CyclerFile.Read("tests/Electrochem.IO.Tests/Data/cycling/cellpy/20160805_test001_45_cc_01.Channel_Normal_Table.csv");
CycleTable siliconCycles = CycleTable.From(silicon, new CycleTableOptions(EfficiencyConvention.DischargeFirst));
Save("dqdv.png", CyclingFigures.DifferentialCapacity([.. Enumerable.Range(0, 3).Select(k => 2 + (7 * k)).Select(c => ($"cycle {c}", DifferentialCapacity.ForCycle(silicon, siliconCycles, c, charge: true)))], "mA·h"));
// GITT on a simulated titration whose D(x) is known (the same run as docs/notebooks/gitt-diffusion.ipynb).
const double radius = 7e-6;
var electrode = new InsertionElectrode(
    DiffusionGeometry.Spherical, radius, InsertionElectrode.ParticleSurfaceArea(radius, 0.5, 40e-6, 1.54e-4), 48_230, 0.95,
    Diffusivity.FromFunction(x => 1e-15 * Math.Pow(10, 2.5 * (0.95 - x)), "1e-15·10^(2.5(0.95−x))"),
    OpenCircuitCurve.FromFunction(x => 4.35 - (0.9 * (x - 0.3)) - (0.3 * (x - 0.3) * (x - 0.3)), 0.3, 1.0, "4.35 − 0.9(x − 0.3) − 0.3(x − 0.3)² V"),
    ChargingDirection.Extraction) { SeriesResistanceOhms = 12 };
double pulseAmperes = 0.01 * electrode.AmpereHoursPerUnitStoichiometry * 3600 / 120;
TitrationSimulation titration = TitrationSimulator.Simulate(electrode, TitrationProgram.Gitt(pulseAmperes, 120, 3 * 3600, 15), new DiffusionSolverOptions { Cells = 40, MaximumTimeStepSeconds = 10, SampleIntervalSeconds = 10 });
GittTitration gitt = GittAnalysis.Analyse(titration.Recording, new GittOptions { DiffusionLengthMetres = WeppnerHuggins.LengthFromSphereRadius(radius), Geometry = DiffusionGeometry.Spherical });
Save("gitt-voltage.png", GittFigures.Voltage(gitt, titration.Recording));
Save("gitt-diffusivity.png", GittFigures.Diffusivity(gitt));
CyclerRecording lsv = CyclerFile.Read("src/Electrochem.Cli/Demo/Data/ispn-pta-ss-li-lsv.mpt");
StabilityWindow window = StabilityWindow.Analyse(lsv.Voltage.Values, lsv.Current.Values, lsv.TestTime.Values, new StabilityWindowOptions { AreaSquareMetres = 1e-4 });
Save("stability-window.png", VoltammetryFigures.LinearSweep(window, lsv.Voltage.Values, lsv.Current.Values));
