namespace Electrochem.IO.Cycling.Hdf5;

/// <summary>
/// Walks an HDF5 file's structure before PureHDF opens it, so that no size a damaged header states becomes an
/// allocation. PureHDF sizes its buffers from the fields it decodes (an attribute's element count × element size, a
/// fill value's or a compact dataset's size, an enumeration's value size, a filter's client data, a local heap's data
/// segment, a global heap object's size) before reading them; this walk reads the same fields first and refuses the
/// file when one claims more bytes than its message, its block or the file holds. It follows what the reader reaches:
/// the superblock, the root group, and groups and their children down to <see cref="Hdf5FrameReader.MaximumDepth"/>
/// levels (symbol tables through their B-tree, symbol nodes and local heap; compact links), every object header with
/// its continuation blocks and shared messages, and the global heap collections that variable-length attributes and
/// datasets refer to. Chunk sizes are held to the same allowance as compressed data. Features the walk does not
/// follow (dense link or attribute storage in fractal heaps, shared-message heaps) are refused by name; chunked
/// variable-length data is not followed, and the reader does not read it.
/// </summary>
internal sealed class Hdf5StructureCheck
{
    /// <summary>At most this many objects (groups, datasets, shared messages' headers) are walked.</summary>
    private const int MaximumObjects = 16384;

    /// <summary>Nested datatypes (compound, array, enumeration, variable-length) deeper than this are refused.</summary>
    private const int MaximumNesting = 16;

    private const ulong Undefined = ulong.MaxValue;

    private readonly Stream _stream;

    private static ReadOnlySpan<byte> Signature => [0x89, (byte)'H', (byte)'D', (byte)'F', (byte)'\r', (byte)'\n', 0x1A, (byte)'\n'];

    private readonly long _origin;
    private readonly long _length;
    private readonly string _source;
    private readonly HashSet<ulong> _headers = [];
    private readonly HashSet<ulong> _open = [];
    private readonly HashSet<ulong> _nodes = [];
    private readonly Dictionary<ulong, byte[]> _heaps = [];
    private readonly HashSet<ulong> _collections = [];
    private int _offsetSize;
    private int _lengthSize;
    private ulong _base;
    private long _budget;

    private Hdf5StructureCheck(Stream stream, string source)
    {
        _stream = stream;
        _origin = stream.Position;
        _length = stream.Length - _origin;
        _source = source;

        // The structure read (headers, nodes, heaps' data segments) may not exceed twice the file: each part is read once.
        _budget = (2 * _length) + (1 << 20);
    }

    /// <summary>Walks the structure of the HDF5 file in <paramref name="stream"/> (from its position), and leaves the position as it was.</summary>
    /// <exception cref="DataFileException">A size, count or address in the structure that the file cannot hold.</exception>
    internal static void Run(Stream stream, string source)
    {
        var check = new Hdf5StructureCheck(stream, source);
        try
        {
            check.Superblock();
        }
        finally
        {
            stream.Position = check._origin;
        }
    }

    internal DataFileException Fail(string problem) => new(_source, 1, $"the HDF5 file is damaged: {problem}");

    private void Superblock()
    {
        // Where PureHDF looks for the signature: at 0, then 512, 1536, 3584, … bytes.
        long at = 0;
        Span<byte> signature = stackalloc byte[8];
        for (long step = 512; ; step *= 2)
        {
            if (at + 8 > _length)
            {
                throw Fail($"no HDF5 signature was found in its {_length} bytes");
            }

            ReadAt(at, signature);
            if (signature.SequenceEqual(Signature))
            {
                break;
            }

            at += step;
        }

        byte[] block = Structure((ulong)at, Math.Min(256, _length - at), "the superblock", charge: false);
        var fields = new Hdf5Fields(block, this, "the superblock");
        fields.Skip(8);
        byte version = fields.Byte();
        ulong eof;
        ulong root;
        if (version <= 1)
        {
            fields.Skip(4);
            _offsetSize = fields.Byte();
            _lengthSize = fields.Byte();
            Sizes();
            fields.Skip(1 + 4 + 4 + (version == 1 ? 4 : 0));
            _base = fields.Sized(_offsetSize);
            fields.Skip(_offsetSize);
            eof = fields.Sized(_offsetSize);
            fields.Skip(_offsetSize + _lengthSize);

            // The root entry's cached B-tree and heap addresses are not used: PureHDF reads the root's own header.
            root = fields.Sized(_offsetSize);
        }
        else if (version <= 3)
        {
            _offsetSize = fields.Byte();
            _lengthSize = fields.Byte();
            Sizes();
            fields.Skip(1);
            _base = fields.Sized(_offsetSize);
            fields.Skip(_offsetSize);
            eof = fields.Sized(_offsetSize);
            root = fields.Sized(_offsetSize);
        }
        else
        {
            throw new DataFileException(_source, 1, $"the HDF5 superblock has version {version}; versions 0 to 3 are read");
        }

        if (_base > (ulong)_length || eof > (ulong)_length - _base)
        {
            throw Fail($"its superblock says it ends at byte {eof} (from byte {_base}), but the file is only {_length} bytes long (truncated?)");
        }

        Object(root, 0, "/");
    }

    private void Sizes()
    {
        if (_offsetSize is not (2 or 4 or 8) || _lengthSize is not (2 or 4 or 8))
        {
            throw Fail($"its superblock gives addresses of {_offsetSize} bytes and lengths of {_lengthSize} bytes, where 2, 4 or 8 are read");
        }
    }

    /// <summary>An object header, its messages, and (for a group not deeper than the reader looks) its children.</summary>
    private void Object(ulong address, int depth, string path)
    {
        string what = path == "/" ? "the root group" : $"'{path}'";
        if (!_headers.Add(address))
        {
            return;
        }

        if (_headers.Count > MaximumObjects)
        {
            throw Fail($"it holds more than {MaximumObjects} objects near its root; it is not a cycler's data export");
        }

        var found = new Hdf5Header();
        _open.Add(address);
        Header(address, what, found);
        _open.Remove(address);
        if (found.Type is { Class: 9 })
        {
            Variable(found, what);
        }

        if (found.Chunk is { } chunk)
        {
            Chunks(found, chunk, what);
        }

        if (depth > Hdf5FrameReader.MaximumDepth)
        {
            return;
        }

        foreach ((ulong tree, ulong heap) in found.SymbolTables)
        {
            Group(tree, heap, depth, path);
        }

        foreach ((string name, ulong child) in found.Links)
        {
            Object(child, depth + 1, Child(path, name));
        }
    }

    /// <summary>The messages of one object header (version 1 or 2) and of its continuation blocks.</summary>
    private void Header(ulong address, string what, Hdf5Header found)
    {
        string header = $"the object header of {what} (at byte {address})";
        byte[] prefix = Structure(address, Math.Min(32, Available(address)), header, charge: false);
        var fields = new Hdf5Fields(prefix, this, header);
        var chunks = new Queue<(ulong Address, ulong Length)>();
        var seen = new HashSet<ulong>();
        int version;
        bool creationOrder = false;
        if (prefix.Length > 0 && prefix[0] == 1)
        {
            version = 1;
            fields.Skip(8);
            chunks.Enqueue((address + 16, fields.UInt32()));
        }
        else
        {
            if (!fields.Take(4).SequenceEqual("OHDR"u8) || fields.Byte() != 2)
            {
                throw Fail($"{header} is neither a version 1 header nor a version 2 one ('OHDR')");
            }

            version = 2;
            byte flags = fields.Byte();
            creationOrder = (flags & 0x04) != 0;
            fields.Skip(((flags & 0x20) != 0 ? 16 : 0) + ((flags & 0x10) != 0 ? 4 : 0));
            ulong size = fields.Sized(1 << (flags & 0x03));
            chunks.Enqueue((address + (ulong)fields.Position, size));
        }

        bool first = true;
        while (chunks.TryDequeue(out (ulong Address, ulong Length) chunk))
        {
            if (!seen.Add(chunk.Address) || seen.Count > 1024)
            {
                throw Fail($"{header} has continuation blocks that loop back on themselves");
            }

            byte[] bytes = Structure(chunk.Address, checked((long)Math.Min(chunk.Length, (ulong)long.MaxValue)), header, charge: true);
            var messages = new Hdf5Fields(bytes, this, header);
            if (version == 2 && !first)
            {
                if (!messages.Take(4).SequenceEqual("OCHK"u8))
                {
                    throw Fail($"a continuation block of {header} does not start with 'OCHK'");
                }
            }

            first = false;
            int prefixSize = version == 1 ? 8 : creationOrder ? 6 : 4;
            int gap = version == 1 ? 0 : prefixSize;
            int end = bytes.Length - (version == 2 && messages.Position == 4 ? 4 : 0);
            while (end - messages.Position > gap)
            {
                int type = version == 1 ? messages.UInt16() : messages.Byte();
                int size = messages.UInt16();
                byte flags = messages.Byte();
                messages.Skip(version == 1 ? 3 : creationOrder ? 2 : 0);
                if (size > end - messages.Position)
                {
                    throw Fail($"a message (type {type}) in {header} claims {size} bytes, but only {end - messages.Position} are left in its block");
                }

                ReadOnlySpan<byte> data = messages.Take(size);
                if (type == 0x10)
                {
                    var continuation = new Hdf5Fields(data, this, header);
                    chunks.Enqueue((continuation.Sized(_offsetSize), continuation.Sized(_lengthSize)));
                    continue;
                }

                Message(type, flags, data, address, $"the {Kind(type)} message of {what}", found);
            }
        }
    }

    /// <summary>The fields of one message that size an allocation, or lead to further structure.</summary>
    private void Message(int type, byte flags, ReadOnlySpan<byte> data, ulong header, string what, Hdf5Header found)
    {
        var fields = new Hdf5Fields(data, this, what);
        if ((flags & 0x02) != 0 && type is 0x01 or 0x03 or 0x04 or 0x05 or 0x0B or 0x0C)
        {
            Shared(ref fields, header, what);
            return;
        }

        switch (type)
        {
            case 0x01:
                found.Dimensions = Dataspace(ref fields).Dimensions;
                break;
            case 0x02:
                Dense(ref fields, "links", what, 8);
                break;
            case 0x03:
                found.Type = Datatype(ref fields, 0);
                break;
            case 0x04:
                Sized(ref fields, fields.UInt32(), "fill value");
                break;
            case 0x05:
                FillValue(ref fields);
                break;
            case 0x06:
                Link(ref fields, found);
                break;
            case 0x08:
                Layout(ref fields, found);
                break;
            case 0x0B:
                found.Filtered = true;
                Filters(ref fields);
                break;
            case 0x0C:
                Attribute(ref fields, what);
                break;
            case 0x11:
                found.SymbolTables.Add((fields.Sized(_offsetSize), fields.Sized(_offsetSize)));
                break;
            case 0x15:
                Dense(ref fields, "attributes", what, 2);
                break;
            default:
                break;
        }

    }

    /// <summary>A message shared with another object header, which PureHDF decodes there (a loop would never end).</summary>
    private void Shared(ref Hdf5Fields fields, ulong header, string what)
    {
        byte version = fields.Byte();
        byte kind = fields.Byte();
        if (version == 3 && kind == 1)
        {
            throw new DataFileException(_source, 1, $"{what} is kept in a shared-message heap, which is not read");
        }

        fields.Skip(version == 1 ? 6 : 0);
        ulong target = fields.Sized(_offsetSize);
        if (target != header && _open.Contains(target))
        {
            throw Fail($"{what} is shared with an object header that refers back to it");
        }

        if (target != header)
        {
            _open.Add(target);
            Header(target, $"the header shared by {what}", new Hdf5Header());
            _open.Remove(target);
        }
    }

    private void Dense(ref Hdf5Fields fields, string kind, string what, int skip)
    {
        fields.Skip(1);
        byte flags = fields.Byte();
        fields.Skip((flags & 0x01) != 0 ? skip : 0);
        if (fields.Sized(_offsetSize) != Address(Undefined))
        {
            throw new DataFileException(_source, 1, $"{what} keeps its {kind} in dense storage (a fractal heap), which is not read");
        }
    }

    private ulong Address(ulong value) => _offsetSize == 8 ? value : value & ((1UL << (8 * _offsetSize)) - 1);

    /// <summary>A dataspace's element count (saturating) and dimensions, checking its rank.</summary>
    private (ulong Elements, ulong[] Dimensions) Dataspace(ref Hdf5Fields fields)
    {
        byte version = fields.Byte();
        byte rank = fields.Byte();
        byte flags = fields.Byte();
        byte kind = version >= 2 ? fields.Byte() : (byte)0;
        fields.Skip(version == 1 ? 5 : 0);
        if (rank > 32)
        {
            throw Fail($"a dataspace has {rank} dimensions, where HDF5 allows 32");
        }

        ulong elements = kind == 2 ? 0UL : 1UL;
        ulong[] dimensions = new ulong[rank];
        for (int i = 0; i < rank; i++)
        {
            dimensions[i] = fields.Sized(_lengthSize);
            elements = Multiply(elements, dimensions[i]);
        }

        fields.Skip(((flags & 0x01) != 0 ? rank * _lengthSize : 0) + (version == 1 && (flags & 0x02) != 0 ? rank * _lengthSize : 0));
        return (elements, dimensions);
    }

    /// <summary>A datatype's class and size, after checking every nested type's fields fit its message.</summary>
    private (int Class, uint Size) Datatype(ref Hdf5Fields fields, int nesting)
    {
        if (nesting > MaximumNesting)
        {
            throw Fail($"a datatype nests more than {MaximumNesting} levels deep");
        }

        byte classVersion = fields.Byte();
        int kind = classVersion & 0x0F;
        int version = classVersion >> 4;
        ReadOnlySpan<byte> bits = fields.Take(3);
        uint size = fields.UInt32();
        int members = bits[0] | (bits[1] << 8);
        switch (kind)
        {
            case 0 or 4:
                fields.Skip(4);
                break;
            case 1:
                fields.Skip(12);
                break;
            case 2:
                fields.Skip(2);
                break;
            case 5:
                fields.Skip(bits[0]);
                break;
            case 6:
                for (int m = 0; m < members; m++)
                {
                    fields.SkipString(pad: version <= 2);
                    fields.Skip(version == 1 ? 4 + 1 + 3 + 4 + 4 + 16 : version == 2 ? 4 : size < 1 << 8 ? 1 : size < 1 << 16 ? 2 : size < 1 << 24 ? 3 : 4);
                    Datatype(ref fields, nesting + 1);
                }

                break;
            case 8:
                Datatype(ref fields, nesting + 1);
                for (int m = 0; m < members; m++)
                {
                    fields.SkipString(pad: version <= 2);
                }

                Sized(ref fields, (ulong)members * size, "enumeration values");
                break;
            case 9:
                Datatype(ref fields, nesting + 1);
                break;
            case 10:
                byte rank = fields.Byte();
                fields.Skip((version == 2 ? 3 : 0) + (rank * 4 * (version == 2 ? 2 : 1)));
                Datatype(ref fields, nesting + 1);
                break;
            default:
                break;
        }

        return (kind, size);
    }

    private void FillValue(ref Hdf5Fields fields)
    {
        byte version = fields.Byte();
        bool defined;
        if (version <= 2)
        {
            fields.Skip(2);
            defined = fields.Byte() == 1;
        }
        else
        {
            byte flags = fields.Byte();
            defined = (flags & 0x10) == 0 && (flags & 0x20) != 0;
        }

        if (defined)
        {
            Sized(ref fields, fields.UInt32(), "fill value");
        }
    }

    /// <summary>Checks that <paramref name="count"/> bytes follow in the message.</summary>
    private void Sized(ref Hdf5Fields fields, ulong count, string what)
    {
        if (count > (ulong)fields.Remaining)
        {
            throw Fail($"a {what} claims {count} bytes, but its message holds only {fields.Remaining} more");
        }
    }

    private void Link(ref Hdf5Fields fields, Hdf5Header found)
    {
        fields.Skip(1);
        byte flags = fields.Byte();
        byte kind = (flags & 0x08) != 0 ? fields.Byte() : (byte)0;
        fields.Skip(((flags & 0x04) != 0 ? 8 : 0) + ((flags & 0x10) != 0 ? 1 : 0));
        ulong length = fields.Sized(1 << (flags & 0x03));
        Sized(ref fields, length, "link name");
        string name = System.Text.Encoding.UTF8.GetString(fields.Take((long)length));
        if (kind == 0)
        {
            found.Links.Add((name, fields.Sized(_offsetSize)));
        }
        else
        {
            Sized(ref fields, fields.UInt16(), "link value");
        }
    }

    /// <summary>
    /// The global heap references of a variable-length dataset, stored in its header or contiguously in the file.
    /// Chunked ones are not followed: the reader reads no chunked variable-length data (pickled blocks are named, not read).
    /// </summary>
    private void Variable(Hdf5Header found, string what)
    {
        if (found.Data is { } data)
        {
            Collections(data.Span, what);
        }
        else if (found.Contiguous is { } stored && stored.Address != Address(Undefined))
        {
            Collections(Structure(stored.Address, (long)Math.Min(stored.Length, (ulong)long.MaxValue), $"the data of {what}", charge: true), what);
        }
    }

    private void Layout(ref Hdf5Fields fields, Hdf5Header found)
    {
        byte version = fields.Byte();
        if (version <= 2)
        {
            byte rank = fields.Byte();
            byte kind = fields.Byte();
            fields.Skip(5);
            ulong address = kind != 0 ? fields.Sized(_offsetSize) : 0;
            ulong[] dimensions = new ulong[rank + (kind == 2 ? 1 : 0)];
            for (int i = 0; i < rank; i++)
            {
                dimensions[i] = fields.UInt32();
            }

            if (kind == 2)
            {
                dimensions[rank] = fields.UInt32();
                found.Chunk = new Hdf5ChunkLayout(dimensions, 0, address, null);
            }
            else if (kind == 0)
            {
                uint size = fields.UInt32();
                Sized(ref fields, size, "compact dataset");
                found.Data = fields.Take(size).ToArray();
            }

            return;
        }

        byte layout = fields.Byte();
        switch (layout)
        {
            case 0:
                ushort size = fields.UInt16();
                Sized(ref fields, size, "compact dataset");
                found.Data = fields.Take(size).ToArray();
                break;
            case 1:
                found.Contiguous = (fields.Sized(_offsetSize), fields.Sized(_lengthSize));
                break;
            case 2 when version == 3:
                byte rank = fields.Byte();
                ulong address = fields.Sized(_offsetSize);
                ulong[] dimensions = new ulong[rank];
                for (int i = 0; i < rank; i++)
                {
                    dimensions[i] = fields.UInt32();
                }

                found.Chunk = new Hdf5ChunkLayout(dimensions, 0, address, null);
                break;
            case 2:
                byte flags = fields.Byte();
                byte count = fields.Byte();
                byte width = fields.Byte();
                if (width is < 1 or > 8)
                {
                    throw Fail($"a dataset's layout encodes chunk dimensions in {width} bytes");
                }

                ulong[] sizes = new ulong[count];
                for (int i = 0; i < count; i++)
                {
                    sizes[i] = fields.Sized(width);
                }

                byte index = fields.Byte();
                ulong? single = null;
                if (index == 1 && (flags & 0x02) != 0)
                {
                    single = fields.Sized(_lengthSize);
                    fields.Skip(4);
                }

                fields.Skip(index switch { 3 => 1, 4 => 5, 5 => 6, _ => 0 });
                found.Chunk = new Hdf5ChunkLayout(sizes, index, fields.Sized(_offsetSize), single);
                break;
            default:
                break;
        }
    }

    /// <summary>
    /// A chunked dataset: PureHDF allocates each chunk's full size as it reads it, and a filtered chunk's stored size
    /// (from its index) before decompressing, so the chunks' total and every stored size are checked.
    /// </summary>
    private void Chunks(Hdf5Header found, Hdf5ChunkLayout chunk, string what)
    {
        // PureHDF sizes a chunk by the datatype's size, which must be the layout's element size.
        if (found.Type is { } type && chunk.Index == 0 && chunk.Dimensions is [.., var element] && element != type.Size)
        {
            throw Fail($"{what} has chunks of {element}-byte elements, but its datatype's elements are {type.Size} bytes");
        }

        ulong bytes = chunk.Bytes;
        ulong count = 1;
        ulong[] dimensions = found.Dimensions ?? [];
        for (int i = 0; i < dimensions.Length && i < chunk.Dimensions.Length - 1; i++)
        {
            ulong size = chunk.Dimensions[i];
            count = size == 0 ? ulong.MaxValue : Multiply(count, (dimensions[i] / size) + (dimensions[i] % size == 0 ? 0UL : 1UL));
        }

        ulong total = Multiply(count, bytes);
        ulong limit = Math.Max(16UL << 20, (ulong)_length * Hdf5FrameReader.CompressionAllowance);
        if (bytes > (ulong)Array.MaxLength || total > limit)
        {
            throw Fail($"{what} is stored in {count} chunks of {bytes} bytes ({total} bytes once read), more than a {_length}-byte file can hold even compressed");
        }

        if (!found.Filtered || chunk.Address == Address(Undefined))
        {
            return;
        }

        switch (chunk.Index)
        {
            case 0:
                ChunkNode(chunk.Address, -1, chunk.Dimensions.Length, what);
                break;
            case 1 when chunk.SingleSize is { } single && !Fits(chunk.Address, single):
                throw Fail($"the chunk of {what} claims {single} bytes at byte {chunk.Address}, but the file is only {_length} bytes long");
            case 1 or 2:
                break;
            default:
                throw new DataFileException(_source, 1, $"{what} indexes its compressed chunks with a fixed array, an extensible array or a version 2 B-tree (HDF5 1.10 layouts), which are not read");
        }
    }

    /// <summary>A node of a chunk B-tree (type 1): every chunk's stored size must fit the file where it is said to be.</summary>
    private void ChunkNode(ulong address, int level, int rank, string what)
    {
        string name = $"a chunk B-tree node of {what}";
        if (!_nodes.Add(address))
        {
            return;
        }

        byte[] head = Structure(address, 8 + (2 * _offsetSize), name, charge: false);
        var fields = new Hdf5Fields(head, this, name);
        if (!fields.Take(4).SequenceEqual("TREE"u8) || fields.Byte() != 1)
        {
            throw Fail($"{name} (at byte {address}) is not a chunk B-tree node ('TREE', type 1)");
        }

        int nodeLevel = fields.Byte();
        if (level >= 0 && nodeLevel != level)
        {
            throw Fail($"{name} (at byte {address}) is at level {nodeLevel} where {level} was expected");
        }

        int entries = fields.UInt16();
        int key = 8 + (8 * rank);
        int entry = key + _offsetSize;
        byte[] body = Structure(address + (ulong)head.Length, ((long)entries * entry) + key, name, charge: true);
        for (int i = 0; i < entries; i++)
        {
            var fieldsOf = new Hdf5Fields(body.AsSpan(i * entry, entry), this, name);
            uint stored = fieldsOf.UInt32();
            fieldsOf.Skip(key - 4);
            ulong child = fieldsOf.Sized(_offsetSize);
            if (nodeLevel > 0)
            {
                ChunkNode(child, nodeLevel - 1, rank, what);
            }
            else if (!Fits(child, stored))
            {
                throw Fail($"a chunk of {what} claims {stored} bytes at byte {child}, but the file is only {_length} bytes long");
            }
        }
    }

    private static ulong Multiply(ulong a, ulong b) => b == 0 ? 0 : a <= ulong.MaxValue / b ? a * b : ulong.MaxValue;

    private void Filters(ref Hdf5Fields fields)
    {
        byte version = fields.Byte();
        byte count = fields.Byte();
        fields.Skip(version == 1 ? 6 : 0);
        for (int f = 0; f < count; f++)
        {
            ushort id = fields.UInt16();
            ushort name = version == 1 || id >= 256 ? fields.UInt16() : (ushort)0;
            fields.Skip(2);
            ushort values = fields.UInt16();
            Sized(ref fields, name + (4UL * values), "filter description");
            fields.Skip(version == 1 ? (name + 7) / 8 * 8 : name);
            fields.Skip((4L * values) + (version == 1 && values % 2 == 1 ? 4 : 0));
        }
    }

    private void Attribute(ref Hdf5Fields fields, string what)
    {
        byte version = fields.Byte();
        byte flags = fields.Byte();
        if (version >= 2 && (flags & 0x03) != 0)
        {
            throw new DataFileException(_source, 1, $"{what} is an attribute with a shared datatype or dataspace, which is not read");
        }

        fields.Skip(2);
        ushort typeSize = fields.UInt16();
        ushort spaceSize = fields.UInt16();
        fields.Skip(version == 3 ? 1 : 0);
        fields.SkipString(pad: version == 1);
        (int kind, uint size) = Datatype(ref fields, 0);
        fields.Skip(version == 1 ? ((typeSize + 7) / 8 * 8) - typeSize : 0);
        ulong elements = Dataspace(ref fields).Elements;
        fields.Skip(version == 1 ? ((spaceSize + 7) / 8 * 8) - spaceSize : 0);
        ulong bytes = Multiply(elements, size);
        if (bytes > (ulong)fields.Remaining)
        {
            throw Fail($"{what} is an attribute of {elements} elements of {size} bytes ({bytes} bytes), but its message holds only {fields.Remaining} more");
        }

        if (kind == 9)
        {
            Collections(fields.Take((long)bytes), what);
        }
    }

    /// <summary>The global heap collections that variable-length elements (length, collection address, index) refer to.</summary>
    private void Collections(ReadOnlySpan<byte> elements, string what)
    {
        int width = 4 + _offsetSize + 4;
        for (int i = 0; i + width <= elements.Length; i += width)
        {
            var fields = new Hdf5Fields(elements.Slice(i, width), this, what);
            fields.Skip(4);
            ulong collection = fields.Sized(_offsetSize);
            if (collection != 0 && collection != Address(Undefined) && _collections.Add(collection))
            {
                Collection(collection, what);
            }
        }
    }

    /// <summary>One global heap collection, walked object by object as PureHDF does, each object's size checked against the file.</summary>
    private void Collection(ulong address, string what)
    {
        string heap = $"the global heap at byte {address} (used by {what})";
        byte[] head = Structure(address, 8 + _lengthSize, heap, charge: false);
        var fields = new Hdf5Fields(head, this, heap);
        if (!fields.Take(4).SequenceEqual("GCOL"u8))
        {
            throw Fail($"{heap} does not start with 'GCOL'");
        }

        fields.Skip(4);
        ulong headerSize = 8UL + (ulong)_lengthSize;
        ulong remaining = unchecked(fields.Sized(_lengthSize) - headerSize);
        ulong at = address + headerSize;
        int objectHeader = 8 + _lengthSize;
        while (remaining > headerSize)
        {
            byte[] entry = Structure(at, Math.Min(objectHeader, Available(at)), heap, charge: false);
            var o = new Hdf5Fields(entry, this, heap);
            if (o.UInt16() == 0)
            {
                break;
            }

            o.Skip(6);
            ulong size = o.Sized(_lengthSize);
            ulong padded = size > ulong.MaxValue - 8 ? ulong.MaxValue : (size + 7) / 8 * 8;
            if (!Fits(at + (ulong)objectHeader, padded))
            {
                throw Fail($"an object in {heap} claims {size} bytes, but the file is only {_length} bytes long");
            }

            ulong consumed = (ulong)objectHeader + padded;
            at += consumed;
            remaining = unchecked(remaining - consumed);
        }
    }

    /// <summary>A group's symbol table: its local heap (the children's names) and the B-tree whose leaves list the children.</summary>
    private void Group(ulong tree, ulong heap, int depth, string path)
    {
        string what = path == "/" ? "the root group" : $"'{path}'";
        if (!_heaps.TryGetValue(heap, out byte[]? names))
        {
            string name = $"the local heap of {what}";
            byte[] head = Structure(heap, 8 + (2 * _lengthSize) + _offsetSize, name, charge: false);
            var fields = new Hdf5Fields(head, this, name);
            if (!fields.Take(4).SequenceEqual("HEAP"u8))
            {
                throw Fail($"{name} (at byte {heap}) does not start with 'HEAP'");
            }

            fields.Skip(4);
            ulong size = fields.Sized(_lengthSize);
            fields.Skip(_lengthSize);
            ulong data = fields.Sized(_offsetSize);
            if (!Fits(data, size))
            {
                throw Fail($"{name} claims {size} bytes at byte {data}, but the file is only {_length} bytes long");
            }

            names = Structure(data, (long)size, name, charge: true);
            _heaps.Add(heap, names);
        }

        Node(tree, -1, depth, path, names);
    }

    private void Node(ulong address, int level, int depth, string path, byte[] names)
    {
        string name = $"a B-tree node of {(path == "/" ? "the root group" : $"'{path}'")}";
        if (!_nodes.Add(address))
        {
            return;
        }

        byte[] head = Structure(address, 8 + (2 * _offsetSize), name, charge: false);
        var fields = new Hdf5Fields(head, this, name);
        if (!fields.Take(4).SequenceEqual("TREE"u8) || fields.Byte() != 0)
        {
            throw Fail($"{name} (at byte {address}) is not a group B-tree node ('TREE', type 0)");
        }

        int nodeLevel = fields.Byte();
        if (level >= 0 && nodeLevel != level)
        {
            throw Fail($"{name} (at byte {address}) is at level {nodeLevel} where {level} was expected");
        }

        int entries = fields.UInt16();
        int entry = _lengthSize + _offsetSize;
        byte[] body = Structure(address + (ulong)head.Length, ((long)entries * entry) + _lengthSize, name, charge: true);
        for (int i = 0; i < entries; i++)
        {
            ulong child = new Hdf5Fields(body.AsSpan((i * entry) + _lengthSize, _offsetSize), this, name).Sized(_offsetSize);
            if (nodeLevel > 0)
            {
                Node(child, nodeLevel - 1, depth, path, names);
            }
            else
            {
                SymbolNode(child, depth, path, names);
            }
        }
    }

    private void SymbolNode(ulong address, int depth, string path, byte[] names)
    {
        string name = $"a symbol table node of {(path == "/" ? "the root group" : $"'{path}'")}";
        if (!_nodes.Add(address))
        {
            return;
        }

        byte[] head = Structure(address, 8, name, charge: false);
        var fields = new Hdf5Fields(head, this, name);
        if (!fields.Take(4).SequenceEqual("SNOD"u8))
        {
            throw Fail($"{name} (at byte {address}) does not start with 'SNOD'");
        }

        fields.Skip(2);
        int count = fields.UInt16();
        int size = _lengthSize + _offsetSize + 24;
        byte[] body = Structure(address + 8, (long)count * size, name, charge: true);
        for (int i = 0; i < count; i++)
        {
            var entry = new Hdf5Fields(body.AsSpan(i * size, size), this, name);
            string child = Child(path, Name(names, entry.Sized(_lengthSize)));
            ulong header = entry.Sized(_offsetSize);
            uint cache = entry.UInt32();
            entry.Skip(4);
            Object(header, depth + 1, child);
            if (cache == 1 && depth + 1 <= Hdf5FrameReader.MaximumDepth)
            {
                Group(entry.Sized(_offsetSize), entry.Sized(_offsetSize), depth + 1, child);
            }
        }
    }

    private static string Child(string path, string name) => path == "/" ? $"/{name}" : $"{path}/{name}";

    /// <summary>A child's name in its group's local heap (NUL-terminated), or <c>?</c> when the offset lies.</summary>
    private static string Name(byte[] names, ulong offset)
    {
        if (offset >= (ulong)names.Length)
        {
            return "?";
        }

        ReadOnlySpan<byte> rest = names.AsSpan((int)offset);
        int end = rest.IndexOf((byte)0);
        return System.Text.Encoding.UTF8.GetString(end < 0 ? rest[..Math.Min(rest.Length, 64)] : rest[..Math.Min(end, 256)]);
    }

    /// <summary>An object header message's type, for messages.</summary>
    private static string Kind(int type) => type switch
    {
        0x01 => "dataspace",
        0x02 => "link info",
        0x03 => "datatype",
        0x04 or 0x05 => "fill value",
        0x06 => "link",
        0x08 => "data layout",
        0x0B => "filter pipeline",
        0x0C => "attribute",
        0x11 => "symbol table",
        0x15 => "attribute info",
        _ => $"type {type}",
    };

    /// <summary>The bytes from <paramref name="address"/> (relative to the base address) to the file's end.</summary>
    private long Available(ulong address) => address > (ulong)_length - _base ? -1 : _length - (long)(_base + address);

    /// <summary>Whether the file holds <paramref name="count"/> bytes at <paramref name="address"/>.</summary>
    private bool Fits(ulong address, ulong count) => Available(address) is var available && available >= 0 && count <= (ulong)available;

    /// <summary>Reads a structure of <paramref name="count"/> bytes, after checking the file holds it (and, when charged, that the walk's budget does).</summary>
    private byte[] Structure(ulong address, long count, string what, bool charge)
    {
        long available = Available(address);
        if (available < 0 || count < 0 || count > available)
        {
            throw Fail(available < 0
                ? $"{what} is said to be at byte {address}, but the file is only {_length} bytes long"
                : $"{what} claims {count} bytes at byte {address}, but the file is only {_length} bytes long");
        }

        if (charge)
        {
            Charge(count, what);
        }

        byte[] bytes = new byte[count];
        ReadAt((long)(_base + address), bytes);
        return bytes;
    }

    private void Charge(long count, string what)
    {
        _budget -= count;
        if (_budget < 0)
        {
            throw Fail($"its headers and heaps, up to {what}, claim more bytes than twice its length of {_length} bytes");
        }
    }

    private void ReadAt(long at, Span<byte> buffer)
    {
        _stream.Position = _origin + at;
        _stream.ReadExactly(buffer);
    }
}
