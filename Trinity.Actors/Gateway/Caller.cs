namespace Trinity.Actors.Gateway;

/// <summary>Who is calling, as established by authentication at the edge.</summary>
public sealed record Caller(string UserId, string DisplayName);
