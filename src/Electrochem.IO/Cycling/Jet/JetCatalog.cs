namespace Electrochem.IO.Cycling.Jet;

/// <summary>
/// The user tables of a Jet 4 database, from its catalog <c>MSysObjects</c> (whose definition is always on page 2):
/// rows of type 1 (a local table) without the system flags (0x80000000, 0x00000002); a table's definition page is
/// the low three bytes of its <c>Id</c>.
/// </summary>
internal static class JetCatalog
{
    private const int CatalogPage = 2;
    private const uint SystemFlags = 0x8000_0002;

    /// <summary>The user tables, name → definition page, in catalog order.</summary>
    internal static IReadOnlyDictionary<string, int> Tables(JetFile file, CancellationToken cancellationToken)
    {
        JetTable catalog = JetTable.Read(file, "MSysObjects", CatalogPage);
        JetColumn id = Required(file, catalog, "Id");
        JetColumn name = Required(file, catalog, "Name");
        JetColumn type = Required(file, catalog, "Type");
        JetColumn flags = Required(file, catalog, "Flags");
        var tables = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        catalog.ForEachRow(
            row =>
            {
                if (row.Number(type) != 1 || row.Text(name) is not { Length: > 0 } table)
                {
                    return;
                }

                double flagValue = row.Number(flags);
                double idValue = row.Number(id);
                if (double.IsNaN(idValue) || (!double.IsNaN(flagValue) && (unchecked((uint)(int)flagValue) & SystemFlags) != 0))
                {
                    return;
                }

                tables.TryAdd(table, unchecked((int)idValue) & 0x00FF_FFFF);
            },
            cancellationToken);
        return tables;
    }

    private static JetColumn Required(JetFile file, JetTable catalog, string name) =>
        catalog.Column(name) ?? throw file.Fail($"the catalog (MSysObjects, page {CatalogPage}) has no '{name}' column; this is not a Jet 4 database this reader understands, or it is damaged");
}
