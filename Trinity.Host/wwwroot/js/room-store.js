// The state of the room on screen, kept in step with the server by its event sequence
// (docs/PROTOCOL.md section 4): a snapshot sets `seq`; an event with seq ≤ it is already in the
// snapshot and is dropped; the next one (seq + 1) is applied; a later one means events were
// missed, so the store asks for a resync ('stale') and holds events until the snapshot arrives.
//
// Events: 'change' (re-render), 'match' (a new match, live), 'stale' (needs GetRoomState), 'chat' and 'recommendation' (room events shown as they come),
// 'history' (the room chat a snapshot carries).

const ROOM_EVENTS = new Set(['voteUpdate', 'matchFound', 'roomStateChanged', 'memberStatusChanged', 'aiRecommendation', 'chatMessage',
  'roomFinished', 'voteWithdrawn']);

export class RoomStore extends EventTarget {
  constructor(userId) {
    super();
    this.userId = userId;
    this.room = null;
    this.syncing = false;
    this.held = [];
  }

  get roomId() {
    return this.room?.roomId ?? null;
  }

  /** The title this user votes on next, or null when their queue is done. */
  get current() {
    const room = this.room;
    if (!room) return null;
    for (let i = room.currentIndex; i < room.queue.length; i++)
      if (!room.voted.has(room.queue[i].mediaId)) return room.queue[i];
    return null;
  }

  get queueLength() {
    return this.room?.queue.length ?? 0;
  }

  /** From now until the next load(), events are held, not applied. */
  beginSync() {
    this.syncing = true;
  }

  endSync() {
    this.syncing = false;
  }

  load(snapshot) {
    const known = this.room?.roomId === snapshot.roomId ? new Set(this.room.matches.map((m) => m.mediaId)) : null;
    this.room = { ...snapshot, finished: snapshot.finished ?? null, voted: new Set(), members: snapshot.members.filter((m) => m.status !== 'left') };
    this.syncing = false;
    this.#emit('history', snapshot.chat ?? []);
    // Matches made while this screen was away are still news to whoever looks at it.
    for (const match of known ? snapshot.matches.filter((m) => !known.has(m.mediaId)) : []) this.#emit('match', match);
    const held = this.held.sort((a, b) => a.payload.seq - b.payload.seq);
    this.held = [];
    this.#emit('change');
    for (const event of held) this.receive(event.name, event.payload);
  }

  clear() {
    this.room = null;
    this.held = [];
    this.syncing = false;
    this.#emit('change');
  }

  receive(name, payload) {
    if (!ROOM_EVENTS.has(name)) return;
    const room = this.room;
    if (this.syncing) return void this.held.push({ name, payload });
    if (!room || payload.roomId !== room.roomId || payload.seq <= room.seq) return;
    if (payload.seq > room.seq + 1) {
      this.held.push({ name, payload });
      this.syncing = true;
      return void this.#emit('stale');
    }
    room.seq = payload.seq;
    this[name]?.(payload);
    this.#emit('change');
  }

  /** The caller's own vote, acknowledged: it moves their queue on before any event arrives. */
  voted(result) {
    const room = this.room;
    if (!room || result.roomId !== room.roomId) return;
    room.voted.add(result.mediaId);
    room.progress = result.progress;
    const me = this.#member(this.userId);
    if (me) me.votesCast = Math.max(me.votesCast, result.progress.totalVotes);
    if (result.matched) this.#addMatch(result.matched);
    this.#emit('change');
  }

  // Event handlers, named as the events are.

  voteUpdate(e) {
    const member = this.#member(e.userId);
    if (member) {
      member.votesCast = e.progress.totalVotes;
      member.status = 'active';
    }
    if (e.userId === this.userId) {
      // Also moves this screen on when the same user votes from another device.
      this.room.voted.add(e.mediaId);
      this.room.progress = e.progress;
    }
  }

  matchFound(e) {
    this.#addMatch({ ...e, matchedAt: e.timestamp });
  }

  roomStateChanged(e) {
    this.room.status = e.status;
    this.room.statusReason = e.reason ?? this.room.statusReason;
    // Recommendations lengthen the list; only a snapshot carries the new titles in our order.
    if (e.queueLength !== undefined && e.queueLength !== this.room.queue.length) this.#emit('stale');
  }

  roomFinished(e) {
    this.room.finished = { reason: e.reason, pick: e.pick, ranking: e.ranking };
  }

  voteWithdrawn(e) {
    const member = this.#member(e.userId);
    if (member) member.votesCast = e.progress.totalVotes;
    // The title goes back to its place in this user's queue: only a snapshot says where that is.
    if (e.userId === this.userId) this.#emit('stale');
  }

  memberStatusChanged(e) {
    const room = this.room;
    if (e.status === 'left') {
      room.members = room.members.filter((m) => m.userId !== e.userId);
      return;
    }
    const member = this.#member(e.userId);
    if (member) Object.assign(member, { displayName: e.displayName, status: e.status, online: e.online });
    else room.members.push({ userId: e.userId, displayName: e.displayName, role: 'member', status: e.status, online: e.online, votesCast: 0 });
  }

  aiRecommendation(e) {
    this.#emit('recommendation', e);
    this.#emit('stale');
  }

  chatMessage(e) {
    this.#emit('chat', e);
  }

  #member(userId) {
    return this.room.members.find((m) => m.userId === userId);
  }

  #addMatch(match) {
    if (this.room.matches.some((m) => m.mediaId === match.mediaId)) return;
    this.room.matches.push(match);
    this.#emit('match', match);
  }

  #emit(type, detail) {
    this.dispatchEvent(new CustomEvent(type, { detail }));
  }
}
