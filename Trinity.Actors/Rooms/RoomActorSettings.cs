namespace Trinity.Actors.Rooms;

/// <param name="InactiveAfter">no vote and no connection for this long turns a member inactive</param>
/// <param name="IdleAfter">a room with no subscribed connection for this long is passivated</param>
/// <param name="SnapshotEvery">events between journal snapshots</param>
public sealed record RoomActorSettings(TimeSpan InactiveAfter, TimeSpan IdleAfter, int SnapshotEvery)
{
    public static readonly RoomActorSettings Default = new(TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(10), 100);

    /// <summary>How long a finished room can still be joined by its invite code (members see the result).</summary>
    public TimeSpan InviteCodeGrace { get; init; } = TimeSpan.FromDays(1);

    /// <summary>Inactivity is looked for often enough to be timely, rarely enough to cost nothing.</summary>
    public TimeSpan InactivityCheckInterval =>
        TimeSpan.FromTicks(Math.Clamp(InactiveAfter.Ticks / 4, TimeSpan.FromMilliseconds(50).Ticks, TimeSpan.FromMinutes(1).Ticks));
}
