// The room this tab is in, over the live connection: creating, joining, voting, chatting, and
// rebuilding from a snapshot after every reconnect or detected gap. The room id is kept in
// sessionStorage so a reload of the tab comes back to the same room.
//
// Events: 'entered' (a room is on screen), 'left', 'voting', 'error', and 'system' and 'private'
// (the events that are not room-sequenced).

import { backoffDelay } from './realtime.js';

const ROOM_KEY = 'trinity.room';
const SYNC_ATTEMPTS = 6;
const GONE = new Set(['ROOM_NOT_FOUND', 'FORBIDDEN']);

// randomUUID exists only in secure contexts; a node on a LAN address over plain http is not one.
const newVoteId = () => crypto.randomUUID?.() ?? Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');

export class RoomSession extends EventTarget {
  constructor(realtime, store, storage = window.sessionStorage) {
    super();
    this.realtime = realtime;
    this.store = store;
    this.storage = storage;
    this.savedRoomId = storage.getItem(ROOM_KEY);
    this.pendingInvite = null;
    this.syncing = null;
    this.voting = false;
    // This tab's votes, newest last: what Undo takes back.
    this.myVotes = [];
    // A vote cut off by a lost connection, sent again after the next rejoin.
    this.pendingVote = null;

    realtime.onConnected = () => this.#rejoin();
    realtime.addEventListener('message', ({ detail: { name, payload } }) => {
      if (name === 'systemMessage') this.#emit('system', payload);
      else if (name === 'privateMessage') this.#emit('private', payload);
      else store.receive(name, payload);
    });
    store.addEventListener('stale', () => this.resync().catch((error) => this.#emit('error', error)));
  }

  get roomId() {
    return this.store.roomId ?? this.savedRoomId;
  }

  /** Joins by invite code as soon as the connection is up (an invite link). */
  joinWhenConnected(inviteCode) {
    this.pendingInvite = inviteCode;
    if (this.realtime.state === 'connected') return this.#rejoin();
  }

  create(request) {
    return this.#sync('CreateRoom', request);
  }

  join(inviteCode) {
    return this.#sync('JoinRoom', { inviteCode: inviteCode.trim().toUpperCase() });
  }

  /** Back into one of my rooms (the lobby's list). */
  open(roomId) {
    return this.#sync('JoinRoom', { roomId });
  }

  resync() {
    return this.store.roomId ? this.#sync('GetRoomState', { roomId: this.store.roomId }) : Promise.resolve(null);
  }

  async vote(voteType) {
    const item = this.store.current;
    if (!item || this.voting || this.pendingVote || !this.realtime.connected || this.store.room.status === 'finished') return;
    await this.#sendVote({ roomId: this.roomId, mediaId: item.mediaId, voteType, voteId: newVoteId() });
  }

  /**
   * A vote whose connection drops before its answer may or may not have counted: it is kept and sent again
   * with the same voteId after the rejoin, so the server counts it exactly once.
   */
  async #sendVote(vote) {
    this.#setVoting(true);
    try {
      const result = await this.realtime.invoke('Vote', vote);
      this.pendingVote = null;
      this.store.voted(result);
      this.myVotes.push(vote.mediaId);
    } catch (error) {
      if (error.code === 'UNAVAILABLE' && !this.realtime.connected) return void (this.pendingVote = vote);
      this.pendingVote = null;
      // Voted differently on another device: the snapshot says where this user really is.
      if (error.code === 'ALREADY_VOTED') await this.resync();
      else throw error;
    } finally {
      this.#setVoting(false);
    }
  }

  get canUndo() {
    return this.myVotes.length > 0 && this.store.room?.status !== 'finished';
  }

  /** Takes back this tab's latest vote; its title comes back as the current card. */
  async undo() {
    if (!this.canUndo || this.voting) return;
    this.#setVoting(true);
    try {
      await this.realtime.invoke('UndoVote', { roomId: this.roomId, mediaId: this.myVotes.pop() });
      await this.resync();
    } finally {
      this.#setVoting(false);
    }
  }

  decide() {
    return this.#sync('DecideNow', { roomId: this.roomId });
  }

  /** 'voting' lets the view disable the buttons, so a second tap cannot vote the next card unseen. */
  #setVoting(voting) {
    this.voting = voting;
    this.#emit('voting', voting);
  }

  sendMessage(text, toUserId) {
    return this.realtime.invoke('SendMessage', { roomId: this.roomId, text, ...(toUserId ? { toUserId } : {}) });
  }

  recommend(mood) {
    return this.realtime.invoke('RequestRecommendations', { roomId: this.roomId, mood });
  }

  async leave() {
    await this.realtime.invoke('LeaveRoom', { roomId: this.roomId });
    this.exit();
  }

  async close() {
    this.store.load(await this.realtime.invoke('CloseRoom', { roomId: this.roomId }));
  }

  /** Back to the lobby; membership stays (only LeaveRoom ends it). */
  exit() {
    this.pendingVote = null;
    this.storage.removeItem(ROOM_KEY);
    this.savedRoomId = null;
    this.store.clear();
    this.#emit('left');
  }

  async #rejoin() {
    const invite = this.pendingInvite;
    this.pendingInvite = null;
    try {
      if (invite) await this.join(invite);
      else if (this.roomId) await this.open(this.roomId);
    } catch (error) {
      if (GONE.has(error.code) && !invite) this.exit();
      throw error;
    }
    const vote = this.pendingVote;
    if (vote?.roomId === this.store.roomId) await this.#sendVote(vote);
  }

  /** Runs a call that answers with a snapshot; events meanwhile are held and replayed after it. */
  async #sync(method, argument) {
    if (this.syncing && method === 'GetRoomState') return this.syncing;
    this.store.beginSync();
    const run = (async () => {
      for (let attempt = 0; ; attempt++) {
        try {
          return this.#enter(await this.realtime.invoke(method, argument));
        } catch (error) {
          // UNAVAILABLE right after a node restart is usual; more than a few in a row is reported.
          const retry = error.code === 'UNAVAILABLE' && this.realtime.state === 'connected' && attempt < SYNC_ATTEMPTS;
          if (!retry) throw error;
          await new Promise((resolve) => setTimeout(resolve, backoffDelay(attempt)));
        }
      }
    })();
    this.syncing = run;
    try {
      return await run;
    } finally {
      if (this.syncing === run) this.syncing = null;
      this.store.endSync();
    }
  }

  #enter(snapshot) {
    // 'entered' goes first so views reset before the snapshot (and held events) fill them.
    if (this.store.roomId !== snapshot.roomId) {
      this.myVotes = [];
      this.#emit('entered', snapshot);
    }
    this.store.load(snapshot);
    this.storage.setItem(ROOM_KEY, snapshot.roomId);
    this.savedRoomId = snapshot.roomId;
    return snapshot;
  }

  #emit(type, detail) {
    this.dispatchEvent(new CustomEvent(type, { detail }));
  }
}
