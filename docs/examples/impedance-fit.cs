// Fit an equivalent circuit to an impedance file, print the parameters with their uncertainties, and draw the Nyquist
// plot with the fit. Run from the repository root:
//   dotnet run docs/examples/impedance-fit.cs -- docs/notebooks/data/ispn-pta-li-li-eis-200h.csv "R0-p(R1,CPE1)-p(R2,CPE2)" nyquist.png
// Expect: 71 points
// Expect: R0 = 57.98 ± 0.1 Ω
// Expect: status: Converged
// Expect: wrote nyquist.png
#:project ../../src/Electrochem.IO/Electrochem.IO.csproj
#:project ../../src/Electrochem.Plotting/Electrochem.Plotting.csproj
using Electrochem.Fitting;
using Electrochem.Impedance;
using Electrochem.IO.Impedance;
using Electrochem.Plotting.Impedance;

string path = args.Length > 0 ? args[0] : "docs/notebooks/data/ispn-pta-li-li-eis-200h.csv";
Circuit circuit = Circuit.Parse(args.Length > 1 ? args[1] : "R0-p(R1,CPE1)-p(R2,CPE2)");
string figure = args.Length > 2 ? args[2] : "nyquist.png";

ImpedanceSpectrum spectrum = ImpedanceFile.Read(path).Spectrum;
FitResult<CircuitModel> fit = CircuitModel.Fit(circuit, spectrum, CircuitFitOptions.Default with { GlobalStarts = 30, Seed = 1 });
Console.WriteLine($"{spectrum.Count} points, {circuit}");
foreach (ParameterEstimate p in fit.Parameters)
{
    Console.WriteLine($"{p.Name} = {p.Value:G4} ± {p.StandardError:G2} {p.Unit}");
}

Console.WriteLine($"status: {fit.Status}, reduced χ² = {fit.Statistics.ReducedChiSquare:G3}");
ImpedanceFigures.Nyquist(spectrum, fit).Save(figure);
Console.WriteLine($"wrote {figure}");
