using System.Globalization;
using System.Text;
using PureHDF;

namespace Electrochem.IO.Cycling.Hdf5;

/// <summary>
/// Finds and reads the pandas frames of an HDF5 file (pandas' <c>HDFStore</c>, written through PyTables): groups whose
/// <c>pandas_type</c> attribute is <c>frame</c> (the fixed layout: <c>axis0</c> names the columns, <c>axis1</c> is
/// the index, and each dtype block is a <c>blockN_items</c> / <c>blockN_values</c> pair) or <c>frame_table</c> (the
/// table layout: a compound dataset <c>table</c> whose <c>values_block_N</c> members hold the columns named in the
/// <c>values_block_N_kind</c> attributes, and data columns as members of their own). Every dataset's size is checked
/// against the file's length before anything is allocated; a problem is a <see cref="DataFileException"/> naming the
/// dataset.
/// </summary>
internal sealed class Hdf5FrameReader(string source, long fileLength)
{
    /// <summary>How deep below the root groups are searched for frames.</summary>
    internal const int MaximumDepth = 4;
    private const int MaximumObjects = 4096;

    /// <summary>Chunked (possibly compressed) data may be larger than the file, but not without bound.</summary>
    internal const long CompressionAllowance = 64;

    private int _visited;

    internal DataFileException Fail(string problem) => new(source, 1, problem);

    /// <summary>The pandas frames under <paramref name="group"/> (path and layout), and the paths of every dataset seen, for messages.</summary>
    internal void Find(IH5Group group, string path, int depth, List<(string Path, IH5Group Group, string Layout)> frames, List<string> datasets, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (PandasType(group) is { } type)
        {
            frames.Add((path.Length == 0 ? "/" : path, group, type));
            return;
        }

        if (depth >= MaximumDepth)
        {
            return;
        }

        foreach (IH5Object child in group.Children())
        {
            if (++_visited > MaximumObjects)
            {
                throw Fail($"the HDF5 file holds more than {MaximumObjects} groups and datasets near its root; it is not a cycler's data export");
            }

            string childPath = $"{path}/{child.Name}";
            if (child is IH5Group sub)
            {
                Find(sub, childPath, depth + 1, frames, datasets, cancellationToken);
            }
            else if (child is IH5Dataset)
            {
                datasets.Add(childPath);
            }
        }
    }

    /// <summary>Reads one frame.</summary>
    internal Hdf5Frame Read(string path, IH5Group group, string layout, CancellationToken cancellationToken) =>
        layout == "frame_table" ? ReadTable(path, group, cancellationToken) : ReadFixed(path, group, cancellationToken);

    private static string? PandasType(IH5Object item)
    {
        string? type = item.AttributeExists("pandas_type") ? StringAttribute(item.Attribute("pandas_type")) : null;
        return type is "frame" or "frame_table" ? type : null;
    }

    private static string? StringAttribute(IH5Attribute attribute) =>
        attribute.Type.Class is H5DataTypeClass.String or H5DataTypeClass.VariableLength && attribute.Space.Dimensions.Length == 0 ? attribute.Read<string>() : null;

    private Hdf5Frame ReadFixed(string path, IH5Group group, CancellationToken cancellationToken)
    {
        if (!group.LinkExists("axis1"))
        {
            throw Fail($"the pandas frame '{path}' has no 'axis1' (its index), so its row count is unknown");
        }

        IH5Dataset index = group.Dataset("axis1");
        int rows = Length(index, $"{path}/axis1");
        int blocks = 0;
        while (group.LinkExists($"block{blocks}_items"))
        {
            blocks++;
        }

        var columns = new List<Hdf5Column>();
        var unread = new List<string>();
        for (int b = 0; b < blocks; b++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            string itemsPath = $"{path}/block{b}_items";
            string valuesPath = $"{path}/block{b}_values";
            string[] items = Strings(group.Dataset($"block{b}_items"), itemsPath);
            if (!group.LinkExists($"block{b}_values"))
            {
                throw Fail($"the pandas frame '{path}' names columns in '{itemsPath}' but has no '{valuesPath}'");
            }

            IH5Dataset values = group.Dataset($"block{b}_values");
            IH5DataType type = values.Type;
            if (!Hdf5Values.IsNumeric(type))
            {
                unread.Add($"{string.Join(", ", items.Select(i => $"'{i}'"))} ('{valuesPath}', HDF5 {type.Class} of {type.Size} bytes{(type.Class == H5DataTypeClass.VariableLength ? ": Python objects pickled by pandas" : string.Empty)})");
                continue;
            }

            ulong[] dims = values.Space.Dimensions;
            bool rowMajor = dims is [var dr, var dc] && dr == (ulong)rows && dc == (ulong)items.Length;
            bool columnMajor = dims is [var c2, var r2] && c2 == (ulong)items.Length && r2 == (ulong)rows;
            if (items.Length == 0 || (!rowMajor && !columnMajor))
            {
                throw Fail($"the dataset '{valuesPath}' has shape [{string.Join(", ", dims)}], but its frame has {rows} rows and '{itemsPath}' names {items.Length} columns");
            }

            byte[] bytes = Bytes(values, valuesPath);
            int size = type.Size is var s and > 0 ? (int)s : throw Fail($"the dataset '{valuesPath}' has elements of 0 bytes");
            double[][] numbers = Hdf5Values.Columns(bytes, type.Class, size, Hdf5Values.IsSigned(type), rows, items.Length, rowMajor);
            for (int c = 0; c < items.Length; c++)
            {
                columns.Add(new Hdf5Column(items[c], numbers[c], null));
            }
        }

        if (group.LinkExists("axis0"))
        {
            // The frame's column order is axis0's; blocks group the columns by dtype.
            string[] order = Strings(group.Dataset("axis0"), $"{path}/axis0");
            columns.Sort((x, y) => Rank(order, x.Name).CompareTo(Rank(order, y.Name)));
        }

        return new Hdf5Frame(path, "fixed", rows, columns, unread);
    }

    private static int Rank(string[] order, string name) => Array.IndexOf(order, name) is int i and >= 0 ? i : int.MaxValue;

    private Hdf5Frame ReadTable(string path, IH5Group group, CancellationToken cancellationToken)
    {
        if (!group.LinkExists("table"))
        {
            throw Fail($"the pandas table '{path}' has no 'table' dataset");
        }

        string tablePath = $"{path}/table";
        IH5Dataset table = group.Dataset("table");
        if (table.Type.Class != H5DataTypeClass.Compound)
        {
            throw Fail($"the dataset '{tablePath}' is an HDF5 {table.Type.Class}, not the compound rows of a pandas table");
        }

        int rows = Length(table, tablePath);
        int recordSize = (int)table.Type.Size;
        byte[] bytes = Bytes(table, tablePath);
        var columns = new List<Hdf5Column>();
        var unread = new List<string>();
        foreach (CompoundMember member in table.Type.Compound.Members)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (member.Name == "index")
            {
                continue;
            }

            IH5DataType type = member.Type;
            int count = 1;
            IH5DataType element = type;
            if (type.Class == H5DataTypeClass.Array)
            {
                element = type.Array.BaseType;
                count = element.Size > 0 ? (int)(type.Size / element.Size) : 0;
            }

            string[] names = member.Name.StartsWith("values_block_", StringComparison.Ordinal) && table.AttributeExists($"{member.Name}_kind")
                ? PickledNames(table.Attribute($"{member.Name}_kind"), $"{tablePath}'s attribute '{member.Name}_kind'")
                : count == 1 ? [member.Name] : [.. Enumerable.Range(0, count).Select(i => $"{member.Name}_{i}")];
            if (names.Length != count || member.Offset < 0 || (long)member.Offset + type.Size > recordSize || (count > 1 && (long)element.Size * count != type.Size))
            {
                throw Fail($"the member '{member.Name}' of '{tablePath}' holds {count} values of {element.Size} bytes at offset {member.Offset} of {recordSize}-byte rows, but names {names.Length} columns");
            }

            bool numeric = Hdf5Values.IsNumeric(element);
            if (!numeric && !Hdf5Values.IsFixedString(element))
            {
                unread.Add($"{string.Join(", ", names.Select(n => $"'{n}'"))} (member '{member.Name}' of '{tablePath}', HDF5 {element.Class} of {element.Size} bytes)");
                continue;
            }

            int size = (int)element.Size;
            int offset = (int)member.Offset;
            bool signed = Hdf5Values.IsSigned(element);
            for (int c = 0; c < count; c++)
            {
                double[]? numbers = numeric ? new double[rows] : null;
                string?[]? texts = numeric ? null : new string?[rows];
                for (int r = 0; r < rows; r++)
                {
                    ReadOnlySpan<byte> at = bytes.AsSpan((r * recordSize) + offset + (c * size), size);
                    if (numbers is not null)
                    {
                        numbers[r] = Hdf5Values.Number(at, element.Class, size, signed);
                    }
                    else
                    {
                        texts![r] = Hdf5Values.Text(at);
                    }
                }

                columns.Add(new Hdf5Column(names[c], numbers, texts));
            }
        }

        if (group.AttributeExists("non_index_axes") && StringAttribute(group.Attribute("non_index_axes")) is { } axes)
        {
            string[] order = PickledStrings(axes);
            columns.Sort((x, y) => Rank(order, x.Name).CompareTo(Rank(order, y.Name)));
        }

        return new Hdf5Frame(path, "table", rows, columns, unread);
    }

    /// <summary>The row count of a one- or more-dimensional dataset (its first dimension).</summary>
    private int Length(IH5Dataset dataset, string path)
    {
        ulong[] dims = dataset.Space.Dimensions;
        if (dims.Length == 0 || dims[0] > int.MaxValue)
        {
            throw Fail($"the dataset '{path}' has shape [{string.Join(", ", dims)}]; a frame needs between 0 and {int.MaxValue} rows");
        }

        return (int)dims[0];
    }

    /// <summary>The dataset's raw bytes, after checking that their size is possible for a file of this length.</summary>
    private byte[] Bytes(IH5Dataset dataset, string path)
    {
        ulong elements = 1;
        foreach (ulong d in dataset.Space.Dimensions)
        {
            elements = d == 0 ? 0 : elements <= ulong.MaxValue / d ? elements * d : ulong.MaxValue;
        }

        ulong size = (ulong)dataset.Type.Size;
        ulong bytes = size == 0 || elements <= ulong.MaxValue / size ? elements * size : ulong.MaxValue;
        ulong limit = (ulong)fileLength * (ulong)(dataset.Layout.Class == H5DataLayoutClass.Chunked ? CompressionAllowance : 1);
        if (bytes > limit || bytes > (ulong)Array.MaxLength)
        {
            throw Fail($"the dataset '{path}' claims {elements} elements of {size} bytes ({bytes} bytes), more than a {fileLength}-byte file can hold");
        }

        byte[] data = dataset.Read<byte[]>();
        if ((ulong)data.LongLength != bytes)
        {
            throw Fail($"the dataset '{path}' gave {data.LongLength} bytes where its shape needs {bytes}");
        }

        return data;
    }

    /// <summary>The strings of a one-dimensional fixed-length string dataset (column names).</summary>
    private string[] Strings(IH5Dataset dataset, string path)
    {
        IH5DataType type = dataset.Type;
        if (type.Class == H5DataTypeClass.VariableLength && dataset.Space.Dimensions is [var count] && count <= (ulong)fileLength / 16)
        {
            if (dataset.Layout.Class == H5DataLayoutClass.Chunked)
            {
                // Hdf5StructureCheck follows the global heap references of contiguous and compact data only.
                throw Fail($"the dataset '{path}' holds column names as variable-length strings in chunks, which are not read");
            }

            // Variable-length strings (as h5py and PureHDF write names): each is a 16-byte global-heap reference in the file.
            return [.. dataset.Read<string[]>().Select(n => n ?? string.Empty)];
        }

        if (!Hdf5Values.IsFixedString(type) || dataset.Space.Dimensions.Length != 1)
        {
            throw Fail($"the dataset '{path}' should hold column names as fixed-length strings, but is an HDF5 {type.Class} of shape [{string.Join(", ", dataset.Space.Dimensions)}]");
        }

        byte[] bytes = Bytes(dataset, path);
        int size = (int)type.Size;
        string[] names = new string[bytes.Length / size];
        for (int i = 0; i < names.Length; i++)
        {
            names[i] = Hdf5Values.Text(bytes.AsSpan(i * size, size)) ?? string.Empty;
        }

        return names;
    }

    private string[] PickledNames(IH5Attribute attribute, string what) =>
        StringAttribute(attribute) is { } text ? PickledStrings(text) : throw Fail($"{what} should be a string (a pickled list of column names)");

    /// <summary>
    /// The strings of a Python list pickled with protocol 0 (what PyTables stores as pandas' column names):
    /// <c>(lp0\nVname\np1\naVother\n…</c>, unicode escapes decoded; also <c>S'…'</c> byte strings.
    /// </summary>
    internal static string[] PickledStrings(string pickle)
    {
        var names = new List<string>();
        foreach (string raw in pickle.Split('\n'))
        {
            string line = raw.StartsWith('a') || raw.StartsWith('(') ? raw.TrimStart('a', '(', 'l', 'p') : raw;
            if (line.StartsWith('V'))
            {
                names.Add(Unescape(line[1..]));
            }
            else if (line.Length >= 3 && line[0] == 'S' && line[1] is '\'' or '"' && line[^1] == line[1])
            {
                names.Add(line[2..^1]);
            }
        }

        return [.. names];
    }

    private static string Unescape(string text)
    {
        if (!text.Contains('\\', StringComparison.Ordinal))
        {
            return text;
        }

        var result = new StringBuilder(text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\' && i + 5 < text.Length && text[i + 1] == 'u'
                && int.TryParse(text.AsSpan(i + 2, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out int code))
            {
                result.Append((char)code);
                i += 5;
            }
            else
            {
                result.Append(text[i]);
            }
        }

        return result.ToString();
    }
}
