namespace Electrochem.Diffusion;

/// <summary>The shape of the domain the inserted species diffuses in.</summary>
public enum DiffusionGeometry
{
    /// <summary>A film of thickness L: the species enters through one face, the other is blocking (zero flux). Diffusion length L.</summary>
    Planar,

    /// <summary>Spherical particles of radius r, entered through their whole surface. Diffusion length (volume/surface) r/3.</summary>
    Spherical,
}
