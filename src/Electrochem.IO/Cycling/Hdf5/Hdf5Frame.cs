namespace Electrochem.IO.Cycling.Hdf5;

/// <summary>
/// A pandas frame found in an HDF5 file: its group's path, its layout (<c>fixed</c> or <c>table</c>), its row count and
/// its columns in the frame's order (the index is not a column). Blocks that could not be read (pickled Python objects)
/// are listed in <see cref="Unread"/> so that nothing is dropped silently.
/// </summary>
internal sealed record Hdf5Frame(string Path, string Layout, int RowCount, List<Hdf5Column> Columns, List<string> Unread)
{
    /// <summary>The group's last path segment (e.g. <c>data_df</c>).</summary>
    internal string Name => Path[(Path.LastIndexOf('/') + 1)..];

    internal Hdf5Column? Find(string name) => Columns.Find(c => c.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
}
