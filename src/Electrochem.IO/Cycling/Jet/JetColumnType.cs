namespace Electrochem.IO.Cycling.Jet;

/// <summary>The column types of Jet 4 table definitions (the first byte of a column's definition block).</summary>
internal enum JetColumnType : byte
{
    /// <summary>Yes/No: the value is the column's bit in the row's null mask.</summary>
    Boolean = 0x01,

    /// <summary>An unsigned byte.</summary>
    Byte = 0x02,

    /// <summary>A 16-bit signed integer.</summary>
    Int16 = 0x03,

    /// <summary>A 32-bit signed integer.</summary>
    Int32 = 0x04,

    /// <summary>Currency: a 64-bit integer in units of 1/10000.</summary>
    Money = 0x05,

    /// <summary>A 32-bit IEEE float ("Single").</summary>
    Float = 0x06,

    /// <summary>A 64-bit IEEE double.</summary>
    Double = 0x07,

    /// <summary>An OLE automation date: days since 1899-12-30 as a double.</summary>
    DateTime = 0x08,

    /// <summary>Binary of up to 255 bytes.</summary>
    Binary = 0x09,

    /// <summary>Text of up to 255 characters (UCS-2, possibly compressed).</summary>
    Text = 0x0A,

    /// <summary>A long binary value (OLE object), stored inline or on LVAL pages.</summary>
    Ole = 0x0B,

    /// <summary>Long text, stored inline or on LVAL pages.</summary>
    Memo = 0x0C,

    /// <summary>A GUID (replication id).</summary>
    Guid = 0x0F,

    /// <summary>A scaled decimal of 17 bytes.</summary>
    Numeric = 0x10,
}
