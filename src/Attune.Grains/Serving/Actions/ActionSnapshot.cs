using Attune.Filters;
using Attune.Recipes.Actions;

namespace Attune.Grains.Serving.Actions;

/// <summary>
/// A dataset group's stored action data as one served model sees it at one moment: each user's action interactions (oldest first,
/// for the model; newest first with event types, for filters), the Actions dataset aligned with the model's actions (the
/// filter table and the VALUE / REPEAT_FREQUENCY / EXPIRATION_TIMESTAMP that apply now), and the row counts it was read at.
/// </summary>
internal sealed record ActionSnapshot(
    long ActionRows, long InteractionRows, DateTimeOffset ReadAt,
    IReadOnlyDictionary<string, IReadOnlyList<ActionEvent>> Histories,
    IReadOnlyDictionary<string, RecentInteraction[]> Recent,
    EntityAttributes Attributes, ActionCatalog Rules);
