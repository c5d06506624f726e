namespace Electrochem.IO.Transport;

/// <summary>The unit of a temperature column in a data file.</summary>
public enum TemperatureUnit
{
    /// <summary>Kelvin (K); values must be greater than 0.</summary>
    Kelvin,

    /// <summary>Degrees Celsius (°C); values must be above −273.15. Converted with T[K] = T[°C] + 273.15.</summary>
    Celsius,
}
