using System.Threading.RateLimiting;

namespace Trinity.Host.Limits;

/// <summary>A token bucket: up to <see cref="Burst"/> calls at once, refilled at <see cref="PerSecond"/>.</summary>
public sealed class BucketOptions
{
    public int Burst { get; set; }
    public double PerSecond { get; set; }

    public BucketOptions() { }

    public BucketOptions(int burst, double perSecond) => (Burst, PerSecond) = (burst, perSecond);

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
    public BucketOptions Guests { get; set; } = new(10, 0.2);
}
