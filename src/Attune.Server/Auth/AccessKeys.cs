namespace Attune.Server.Auth;

/// <summary>The keys file first, then the catalog: the first source that knows an id answers.</summary>
internal sealed class AccessKeys(IReadOnlyList<IAccessKeys> sources) : IAccessKeys
{
    public AccessKey? Find(string accessKeyId)
    {
        foreach (var source in sources)
        {
            if (source.Find(accessKeyId) is { } key)
            {
                return key;
            }
        }

        return null;
    }
}
