// One live SignalR connection to whichever known node answers. SignalR's own automatic reconnect
// only retries the same URL, so this reconnects itself: capped exponential back-off with jitter,
// moving to the next node on every failed attempt. `onConnected` runs after every (re)connect so
// the room can be joined again and rebuilt from its snapshot.

import { TrinityError } from './api.js';

export const EVENT_NAMES = ['voteUpdate', 'matchFound', 'roomStateChanged', 'memberStatusChanged',
  'aiRecommendation', 'chatMessage', 'systemMessage', 'privateMessage', 'roomFinished', 'voteWithdrawn'];

const BACKOFF_MS = { first: 250, max: 8000 };

export function backoffDelay(attempt) {
  const ceiling = Math.min(BACKOFF_MS.max, BACKOFF_MS.first * 2 ** attempt);
  return ceiling / 2 + Math.random() * (ceiling / 2);
}

// SignalR wraps a refused negotiate into a generic error; only its message still says 401.
function isUnauthorized(error) {
  return error?.statusCode === 401 || /Status code '401'|UNAUTHORIZED: /.test(error?.message ?? '');
}

export class Realtime extends EventTarget {
  /**
   * @param {string[]} nodes base URLs
   * @param {() => Promise<string>} token the access token to connect with
   */
  constructor(nodes, token) {
    super();
    this.nodes = nodes;
    this.tokenFactory = token;
    this.nodeIndex = 0;
    this.connection = null;
    this.state = 'disconnected';
    this.running = false;
    this.onConnected = async () => {};
  }

  get connected() {
    return this.state === 'connected';
  }

  start() {
    if (this.running) return;
    this.running = true;
    this.#connectLoop();
  }

  async stop() {
    this.running = false;
    const connection = this.connection;
    this.connection = null;
    this.#setState('disconnected');
    await connection?.stop();
  }

  async invoke(method, argument) {
    if (!this.connected) throw new TrinityError('UNAVAILABLE', 'not connected; reconnecting');
    try {
      return await this.connection.invoke(method, argument);
    } catch (error) {
      throw TrinityError.fromHub(error);
    }
  }

  async #connectLoop() {
    for (let attempt = 0; this.running; attempt++) {
      this.#setState('reconnecting');
      const node = this.nodes[this.nodeIndex % this.nodes.length];
      const connection = this.#build(node);
      try {
        await connection.start();
      } catch (error) {
        if (isUnauthorized(error)) {
          this.running = false;
          this.#setState('disconnected');
          this.dispatchEvent(new Event('unauthorized'));
          return;
        }
        this.nodeIndex++;
        await new Promise((resolve) => setTimeout(resolve, backoffDelay(attempt)));
        continue;
      }
      if (!this.running) return void connection.stop();
      this.connection = connection;
      connection.onclose(() => this.#lost(connection));
      this.#setState('connected');
      try {
        await this.onConnected();
      } catch (error) {
        this.dispatchEvent(new CustomEvent('error', { detail: error }));
        // This node cannot give the room back (still starting, or cut off): try again, maybe elsewhere.
        if (error?.code === 'UNAVAILABLE' && connection === this.connection) {
          this.nodeIndex++;
          void connection.stop();
        }
      }
      return;
    }
  }

  #lost(connection) {
    if (connection !== this.connection) return;
    this.connection = null;
    if (this.running) this.#connectLoop();
    else this.#setState('disconnected');
  }

  #build(node) {
    const connection = new signalR.HubConnectionBuilder()
      .withUrl(node + '/realtime', { accessTokenFactory: this.tokenFactory })
      .configureLogging(signalR.LogLevel.None)
      .build();
    for (const name of EVENT_NAMES)
      connection.on(name, (payload) => this.dispatchEvent(new CustomEvent('message', { detail: { name, payload } })));
    return connection;
  }

  #setState(state) {
    if (state === this.state) return;
    this.state = state;
    this.dispatchEvent(new CustomEvent('state', { detail: state }));
  }
}
