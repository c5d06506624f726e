namespace Electrochem.IO.Tables;

/// <summary>
/// The physical dimension of a column's unit, and the base unit <see cref="MeasurementUnit"/> converts to for it.
/// </summary>
public enum UnitDimension
{
    /// <summary>Time; base unit second (s). Also ms, min, h, d.</summary>
    Time,

    /// <summary>Electric current; base unit ampere (A). Also mA, µA, nA, kA.</summary>
    Current,

    /// <summary>Electric potential; base unit volt (V). Also mV, µV, kV.</summary>
    Voltage,

    /// <summary>Electric charge as batteries count it; base unit ampere-hour (Ah). Also mAh, µAh, A.h, C (coulomb), mC, As.</summary>
    Charge,

    /// <summary>Energy; base unit watt-hour (Wh). Also mWh, µWh, kWh, W.h, J, kJ, mJ.</summary>
    Energy,

    /// <summary>Temperature; base unit kelvin (K). Also °C (and C, degC), °F.</summary>
    Temperature,

    /// <summary>Power; base unit watt (W). Also mW, µW, kW.</summary>
    Power,

    /// <summary>Resistance or impedance; base unit ohm (Ω). Also mΩ, kΩ, MΩ, ohm, Ohm.</summary>
    Resistance,

    /// <summary>Frequency; base unit hertz (Hz). Also mHz, kHz, MHz.</summary>
    Frequency,

    /// <summary>Current density; base unit ampere per square metre (A/m²). Also A/cm², mA/cm², µA/cm², mA/m².</summary>
    CurrentDensity,

    /// <summary>Conductivity; base unit siemens per metre (S/m). Also S/cm, mS/cm, µS/cm, mS/m.</summary>
    Conductivity,

    /// <summary>Mass; base unit gram (g), the battery convention. Also mg, µg, kg.</summary>
    Mass,

    /// <summary>Capacitance; base unit farad (F). Also mF, µF, nF, pF.</summary>
    Capacitance,

    /// <summary>Plane angle; base unit degree (°). Also deg, rad.</summary>
    Angle,

    /// <summary>A pure number: <c>1</c>, <c>-</c>, or a percentage (<c>%</c>, kept as written: scale 1).</summary>
    Dimensionless,
}
