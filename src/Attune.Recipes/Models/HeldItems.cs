namespace Attune.Recipes.Models;

/// <summary>
/// The items [<see cref="Start"/>, <see cref="End"/>) whose part of a model a process holds: all of them for a whole
/// model, one shard's range for a model spread over silos, none for a campaign's head (basis only).
/// </summary>
public readonly record struct HeldItems(int Start, int End)
{
    public static HeldItems All(int itemCount) => new(0, itemCount);

    public static HeldItems None => new(0, 0);

    public int Length => End - Start;

    public bool Contains(int item) => item >= Start && item < End;

    /// <summary>True when [start, start + length) lies inside.</summary>
    public bool Covers(int start, int length) => start >= Start && start + length <= End;
}
