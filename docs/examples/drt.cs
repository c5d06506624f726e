// The distribution of relaxation times of an impedance spectrum with λ by generalised cross-validation, its λ
// sensitivity, and the figure. Run from the repository root:
//   dotnet run docs/examples/drt.cs -- docs/notebooks/data/ispn-pta-li-li-eis-200h.csv drt.svg
// Expect: λ by Gcv
// Expect: R_pol = 23
// Expect: wrote drt.svg
#:project ../../src/Electrochem.IO/Electrochem.IO.csproj
#:project ../../src/Electrochem.Plotting/Electrochem.Plotting.csproj
using Electrochem.Impedance;
using Electrochem.Impedance.Drt;
using Electrochem.IO.Impedance;
using Electrochem.Plotting.Impedance;

string path = args.Length > 0 ? args[0] : "docs/notebooks/data/ispn-pta-li-li-eis-200h.csv";
string figure = args.Length > 1 ? args[1] : "drt.svg";
ImpedanceSpectrum spectrum = ImpedanceFile.Read(path).Spectrum;
DrtResult drt = DistributionOfRelaxationTimes.Compute(spectrum, new DrtOptions());
Console.WriteLine($"λ by {drt.Criterion} = {drt.Lambda:G3}; R_∞ = {drt.SeriesResistance:F2} Ω; R_pol = {drt.PolarizationResistance:F1} Ω; σ̂ = {drt.NoiseStandardDeviation:G3} Ω");
Console.WriteLine($"highest γ at λ/10, λ, 10λ: {drt.GammaAtTenthLambda.Max():F1}, {drt.GammaOnGrid.Max():F1}, {drt.GammaAtTenfoldLambda.Max():F1} Ω");
foreach (string warning in drt.Warnings)
{
    Console.WriteLine($"warning: {warning}");
}

DrtFigures.Distribution(drt, (spectrum.MinimumFrequency, spectrum.MaximumFrequency)).Save(figure);
Console.WriteLine($"wrote {figure}");
