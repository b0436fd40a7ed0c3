namespace Attune.Server.Hosting;

/// <summary>What one process of Attune runs.</summary>
public enum ServerRole
{
    /// <summary>The front door and an Orleans silo in one process (the default, and the only role of embedded mode).</summary>
    Silo,

    /// <summary>Only the front door, calling the silos of a cluster as an Orleans client; needs cluster mode.</summary>
    Gateway,
}
