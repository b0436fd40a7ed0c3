using Attune.Recipes.Models;

namespace Attune.Recipes.Data;

/// <summary>How EVENT_VALUE turns into confidence (Attune hyperparameter <c>event_value_weighting</c>).</summary>
public enum EventValueWeighting
{
    /// <summary>Every kept event counts 1 × its type weight.</summary>
    None = 0,

    /// <summary>Confidence × EVENT_VALUE (NaN or negative values count 1).</summary>
    Linear = 1,

    /// <summary>Confidence × (1 + ln(1 + EVENT_VALUE)).</summary>
    Log = 2,
}

/// <summary>
/// Event filtering and confidence, resolved against an event-type dictionary: Personalize's solution eventType
/// and eventValueThreshold, eventsConfig per-type thresholds and weights, and the Attune value weighting.
/// Confidence 0 means the event is dropped. Models keep it so request-time histories are weighted like training.
/// </summary>
public sealed class EventWeighting
{
    private readonly string[] _typeNames;
    private readonly float[] _typeWeights;
    private readonly float[] _typeThresholds;
    private readonly float _threshold;
    private readonly float _unknownTypeWeight;

    private EventWeighting(string[] typeNames, float[] typeWeights, float[] typeThresholds, float threshold,
        float unknownTypeWeight, EventValueWeighting valueWeighting)
    {
        _typeNames = typeNames;
        _typeWeights = typeWeights;
        _typeThresholds = typeThresholds;
        _threshold = threshold;
        _unknownTypeWeight = unknownTypeWeight;
        ValueWeighting = valueWeighting;
    }

    public EventValueWeighting ValueWeighting { get; }

    public IReadOnlyList<string> EventTypeNames => _typeNames;

    public static EventWeighting Create(EventSettings settings, string[] eventTypeNames)
    {
        var weights = new float[eventTypeNames.Length];
        var thresholds = new float[eventTypeNames.Length];
        bool listed = settings.EventParameters.Count > 0;
        for (int t = 0; t < eventTypeNames.Length; t++)
        {
            string name = eventTypeNames[t];
            var parameters = settings.EventParameters.FirstOrDefault(p => string.Equals(p.EventType, name, StringComparison.Ordinal));
            bool typeAllowed = settings.EventType is null || string.Equals(settings.EventType, name, StringComparison.Ordinal);
            weights[t] = !typeAllowed ? 0 : parameters is not null ? (float)parameters.Weight : listed ? 0 : 1;
            thresholds[t] = parameters?.EventValueThreshold is double th ? (float)th : float.NaN;
        }

        float unknown = settings.EventType is null && !listed ? 1 : 0;
        float threshold = settings.EventValueThreshold is double global ? (float)global : float.NaN;
        return new EventWeighting(eventTypeNames, weights, thresholds, threshold, unknown, settings.ValueWeighting);
    }

    /// <summary>Confidence of one event; 0 when it is filtered out. Type -1 means unknown.</summary>
    public float Confidence(int eventType, float eventValue)
    {
        bool known = (uint)eventType < (uint)_typeWeights.Length;
        float weight = known ? _typeWeights[eventType] : _unknownTypeWeight;
        if (weight <= 0)
        {
            return 0;
        }

        float threshold = known && !float.IsNaN(_typeThresholds[eventType]) ? _typeThresholds[eventType] : _threshold;
        if (!float.IsNaN(threshold) && !(eventValue >= threshold))
        {
            return 0;
        }

        return ValueWeighting switch
        {
            EventValueWeighting.Linear => weight * (eventValue > 0 ? eventValue : 1),
            EventValueWeighting.Log => weight * (1 + MathF.Log(1 + Math.Max(0, float.IsNaN(eventValue) ? 0 : eventValue))),
            _ => weight,
        };
    }

    internal void Write(BinaryWriter writer)
    {
        ArtifactIO.WriteStrings(writer, _typeNames);
        ArtifactIO.WriteArray(writer, _typeWeights);
        ArtifactIO.WriteArray(writer, _typeThresholds);
        writer.Write(_threshold);
        writer.Write(_unknownTypeWeight);
        writer.Write((int)ValueWeighting);
    }

    internal static EventWeighting Read(BinaryReader reader)
        => new(ArtifactIO.ReadStrings(reader), ArtifactIO.ReadArray<float>(reader), ArtifactIO.ReadArray<float>(reader),
            reader.ReadSingle(), reader.ReadSingle(), (EventValueWeighting)reader.ReadInt32());
}
