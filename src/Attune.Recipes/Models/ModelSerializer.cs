using System.Text;

namespace Attune.Recipes.Models;

/// <summary>
/// Versioned binary artifact: "ATTM", format version, model kind, basis (item ids, popularity, event
/// weighting), model payload. The caller
/// writes it atomically (temp file + rename).
/// </summary>
public static class ModelSerializer
{
    private const int Magic = 0x4D545441; // "ATTM" little-endian
    private const int FormatVersion = 1;

    public static void Write(RecommendationModel model, Stream stream)
    {
        using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        writer.Write(Magic);
        writer.Write(FormatVersion);
        writer.Write((int)model.Kind);
        model.Basis.Write(writer);
        model.WritePayload(writer);
    }

    public static RecommendationModel Read(Stream stream)
    {
        using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        if (reader.ReadInt32() != Magic)
        {
            throw new InvalidDataException("Not an Attune model artifact.");
        }

        int version = reader.ReadInt32();
        if (version != FormatVersion)
        {
            throw new InvalidDataException($"Unsupported model artifact version {version}.");
        }

        var kind = (ModelKind)reader.ReadInt32();
        var basis = ModelBasis.Read(reader);
        return kind switch
        {
            ModelKind.Popularity => new PopularityModel(basis),
            ModelKind.Neighborhood => NeighborhoodModel.Read(reader, basis),
            ModelKind.Factor => FactorModel.Read(reader, basis),
            _ => throw new InvalidDataException($"Unknown model kind {(int)kind}."),
        };
    }
}
