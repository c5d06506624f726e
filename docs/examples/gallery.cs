// Draws the figures shown in docs/plotting.md from the notebooks' example data into a folder. Run from the
// repository root:
//   dotnet run docs/examples/gallery.cs -- docs/images
// Expect: wrote nyquist.png
// Expect: wrote drt.png
#:project ../../src/Electrochem.IO/Electrochem.IO.csproj
#:project ../../src/Electrochem.Plotting/Electrochem.Plotting.csproj
using Electrochem.Fitting;
using Electrochem.Impedance;
using Electrochem.Impedance.Drt;
using Electrochem.IO.Impedance;
using Electrochem.Plotting;
using Electrochem.Plotting.Impedance;

string folder = args.Length > 0 ? args[0] : "docs/images";
Directory.CreateDirectory(folder);
ImpedanceSpectrum spectrum = ImpedanceFile.Read("docs/notebooks/data/ispn-pta-li-li-eis-200h.csv").Spectrum;
FitResult<CircuitModel> fit = CircuitModel.Fit(Circuit.Parse("R0-p(R1,CPE1)-p(R2,CPE2)"), spectrum, CircuitFitOptions.Default with { GlobalStarts = 30, Seed = 1 });
LinearKramersKronigResult kk = LinearKramersKronig.Test(spectrum, LinearKramersKronigOptions.Default);
DrtResult drt = DistributionOfRelaxationTimes.Compute(spectrum, new DrtOptions { CredibleBandSamples = 1000 });

void Save(string name, Figure figure)
{
    figure.Save(Path.Combine(folder, name));
    Console.WriteLine($"wrote {name}");
}

Save("nyquist.png", ImpedanceFigures.Nyquist(spectrum, fit));
Save("bode.png", ImpedanceFigures.Bode(spectrum, fit));
Save("residuals-fit.png", ImpedanceFigures.Residuals(spectrum, fit));
Save("residuals-lin-kk.png", ImpedanceFigures.Residuals(spectrum, kk));
Save("drt.png", DrtFigures.Distribution(drt, (spectrum.MinimumFrequency, spectrum.MaximumFrequency), DrtPeaks.Find(drt)));
