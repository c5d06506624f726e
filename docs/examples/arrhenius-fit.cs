// Fit the Arrhenius law to conductivity against temperature and print E_a with its uncertainty. Run from the
// repository root:
//   dotnet run docs/examples/arrhenius-fit.cs -- docs/notebooks/data/ispn-pta-sigma-vs-T.csv
// Expect: 9 points from docs/notebooks/data/ispn-pta-sigma-vs-T.csv
// Expect: E_a = 0.086 ± 0.005 eV
// Expect: status: Converged
#:project ../../src/Electrochem.IO/Electrochem.IO.csproj
using Electrochem.Fitting;
using Electrochem.IO.Transport;
using Electrochem.Transport;

string path = args.Length > 0 ? args[0] : "docs/notebooks/data/ispn-pta-sigma-vs-T.csv";
ConductivityTable table = ConductivityTable.Read(path);
FitResult<Arrhenius> fit = Arrhenius.Fit(table.TemperatureKelvin.AsSpan(), table.Conductivity.AsSpan(), ArrheniusForm.Conductivity, table.ConductivityStandardUncertainty.AsSpan());
ParameterEstimate ea = fit.ActivationEnergyElectronVolts();
Console.WriteLine($"{table.TemperatureKelvin.Length} points from {path}");
Console.WriteLine($"E_a = {ea.Value:F3} ± {ea.StandardError:F3} eV (95 % CI {ea.ConfidenceLower:F3} to {ea.ConfidenceUpper:F3} eV), {fit.ActivationEnergyKilojoulesPerMole().Value:F1} kJ/mol");
Console.WriteLine($"status: {fit.Status}");
