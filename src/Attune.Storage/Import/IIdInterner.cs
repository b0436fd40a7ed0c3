namespace Attune.Storage.Import;

/// <summary>Maps a string id (or event type) to the group's integer index for it.</summary>
internal interface IIdInterner
{
    int Intern(ReadOnlySpan<char> id);
}
