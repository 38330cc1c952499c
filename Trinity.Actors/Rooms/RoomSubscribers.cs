using Akka.Actor;

namespace Trinity.Actors.Rooms;

/// <summary>
/// Who follows a room: each subscriber (a node's <see cref="Connections.RoomRelay"/>, so one per node however many of its
/// connections are in the room) and the users it follows the room for. A user is online while any subscriber
/// follows the room for them. Subscribers are death-watched through the room's context.
/// </summary>
public sealed class RoomSubscribers(ICanWatch room)
{
    private readonly Dictionary<IActorRef, HashSet<string>> _users = new();

    public IEnumerable<IActorRef> All => _users.Keys;

    /// <summary>Subscriptions: (subscriber, user) pairs.</summary>
    public int Count => _users.Values.Sum(u => u.Count);

    public bool IsEmpty => _users.Count == 0;

    public bool IsOnline(string userId) => _users.Values.Any(u => u.Contains(userId));

    public IActorRef[] Of(string userId) => _users.Where(s => s.Value.Contains(userId)).Select(s => s.Key).ToArray();

    /// <summary>False when the subscriber already followed the room for that user.</summary>
    public bool Add(IActorRef subscriber, string userId)
    {
        if (!_users.TryGetValue(subscriber, out var users))
        {
            _users[subscriber] = users = [];
            room.Watch(subscriber);
        }
        return users.Add(userId);
    }

    /// <summary>True when that took the user offline.</summary>
    public bool Remove(IActorRef subscriber, string userId)
    {
        if (!_users.TryGetValue(subscriber, out var users) || !users.Remove(userId)) return false;
        if (users.Count == 0) Forget(subscriber);
        return !IsOnline(userId);
    }

    /// <summary>Stops following the room for the user everywhere; answers the subscribers that did.</summary>
    public IActorRef[] RemoveUser(string userId)
    {
        var subscribers = Of(userId);
        foreach (var subscriber in subscribers) Remove(subscriber, userId);
        return subscribers;
    }

    /// <summary>A subscriber that died: answers the users it took offline.</summary>
    public string[] RemoveSubscriber(IActorRef subscriber)
    {
        if (!_users.Remove(subscriber, out var users)) return [];
        return users.Where(u => !IsOnline(u)).ToArray();
    }

    private void Forget(IActorRef subscriber)
    {
        _users.Remove(subscriber);
        room.Unwatch(subscriber);
    }
}
