namespace Electrochem.IO.Cycling.Jet;

/// <summary>The database engine version a Jet/ACE file declares at offset 0x14 of its first page.</summary>
internal enum JetVersion
{
    /// <summary>Jet 3 (Access 97): 2 KiB pages, one-byte row offsets; not read.</summary>
    Jet3 = 0,

    /// <summary>Jet 4 (Access 2000–2003): 4 KiB pages, UCS-2 text — what Arbin's MITS Pro writes.</summary>
    Jet4 = 1,

    /// <summary>ACE 12 (Access 2007, <c>.accdb</c>): the Jet 4 page layout.</summary>
    Ace12 = 2,

    /// <summary>ACE 14 (Access 2010): the Jet 4 page layout.</summary>
    Ace14 = 3,

    /// <summary>ACE 15 and later (Access 2013+): the Jet 4 page layout.</summary>
    Ace15 = 4,

    /// <summary>ACE 16 (Access 2016+): the Jet 4 page layout.</summary>
    Ace16 = 5,
}
