using System.Threading.RateLimiting;
using Trinity.Actors;

namespace Trinity.Host.Limits;

/// <summary>A token bucket: up to <see cref="Burst"/> calls at once, refilled at <see cref="PerSecond"/>.</summary>
public class BucketOptions
{
    public int Burst { get; set; }
    public double PerSecond { get; set; }

    public BucketOptions() { }

    public BucketOptions(int burst, double perSecond) => (Burst, PerSecond) = (burst, perSecond);

    public void Validate(string key)
    {
        OptionChecks.Require(Burst >= 1, key + ":Burst", "must be at least 1");
        OptionChecks.Require(PerSecond > 0, key + ":PerSecond", "must be positive");
    }

    public TokenBucketRateLimiterOptions ToLimiterOptions()
    {
        // Refill in whole tokens: slow buckets get one token per 1/rate, fast ones a few every 100 ms.
        var (period, tokens) = PerSecond >= 10
            ? (TimeSpan.FromMilliseconds(100), (int)Math.Round(PerSecond / 10))
            : (TimeSpan.FromSeconds(1 / Math.Max(PerSecond, 0.001)), 1);
        return new TokenBucketRateLimiterOptions
        {
            TokenLimit = Math.Max(Burst, 1),
            TokensPerPeriod = tokens,
            ReplenishmentPeriod = period,
            QueueLimit = 0,
            AutoReplenishment = true,
        };
    }
}

/// <summary>The buckets of one kind of call: one per connection and one per user (all their devices).</summary>
public sealed class CategoryLimits
{
    public BucketOptions Connection { get; set; } = new();
    public BucketOptions User { get; set; } = new();

    public CategoryLimits() { }

    public CategoryLimits(BucketOptions connection, BucketOptions user) => (Connection, User) = (connection, user);
}

/// <summary>The <c>Trinity:RateLimits</c> section. Over a limit a call fails with RATE_LIMITED and nothing else happens.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "Trinity:RateLimits";

    public CategoryLimits Votes { get; set; } = new(new(30, 10), new(60, 20));
    public CategoryLimits Rooms { get; set; } = new(new(5, 0.2), new(10, 0.5));
    public CategoryLimits Joins { get; set; } = new(new(20, 2), new(40, 4));
    public CategoryLimits Chat { get; set; } = new(new(10, 2), new(20, 4));
    public CategoryLimits Recommendations { get; set; } = new(new(3, 0.1), new(5, 0.2));
    /// <summary>Everything else on the hub: state reads, leaving, closing.</summary>
    public CategoryLimits Other { get; set; } = new(new(30, 10), new(60, 20));
    /// <summary>REST calls per signed-in user.</summary>
    public BucketOptions Rest { get; set; } = new(60, 20);
    /// <summary>Guest sign-ins per client address.</summary>
    public GuestLimits Guests { get; set; } = new() { Burst = 10, PerSecond = 0.2 };
    public InviteCodeLimits InviteCodes { get; set; } = new();
    public ConnectionLimits Connections { get; set; } = new();

    /// <summary>Stops the node at start on a value that would make a limit meaningless, naming its key.</summary>
    public void Validate()
    {
        foreach (var category in typeof(RateLimitOptions).GetProperties().Where(p => p.PropertyType == typeof(CategoryLimits)))
        {
            var limits = (CategoryLimits)category.GetValue(this)!;
            limits.Connection.Validate($"{Section}:{category.Name}:Connection");
            limits.User.Validate($"{Section}:{category.Name}:User");
        }
        Rest.Validate($"{Section}:Rest");
        Guests.Validate($"{Section}:Guests");
        OptionChecks.Require(Guests.PerHour >= 1, $"{Section}:Guests:PerHour", "must be at least 1");
        InviteCodes.Validate($"{Section}:InviteCodes");
        Connections.Validate($"{Section}:Connections");
    }
}

/// <summary>Guest sign-ins per client address: a bucket, and a ceiling over any hour.</summary>
public sealed class GuestLimits : BucketOptions
{
    public int PerHour { get; set; } = 60;
}

/// <summary>
/// Joining by invite code, by hub or REST: a bucket per client address (all its identities) and one per
/// user; and failed guesses per address, of which <see cref="FreeFailures"/> cost nothing, each further
/// one locks the address out of joining by code for twice as long as the one before.
/// </summary>
public sealed class InviteCodeLimits
{
    public BucketOptions Address { get; set; } = new(20, 0.1);
    public BucketOptions User { get; set; } = new(5, 0.05);
    public int FreeFailures { get; set; } = 10;
    /// <summary>One failed guess is forgiven per this much time.</summary>
    public TimeSpan ForgiveEvery { get; set; } = TimeSpan.FromMinutes(5);
    /// <summary>The first lockout; it doubles with each failure beyond the free ones.</summary>
    public TimeSpan Lockout { get; set; } = TimeSpan.FromSeconds(30);
    public TimeSpan MaxLockout { get; set; } = TimeSpan.FromHours(1);

    public void Validate(string key)
    {
        Address.Validate(key + ":Address");
        User.Validate(key + ":User");
        OptionChecks.Require(FreeFailures >= 0, key + ":FreeFailures", "must not be negative");
        OptionChecks.Require(ForgiveEvery > TimeSpan.Zero, key + ":ForgiveEvery", "must be positive");
        OptionChecks.Require(Lockout > TimeSpan.Zero, key + ":Lockout", "must be positive");
        OptionChecks.Require(MaxLockout >= Lockout, key + ":MaxLockout", "must be at least Lockout");
    }
}

/// <summary>Open realtime connections allowed at once: per user (all devices), per client address, per node.</summary>
public sealed class ConnectionLimits
{
    public int PerUser { get; set; } = 10;
    public int PerAddress { get; set; } = 200;
    public int PerNode { get; set; } = 20_000;

    public void Validate(string key)
    {
        OptionChecks.Require(PerUser >= 1, key + ":PerUser", "must be at least 1");
        OptionChecks.Require(PerAddress >= 1, key + ":PerAddress", "must be at least 1");
        OptionChecks.Require(PerNode >= 1, key + ":PerNode", "must be at least 1");
    }
}
