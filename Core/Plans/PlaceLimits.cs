namespace GenderPlan.Core.Plans;

/// <summary>
/// The bounds of a places list, stated once: every province and commune of Vietnam since 2025 (34 + 3,321 rows)
/// fits with room to spare, and a file past them is refused before it costs memory.
/// </summary>
public static class PlaceLimits
{
    /// <summary>The largest file read: the national list in CSV is about 250 KB.</summary>
    public const int MaxBytes = 2 * 1024 * 1024;

    /// <summary>Rows after the header.</summary>
    public const int MaxRows = 5_000;

    /// <summary>Columns of the header (unknown ones are ignored, so exports with extra columns still read).</summary>
    public const int MaxColumns = 32;

    /// <summary>Characters of a code, an id or a parent code: official codes have 2 to 5 digits.</summary>
    public const int MaxCodeLength = 20;

    /// <summary>Characters of a place's name; a plan file's words may hold 500, and a name never needs more than this.</summary>
    public const int MaxNameLength = 200;

    /// <summary>Places in one plan (the place and those below it), as the plan file's schema allows.</summary>
    public const int MaxPlacesInPlan = 200;
}
