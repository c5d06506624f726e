using System.CommandLine;
using System.Globalization;
using Electrochem.Cli.Formatting;
using Electrochem.Diffusion;

namespace Electrochem.Cli.Gitt;

/// <summary>The diffusion-length options <c>gitt</c> and <c>ici</c> share: <c>--length</c>, <c>--radius</c>, or <c>--mass --molar-mass --molar-volume --area</c>.</summary>
internal sealed class GittArguments
{
    private readonly Option<string?> _length = new("--length") { Description = "Diffusion length of a film (its thickness), with a unit: 10um, 0.5mm, 1e-5m." };
    private readonly Option<string?> _radius = new("--radius") { Description = "Radius of spherical particles, with a unit (5um); the diffusion length is r/3, the volume-to-surface ratio, and the bias is a sphere's." };
    private readonly Option<string?> _mass = new("--mass") { Description = "Active mass m_B with a unit (3.0mg), for L = m_B·V_M/(M_B·S)." };
    private readonly Option<double?> _molarMass = new("--molar-mass") { Description = "Molar mass M_B in g/mol (97.87 for NCM622's formula unit)." };
    private readonly Option<double?> _molarVolume = new("--molar-volume") { Description = "Molar volume V_M in cm³/mol (M_B/ρ)." };
    private readonly Option<string?> _area = new("--area") { Description = "Electrode–electrolyte area S with a unit (1.54cm2)." };
    private readonly Option<double> _lengthUncertainty = new("--length-uncertainty") { Description = "Relative standard uncertainty of the diffusion length in % (default 0), carried into D as 2·u_L/L.", DefaultValueFactory = _ => 0 };

    internal void AddTo(Command command)
    {
        command.Options.Add(_length);
        command.Options.Add(_radius);
        command.Options.Add(_mass);
        command.Options.Add(_molarMass);
        command.Options.Add(_molarVolume);
        command.Options.Add(_area);
        command.Options.Add(_lengthUncertainty);
    }

    /// <summary>The diffusion length (m), its geometry and how it was obtained, or null when no geometry was given.</summary>
    internal (Measurement Length, DiffusionGeometry Geometry, string Description)? Length(ParseResult parse)
    {
        string? length = parse.GetValue(_length), radius = parse.GetValue(_radius), mass = parse.GetValue(_mass), area = parse.GetValue(_area);
        double? molarMass = parse.GetValue(_molarMass), molarVolume = parse.GetValue(_molarVolume);
        bool stoichiometric = mass is not null || molarMass is not null || molarVolume is not null || area is not null;
        int given = (length is null ? 0 : 1) + (radius is null ? 0 : 1) + (stoichiometric ? 1 : 0);
        if (given > 1)
        {
            throw new ArgumentException("give the diffusion length one way: --length, --radius, or --mass with --molar-mass, --molar-volume and --area.");
        }

        double relative = parse.GetValue(_lengthUncertainty);
        if (!(relative >= 0) || !double.IsFinite(relative))
        {
            throw new ArgumentException($"--length-uncertainty is {relative.ToString(CultureInfo.InvariantCulture)}; expected a percentage of 0 or more.");
        }

        Measurement l;
        string how;
        DiffusionGeometry geometry = DiffusionGeometry.Planar;
        if (length is not null)
        {
            l = QuantityText.Metres(length, "--length");
            how = "film thickness";
        }
        else if (radius is not null)
        {
            l = WeppnerHuggins.LengthFromSphereRadius(QuantityText.Metres(radius, "--radius"));
            how = "r/3 of spheres of radius " + radius.Trim();
            geometry = DiffusionGeometry.Spherical;
        }
        else if (stoichiometric)
        {
            if (mass is null || molarMass is null || molarVolume is null || area is null)
            {
                throw new ArgumentException("L = m_B·V_M/(M_B·S) needs all four of --mass, --molar-mass, --molar-volume and --area.");
            }

            l = WeppnerHuggins.LengthFromMolarVolume(QuantityText.Grams(mass, "--mass"), molarMass.Value, molarVolume.Value, QuantityText.SquareMetres(area, "--area") * 1e4);
            how = "m_B·V_M/(M_B·S)";
        }
        else
        {
            return null;
        }

        return (new Measurement(l.Value, l.Value * relative / 100), geometry, how);
    }

    /// <summary>Parses a window <c>a:b</c> (s after the pulse or interruption began; either end may be left out).</summary>
    internal static (double Start, double? End) Window(string? text)
    {
        if (text is null)
        {
            return (0, null);
        }

        int colon = text.IndexOf(':', StringComparison.Ordinal);
        string a = colon < 0 ? string.Empty : text[..colon].Trim(), b = colon < 0 ? string.Empty : text[(colon + 1)..].Trim();
        bool okA = a.Length == 0 || double.TryParse(a, NumberStyles.Float, CultureInfo.InvariantCulture, out _);
        bool okB = b.Length == 0 || double.TryParse(b, NumberStyles.Float, CultureInfo.InvariantCulture, out _);
        if (colon < 0 || !okA || !okB)
        {
            throw new ArgumentException($"--window is '{text}'; expected START:END in seconds after the current step began (e.g. 2:60, 0:, :30).");
        }

        double start = a.Length == 0 ? 0 : double.Parse(a, CultureInfo.InvariantCulture);
        double? end = b.Length == 0 ? null : double.Parse(b, CultureInfo.InvariantCulture);
        return (start, end);
    }
}
