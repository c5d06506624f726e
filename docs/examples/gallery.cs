// Draws the figures shown in docs/plotting.md from the notebooks' example data into a folder. Run from the
// repository root:
//   dotnet run docs/examples/gallery.cs -- docs/images
// Expect: wrote nyquist.png
// Expect: wrote drt.png
// Expect: wrote arrhenius.png
// Expect: wrote tafel.png
// Expect: wrote capacity.png
// Expect: wrote bruce-vincent.png
#:project ../../src/Electrochem.IO/Electrochem.IO.csproj
#:project ../../src/Electrochem.Plotting/Electrochem.Plotting.csproj
using Electrochem.Fitting;
using Electrochem.Impedance;
using Electrochem.Impedance.Drt;
using Electrochem;
using Electrochem.Cycling;
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
