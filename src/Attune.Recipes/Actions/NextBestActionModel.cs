using Attune.Recipes.Models;

namespace Attune.Recipes.Actions;

/// <summary>
/// aws-next-best-action: P(user takes action a within the optimization period) =
/// σ(prior logit of a + w_co · co-taking(u, a) + w_meta · metadata affinity(u, a) + bias), with the weights fitted by
/// <see cref="NextBestActionTrainer"/>. <see cref="Recommend"/> drops expired actions and actions the user took within
/// their REPEAT_FREQUENCY, and breaks score ties by higher VALUE.
/// </summary>
public sealed class NextBestActionModel
{
    private const string Magic = "attune-nba";
    private const int Version = 1;
    private const long SecondsPerDay = 86_400;

    private readonly float[] _priorLogit;
    private readonly int[] _similarityStart;
    private readonly int[] _similarityColumns;
    private readonly float[] _similarityValues;
    private readonly int[] _tokenStart;
    private readonly int[] _tokens;

    internal NextBestActionModel(ActionCatalog catalog, float[] priorLogit, int[] similarityStart, int[] similarityColumns,
        float[] similarityValues, int[] tokenStart, int[] tokens, PropensityWeights weights)
    {
        Catalog = catalog;
        _priorLogit = priorLogit;
        _similarityStart = similarityStart;
        _similarityColumns = similarityColumns;
        _similarityValues = similarityValues;
        _tokenStart = tokenStart;
        _tokens = tokens;
        Weights = weights;
    }

    /// <summary>The Actions dataset at training time (ids, value, repeat frequency, expiration), aligned with the action index.</summary>
    public ActionCatalog Catalog { get; }

    public PropensityWeights Weights { get; }

    public int ActionCount => Catalog.Count;

    /// <summary>Writes the probability of every action for a user's time-ordered history into <paramref name="destination"/>.</summary>
    public void Score(IReadOnlyList<ActionEvent> history, Span<float> destination)
    {
        var taken = ActionFeatures.TakenActions(history);
        ActionFeatures.CoTaking(taken, _similarityStart, _similarityColumns, _similarityValues, destination);
        for (int a = 0; a < ActionCount; a++)
        {
            float affinity = ActionFeatures.MetadataAffinity(a, taken, _tokenStart, _tokens);
            destination[a] = ActionFeatures.Sigmoid(Weights.Logit(_priorLogit[a], destination[a], affinity));
        }
    }

    /// <summary>
    /// The <paramref name="count"/> most likely actions at <paramref name="now"/> (epoch seconds): never an expired one, nor one
    /// the history took less than its REPEAT_FREQUENCY days before now; equal scores go to the higher VALUE, then the lower index.
    /// <paramref name="current"/> (aligned with the model's actions) replaces the training-time VALUE, REPEAT_FREQUENCY and
    /// EXPIRATION_TIMESTAMP, so actions put since training are honoured.
    /// </summary>
    public IReadOnlyList<ScoredAction> Recommend(IReadOnlyList<ActionEvent> history, long now, int count, Func<int, bool>? isCandidate = null,
        ActionCatalog? current = null)
    {
        var rules = current ?? Catalog;
        var scores = new float[ActionCount];
        Score(history, scores);
        var blocked = RepeatBlocked(history, now, rules);
        var candidates = new List<int>();
        for (int a = 0; a < ActionCount; a++)
        {
            bool expired = rules.ExpirationTimestamps[a] is { } expiry && expiry <= now;
            if (!expired && !blocked.Contains(a) && (isCandidate is null || isCandidate(a)))
            {
                candidates.Add(a);
            }
        }

        candidates.Sort((x, y) =>
        {
            int byScore = scores[y].CompareTo(scores[x]);
            int byValue = (rules.Values[y] ?? 0).CompareTo(rules.Values[x] ?? 0);
            return byScore != 0 ? byScore : byValue != 0 ? byValue : x.CompareTo(y);
        });
        return [.. candidates.Take(count).Select(a => new ScoredAction(a, scores[a]))];
    }

    private static HashSet<int> RepeatBlocked(IReadOnlyList<ActionEvent> history, long now, ActionCatalog rules)
    {
        var blocked = new HashSet<int>();
        foreach (var e in history)
        {
            if (e.Taken && rules.RepeatFrequencyDays[e.Action] is { } days && now - e.Timestamp < days * SecondsPerDay)
            {
                blocked.Add(e.Action);
            }
        }

        return blocked;
    }

    public void Write(Stream stream)
    {
        using var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        writer.Write(Magic);
        writer.Write(Version);
        ArtifactIO.WriteStrings(writer, Catalog.ActionIds);
        ArtifactIO.WriteArray(writer, Catalog.Values.Select(v => v ?? long.MinValue).ToArray());
        ArtifactIO.WriteArray(writer, Catalog.RepeatFrequencyDays.Select(v => v ?? int.MinValue).ToArray());
        ArtifactIO.WriteArray(writer, Catalog.ExpirationTimestamps.Select(v => v ?? long.MinValue).ToArray());
        ArtifactIO.WriteArray(writer, _priorLogit);
        ArtifactIO.WriteArray(writer, _similarityStart);
        ArtifactIO.WriteArray(writer, _similarityColumns);
        ArtifactIO.WriteArray(writer, _similarityValues);
        ArtifactIO.WriteArray(writer, _tokenStart);
        ArtifactIO.WriteArray(writer, _tokens);
        writer.Write(Weights.CoTaking);
        writer.Write(Weights.Metadata);
        writer.Write(Weights.Bias);
    }

    /// <summary>Reads what <see cref="Write"/> wrote; the catalog comes back without metadata columns (their tokens are kept).</summary>
    public static NextBestActionModel Read(Stream stream)
    {
        using var reader = new BinaryReader(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        if (reader.ReadString() != Magic || reader.ReadInt32() != Version)
        {
            throw new InvalidDataException("Not a next-best-action model artifact of this version.");
        }

        var ids = ArtifactIO.ReadStrings(reader);
        var values = ArtifactIO.ReadArray<long>(reader).Select(v => v == long.MinValue ? (long?)null : v).ToArray();
        var repeat = ArtifactIO.ReadArray<int>(reader).Select(v => v == int.MinValue ? (int?)null : v).ToArray();
        var expiry = ArtifactIO.ReadArray<long>(reader).Select(v => v == long.MinValue ? (long?)null : v).ToArray();
        var catalog = new ActionCatalog(ids, values, repeat, expiry, []);
        return new NextBestActionModel(catalog, ArtifactIO.ReadArray<float>(reader), ArtifactIO.ReadArray<int>(reader),
            ArtifactIO.ReadArray<int>(reader), ArtifactIO.ReadArray<float>(reader), ArtifactIO.ReadArray<int>(reader),
            ArtifactIO.ReadArray<int>(reader), new PropensityWeights(reader.ReadDouble(), reader.ReadDouble(), reader.ReadDouble()));
    }
}
