namespace Electrochem.IO.Cycling.Hdf5;

/// <summary>One column of a pandas frame stored in an HDF5 file: numbers (integers, floats and booleans as doubles) or text.</summary>
internal sealed record Hdf5Column(string Name, double[]? Numbers, string?[]? Texts);
