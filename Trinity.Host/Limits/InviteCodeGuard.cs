using System.Threading.RateLimiting;
using Akka.Actor;
using Trinity.Actors.Diagnostics;
using Trinity.Actors.Gateway;
using Trinity.Actors.Protocol;

namespace Trinity.Host.Limits;

/// <summary>
/// The door guessers knock on: every join by invite code, from the hub or REST, passes here. It takes a
/// token from its client address's bucket and its user's, and counts a code that names no room against
/// the address (<see cref="FailedGuesses"/>). Joins by room id pass straight through.
/// </summary>
public sealed class InviteCodeGuard(RoomGateway rooms, RateLimitOptions options, TimeProvider clock) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _addresses = Buckets(options.InviteCodes.Address);
    private readonly PartitionedRateLimiter<string> _users = Buckets(options.InviteCodes.User);
    private readonly FailedGuesses _failures = new(options.InviteCodes, clock);

    public async Task<RoomSnapshot> JoinAsync(Caller caller, string address, JoinRoomRequest? request, IActorRef? subscriber)
    {
        if (string.IsNullOrWhiteSpace(request?.InviteCode)) return await rooms.JoinAsync(caller, request, subscriber);
        if (_failures.LockedFor(address) is { } wait)
            throw Refused($"too many wrong invite codes from this address; try again in {Math.Ceiling(wait.TotalSeconds)} s");
        Acquire(_users, caller.UserId, "user");
        Acquire(_addresses, address, "address");
        try
        {
            return await rooms.JoinAsync(caller, request, subscriber);
        }
        catch (TrinityException e) when (e.Code == ErrorCodes.RoomNotFound)
        {
            _failures.Failed(address);
            throw;
        }
    }

    private static void Acquire(PartitionedRateLimiter<string> limiter, string key, string scope)
    {
        using var lease = limiter.AttemptAcquire(key);
        if (!lease.IsAcquired) throw Refused($"too many joins by invite code from this {scope}; slow down and retry");
    }

    private static TrinityException Refused(string message)
    {
        TrinityMetrics.RateLimited.Add(1, new KeyValuePair<string, object?>("edge", "invite-code"));
        return new TrinityException(ErrorCodes.RateLimited, message);
    }

    private static PartitionedRateLimiter<string> Buckets(BucketOptions bucket)
    {
        var settings = bucket.ToLimiterOptions();
        return PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetTokenBucketLimiter(key, _ => settings));
    }

    public void Dispose()
    {
        _addresses.Dispose();
        _users.Dispose();
    }
}
