using Electrochem.Constants;

namespace Electrochem.Kinetics;

/// <summary>Checks and constants shared by the electrode-kinetics models and analyses.</summary>
internal static class KineticsData
{
    /// <summary>ln 10, the factor between natural and decadic logarithms (a Tafel slope b in V/decade is ln10/(α·n·f)).</summary>
    internal const double Ln10 = 2.302585092994046;

    /// <summary>n·F/(R·T) in V⁻¹.</summary>
    internal static double ReciprocalThermalVoltage(int electronCount, double temperatureKelvin) =>
        electronCount * PhysicalConstants.FaradayConstant / (PhysicalConstants.MolarGasConstant * temperatureKelvin);

    internal static void CheckElectronCount(int electronCount, string name = "electronCount")
    {
        if (electronCount < 1)
        {
            throw new ArgumentOutOfRangeException(name, electronCount, $"{name} must be the number of electrons transferred, 1 or more, but was {electronCount}.");
        }
    }

    internal static void CheckTemperature(double temperatureKelvin, string name = "temperatureKelvin")
    {
        if (!(temperatureKelvin > 0) || !double.IsFinite(temperatureKelvin))
        {
            throw new ArgumentOutOfRangeException(name, temperatureKelvin,
                $"{name} must be a finite absolute temperature greater than 0 K but was {Preconditions.Format(temperatureKelvin)} K.");
        }
    }

    internal static void CheckTransferCoefficient(double value, string name)
    {
        if (!(value > 0) || !double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be a finite transfer coefficient greater than zero (typically 0.3–0.7) but was {Preconditions.Format(value)}.");
        }
    }

    internal static void CheckLimitingCurrent(double value, string name)
    {
        if (!(value > 0) || double.IsNaN(value))
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be a limiting current-density magnitude greater than zero (+∞ for no mass-transport limit) but was {Preconditions.Format(value)}.");
        }
    }
}
