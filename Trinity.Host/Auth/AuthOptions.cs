using Trinity.Actors;

namespace Trinity.Host.Auth;

/// <summary>The <c>Trinity:Auth</c> section.</summary>
public sealed class AuthOptions
{
    public const string Section = "Trinity:Auth";
    public const int MinimumKeyLength = 32;

    /// <summary>HMAC key for guest tokens; at least 32 characters. Required outside Development.</summary>
    public string? SigningKey { get; set; }
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromDays(7);
    /// <summary>Accept <c>/realtime?userId=</c>; defaults to true in Development only.</summary>
    public bool? AllowQueryUserId { get; set; }

    /// <summary>Whether a key is required at all depends on the environment: see <c>AuthSetup</c>.</summary>
    public void Validate()
    {
        OptionChecks.Require(SigningKey is not { Length: > 0 and < MinimumKeyLength }, Section + ":SigningKey",
            $"must be at least {MinimumKeyLength} characters");
        OptionChecks.Positive(TokenLifetime, Section + ":TokenLifetime");
    }
}

/// <summary>The <c>Trinity:Admin</c> section.</summary>
public sealed class AdminOptions
{
    public const string Section = "Trinity:Admin";

    /// <summary>The operator key sent as <c>X-Admin-Key</c>; without it the admin API is closed.</summary>
    public string? Key { get; set; }
}
