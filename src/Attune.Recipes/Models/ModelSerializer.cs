using System.Text;

namespace Attune.Recipes.Models;

/// <summary>
/// Versioned binary artifact: "ATTM", format version, model kind, basis (item ids, popularity, event
/// weighting), the context lifts (version 2; version 1 artifacts have none and still read), model payload. The caller
/// writes it atomically (temp file + rename).
/// </summary>
public static class ModelSerializer
{
    private const int Magic = 0x4D545441; // "ATTM" little-endian
    private const int FormatVersion = 2;
    private const int WithoutContextVersion = 1;

    public static void Write(RecommendationModel model, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (model.Held != HeldItems.All(model.ItemCount))
        {
            throw new InvalidOperationException("Only a whole model can be written, not a slice of one.");
        }

        using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        writer.Write(Magic);
        writer.Write(FormatVersion);
        writer.Write((int)model.Kind);
        model.Basis.Write(writer);
        ContextLift.Write(writer, model.Context);
        model.WritePayload(writer);
    }

    public static RecommendationModel Read(Stream stream) => Read(stream, HeldItems.All);

    /// <summary>
    /// Reads the part of a model that <paramref name="hold"/> chooses once it knows the item count: the whole model, a
    /// shard's slice (its items' columns or vectors, streamed so the whole payload is never in memory) or a head
    /// (<see cref="HeldItems.None"/>: the basis and what a campaign needs to prepare queries). Without
    /// <paramref name="keepItemIds"/> the item ids are skipped (a slice scores by index).
    /// </summary>
    public static RecommendationModel Read(Stream stream, Func<int, HeldItems> hold, bool keepItemIds = true)
    {
        ArgumentNullException.ThrowIfNull(hold);
        using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        if (reader.ReadInt32() != Magic)
        {
            throw new InvalidDataException("Not an Attune model artifact.");
        }

        int version = reader.ReadInt32();
        if (version is not (FormatVersion or WithoutContextVersion))
        {
            throw new InvalidDataException($"Unsupported model artifact version {version}.");
        }

        var kind = (ModelKind)reader.ReadInt32();
        var basis = ModelBasis.Read(reader, keepItemIds);
        var context = version >= FormatVersion ? ContextLift.Read(reader) : null;
        var held = hold(basis.Popularity.Length);
        if (held.Start < 0 || held.End > basis.Popularity.Length || held.Length < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(hold), $"Held items [{held.Start}, {held.End}) are outside the model's {basis.Popularity.Length} items.");
        }

        RecommendationModel model = kind switch
        {
            ModelKind.Popularity => new PopularityModel(basis, held),
            ModelKind.Neighborhood => NeighborhoodModel.Read(reader, basis, held),
            ModelKind.Factor => FactorModel.Read(reader, basis, held),
            ModelKind.Blend => BlendedModel.Read(reader, basis, held),
            _ => throw new InvalidDataException($"Unknown model kind {(int)kind}."),
        };
        model.Context = context;
        return model;
    }
}
