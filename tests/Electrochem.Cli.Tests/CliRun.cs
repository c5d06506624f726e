using System.Globalization;
using System.Text;
using Electrochem.Constants;

namespace Electrochem.Cli.Tests;

/// <summary>The outcome of one in-process run of the tool.</summary>
internal sealed record CliRun(int ExitCode, string Stdout, string Stderr)
{
    public static CliRun Of(params string[] args)
    {
        using var stdout = new StringWriter(CultureInfo.InvariantCulture);
        using var stderr = new StringWriter(CultureInfo.InvariantCulture);
        int exit = CliApplication.Run(args, stdout, stderr);
        return new CliRun(exit, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Noise-free Arrhenius data (σ form) written to a temporary file; returns the path.</summary>
    public static string WriteArrheniusFile(string folder, double activationEnergy, double sigmaAt300K, string name = "sigma.csv", bool celsius = false)
    {
        var text = new StringBuilder(celsius ? "T (°C),sigma (S/cm)\n" : "T (K),sigma (S/cm)\n");
        for (int celsiusPoint = 30; celsiusPoint <= 70; celsiusPoint += 5)
        {
            double kelvin = celsiusPoint + 273.15;
            double sigma = sigmaAt300K * Math.Exp(-activationEnergy / PhysicalConstants.BoltzmannConstantInElectronVoltsPerKelvin * ((1 / kelvin) - (1 / 300.0)));
            string t = celsius ? celsiusPoint.ToString(CultureInfo.InvariantCulture) : kelvin.ToString("R", CultureInfo.InvariantCulture);
            text.Append(t).Append(',').Append(sigma.ToString("R", CultureInfo.InvariantCulture)).Append('\n');
        }

        string path = Path.Combine(folder, name);
        File.WriteAllText(path, text.ToString());
        return path;
    }
}
