namespace Trinity.Actors.Recommendations;

/// <summary>
/// <c>Trinity:Ai</c>: the chat model behind recommendations, any OpenAI-compatible chat-completions server
/// (vLLM, llama.cpp server, ...). With no <see cref="Endpoint"/> every answer comes from the keyword fallback.
/// </summary>
public sealed class AiOptions
{
    public const string DefaultModel = "BSC-LT/salamandra-7b-instruct";

    /// <summary>Base URL of the API, e.g. <c>http://localhost:8000/v1</c>; empty = no model.</summary>
    public string? Endpoint { get; set; }
    public string Model { get; set; } = DefaultModel;
    /// <summary>Sent as a bearer token; local servers usually ignore it.</summary>
    public string? ApiKey { get; set; }
    /// <summary>How long one model call may take before the fallback answers instead.</summary>
    public double TimeoutSeconds { get; set; } = 10;
    /// <summary>Consecutive failed calls that open the circuit: the model is then not asked for <see cref="BreakFor"/> (see ModelResilience).</summary>
    public int BreakAfterFailures { get; set; } = 3;
    public TimeSpan BreakFor { get; set; } = TimeSpan.FromSeconds(30);
    /// <summary>Model calls one room may make per minute; past that the room gets fallback answers.</summary>
    public int RoomRequestsPerMinute { get; set; } = 6;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Endpoint);
    public TimeSpan Timeout => TimeSpan.FromSeconds(TimeoutSeconds);

    /// <summary>Refuses a configuration that could only fail later, naming the key; called as the node starts.</summary>
    public void Validate()
    {
        if (!IsConfigured) return;
        OptionChecks.HttpUrl(Endpoint!, "Trinity:Ai:Endpoint");
        OptionChecks.Require(!string.IsNullOrWhiteSpace(Model), "Trinity:Ai:Model", "must name the model");
        // The lower bounds are the ones Polly's timeout and circuit breaker accept.
        OptionChecks.Require(TimeoutSeconds is >= 0.01 and <= 600, "Trinity:Ai:TimeoutSeconds", "must be between 0.01 and 600");
        OptionChecks.Require(BreakAfterFailures >= 2, "Trinity:Ai:BreakAfterFailures", "must be at least 2");
        OptionChecks.Require(BreakFor >= TimeSpan.FromSeconds(0.5) && BreakFor <= TimeSpan.FromDays(1), "Trinity:Ai:BreakFor",
            "must be between 00:00:00.5 and 1.00:00:00");
        OptionChecks.Require(RoomRequestsPerMinute >= 0, "Trinity:Ai:RoomRequestsPerMinute", "must not be negative");
    }
}
