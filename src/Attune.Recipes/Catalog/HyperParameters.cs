using System.Globalization;
using Attune.Recipes.Data;

namespace Attune.Recipes.Catalog;

/// <summary>
/// A recipe's hyperparameters as Personalize passes them (string → string), merged over the recipe defaults,
/// with typed, range-checked getters. Invalid values throw <see cref="ArgumentException"/> naming the parameter.
/// </summary>
public sealed class HyperParameters
{
    private readonly Dictionary<string, string> _values;

    public HyperParameters(IReadOnlyDictionary<string, string> defaults, IReadOnlyDictionary<string, string>? overrides = null)
    {
        _values = new Dictionary<string, string>(defaults, StringComparer.Ordinal);
        foreach (var (name, value) in overrides ?? new Dictionary<string, string>())
        {
            _values[BaseName(name)] = value;
        }
    }

    /// <summary>The name without a service prefix: DescribeSolution may show "training.bptt" or "data.recency_mask".</summary>
    public static string BaseName(string name)
    {
        int dot = name.IndexOf('.', StringComparison.Ordinal);
        return dot >= 0 ? name[(dot + 1)..] : name;
    }

    public IReadOnlyDictionary<string, string> Values => _values;

    public HyperParameters With(IReadOnlyDictionary<string, string> overrides) => new(_values, overrides);

    public int Int(string name, int min, int max)
    {
        string text = Required(name);
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) || value < min || value > max)
        {
            throw Invalid(name, text, $"an integer in [{min}, {max}]");
        }

        return value;
    }

    public float Float(string name, double min, double max)
    {
        string text = Required(name);
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || value < min || value > max)
        {
            throw Invalid(name, text, $"a number in [{min}, {max}]");
        }

        return (float)value;
    }

    public bool Bool(string name)
    {
        string text = Required(name);
        return text.ToLowerInvariant() switch
        {
            "true" => true,
            "false" => false,
            _ => throw Invalid(name, text, "true or false"),
        };
    }

    public string Choice(string name, params string[] allowed)
    {
        string text = Required(name);
        return allowed.Contains(text, StringComparer.OrdinalIgnoreCase)
            ? text.ToLowerInvariant()
            : throw Invalid(name, text, "one of " + string.Join(", ", allowed));
    }

    /// <summary>
    /// The history half-life of recency weighting, 0 when off: recency_mask, and for the v2 recipes also
    /// apply_recency_bias (Personalize's name there), both true by default.
    /// </summary>
    public float RecencyHalfLife()
    {
        bool bias = !_values.ContainsKey("apply_recency_bias") || Bool("apply_recency_bias");
        return Bool("recency_mask") && bias ? Float("recency_half_life", 0, 1e6) : 0;
    }

    /// <summary>
    /// Event settings from Attune's <c>event_type_weights</c> ("purchase:1,view:0.2"; listed types only) and
    /// <c>event_value_weighting</c> (none | linear | log), layered over the solution's own event settings.
    /// </summary>
    public EventSettings ApplyEventWeights(EventSettings settings)
    {
        var weighting = Choice("event_value_weighting", "none", "linear", "log") switch
        {
            "linear" => EventValueWeighting.Linear,
            "log" => EventValueWeighting.Log,
            _ => EventValueWeighting.None,
        };
        string weights = _values.GetValueOrDefault("event_type_weights", "");
        if (string.IsNullOrWhiteSpace(weights) || settings.EventParameters.Count > 0)
        {
            return settings with { ValueWeighting = weighting };
        }

        var parameters = new List<EventParameters>();
        foreach (string pair in weights.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            int colon = pair.LastIndexOf(':');
            if (colon <= 0 || !double.TryParse(pair[(colon + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out double w) || w < 0)
            {
                throw Invalid("event_type_weights", weights, "comma-separated EVENT_TYPE:weight pairs with weights ≥ 0");
            }

            parameters.Add(new EventParameters(pair[..colon], null, w));
        }

        return settings with { EventParameters = parameters, ValueWeighting = weighting };
    }

    private string Required(string name)
        => _values.TryGetValue(name, out string? value) ? value.Trim() : throw new ArgumentException($"Missing hyperparameter {name}.", name);

    private static ArgumentException Invalid(string name, string value, string expected)
        => new($"Invalid value '{value}' for hyperparameter {name}: expected {expected}.", name);
}
