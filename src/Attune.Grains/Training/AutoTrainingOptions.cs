namespace Attune.Grains.Training;

/// <summary>Automatic training (section "Attune:AutoTraining"): how often solutions are checked and Personalize's timings.</summary>
public sealed class AutoTrainingOptions
{
    public const string Section = "Attune:AutoTraining";

    /// <summary>How often every solution's schedule is checked.</summary>
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>A new solution's first automatic version comes this long after it was created, unless a version exists by then.</summary>
    public TimeSpan FirstDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The length of a "day" in schedulingExpression rate(N days): one day, shortened only to test schedules.</summary>
    public TimeSpan Day { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How long an ACTIVE recommender serves a model before it retrains (Personalize: every 7 days).</summary>
    public TimeSpan RecommenderRetraining { get; set; } = TimeSpan.FromDays(7);
}
