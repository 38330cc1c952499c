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
}

/// <summary>The <c>Trinity:Admin</c> section.</summary>
public sealed class AdminOptions
{
    public const string Section = "Trinity:Admin";

    /// <summary>The operator key sent as <c>X-Admin-Key</c>; without it the admin API is closed.</summary>
    public string? Key { get; set; }
}
