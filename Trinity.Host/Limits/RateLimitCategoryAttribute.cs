namespace Trinity.Host.Limits;

/// <summary>
/// Which buckets of <see cref="RateLimitOptions"/> a hub method draws from, named by its property there
/// (<c>nameof(RateLimitOptions.Votes)</c>); a method without it draws from <see cref="RateLimitOptions.Other"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RateLimitCategoryAttribute(string category) : Attribute
{
    public string Category { get; } = category;
}
