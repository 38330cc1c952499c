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

  resync() {
    return this.store.roomId ? this.#sync('GetRoomState', { roomId: this.store.roomId }) : Promise.resolve(null);
  }

  async vote(voteType) {
    const item = this.store.current;
    if (!item || this.voting || this.store.room.status === 'finished') return;
    this.#setVoting(true);
    try {
      this.store.voted(await this.realtime.invoke('Vote', { roomId: this.roomId, mediaId: item.mediaId, voteType }));
      this.myVotes.push(item.mediaId);
    } catch (error) {
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
      else if (this.roomId) await this.#sync('JoinRoom', { roomId: this.roomId });
    } catch (error) {
      if (GONE.has(error.code) && !invite) this.exit();
      throw error;
    }
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
