namespace Attune.Storage.Import;

/// <summary>Maps a string id (or event type) to the group's integer index for it.</summary>
public interface IIdInterner
{
    int Intern(ReadOnlySpan<char> id);
}
