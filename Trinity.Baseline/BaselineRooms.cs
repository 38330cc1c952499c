using System.Collections.Concurrent;

namespace Trinity.Baseline;

/// <summary>Rooms in memory: a title list, each member's votes, and a per-room event sequence.</summary>
public sealed class BaselineRooms
{
    public const int QueueSize = 100;
    private readonly ConcurrentDictionary<string, Room> _rooms = new();

    public Room Create(string creator)
    {
        var room = new Room(Guid.NewGuid().ToString("N")[..12],
            Enumerable.Range(0, QueueSize).Select(i => $"m-baseline-{i}").ToArray());
        room.Members.TryAdd(creator, 0);
        _rooms[room.RoomId] = room;
        return room;
    }

    public Room? Find(string roomId) => _rooms.GetValueOrDefault(roomId);

    public sealed class Room(string roomId, string[] queue)
    {
        public string RoomId { get; } = roomId;
        public string[] Queue { get; } = queue;
        public ConcurrentDictionary<string, int> Members { get; } = new();
        /// <summary>The likes of each title, to announce a unanimous match as Trinity does.</summary>
        public ConcurrentDictionary<string, int> Likes { get; } = new();
        private long _seq;
        public long Seq => Interlocked.Read(ref _seq);
        public long NextSeq() => Interlocked.Increment(ref _seq);
    }
}
