// The guest identity ({ userId, displayName, token, expiresAt }) kept in localStorage, so a reload
// or a new tab is the same user. The token is swapped for a fresh one when a third of its
// lifetime is left: a client that keeps coming back never loses its identity.

import { TrinityError } from './api.js';

const STORAGE_KEY = 'trinity.identity';
const MIN_MARGIN_MS = 60_000;

function jwtClaims(token) {
  try {
    const base64 = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    return JSON.parse(atob(base64));
  } catch {
    return {};
  }
}

export class Identity {
  constructor(api, storage = window.localStorage) {
    this.api = api;
    this.storage = storage;
    this.current = this.#load();
    this.refreshing = null;
    this.timer = null;
    this.#schedule();
  }

  get signedIn() {
    return this.current !== null;
  }

  async signIn(displayName) {
    this.#save(await this.api.guest(displayName));
  }

  /** Same user, new display name: a fresh token carries it (rooms joined before keep the old one). */
  async rename(displayName) {
    this.#save(await this.api.rename(await this.token(), displayName));
  }

  signOut() {
    this.storage.removeItem(STORAGE_KEY);
    this.current = null;
    clearTimeout(this.timer);
  }

  /** The token to send now, refreshed first if it is near expiry. */
  async token() {
    if (this.current && Date.now() >= this.#refreshAt()) await this.refresh();
    if (!this.current) throw new TrinityError('UNAUTHORIZED', 'signed out: the identity expired or was refused');
    return this.current.token;
  }

  refresh() {
    this.refreshing ??= this.api.refresh(this.current.token)
      .then((fresh) => this.#save(fresh))
      .catch((error) => {
        // An expired or rejected token cannot be refreshed: the user signs in again.
        if (error.code === 'UNAUTHORIZED' || Date.now() >= this.#expiresAt()) this.signOut();
      })
      .finally(() => { this.refreshing = null; });
    return this.refreshing;
  }

  #expiresAt() {
    return Date.parse(this.current.expiresAt);
  }

  #refreshAt() {
    const claims = jwtClaims(this.current.token);
    const issued = (claims.iat ?? claims.nbf ?? 0) * 1000;
    const expires = this.#expiresAt();
    const margin = issued > 0 ? Math.max(MIN_MARGIN_MS, (expires - issued) / 3) : MIN_MARGIN_MS;
    return expires - margin;
  }

  #schedule() {
    clearTimeout(this.timer);
    if (!this.current) return;
    // At most every 30 s while refreshing fails (offline); setTimeout overflows past ~24.8 days.
    const wait = Math.min(Math.max(this.#refreshAt() - Date.now(), 30_000), 2 ** 31 - 1);
    this.timer = setTimeout(() => this.refresh().then(() => this.#schedule()), wait);
  }

  #load() {
    try {
      const stored = JSON.parse(this.storage.getItem(STORAGE_KEY));
      if (stored?.token && Date.parse(stored.expiresAt) > Date.now()) return stored;
    } catch { /* unreadable: sign in again */ }
    return null;
  }

  #save(identity) {
    this.current = identity;
    this.storage.setItem(STORAGE_KEY, JSON.stringify(identity));
    this.#schedule();
  }
}
