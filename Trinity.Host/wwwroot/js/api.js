// REST calls (docs/PROTOCOL.md section 7). Each call tries the known nodes in turn, so a node that
// is down does not stop sign-in; refusals ({ code, message }) become TrinityError at once.

export class TrinityError extends Error {
  constructor(code, message) {
    super(`${code}: ${message}`);
    this.code = code;
    this.detail = message;
  }

  /** Hub errors arrive as "CODE: message" (docs/PROTOCOL.md section 3). */
  static fromHub(error) {
    const match = /^([A-Z_]+): ([\s\S]*)$/.exec(error?.message ?? '');
    return match ? new TrinityError(match[1], match[2]) : new TrinityError('UNAVAILABLE', error?.message ?? String(error));
  }
}

export class Api {
  constructor(nodes) {
    this.nodes = nodes;
  }

  async request(method, path, { body, token } = {}) {
    let lastError = null;
    for (const node of this.nodes) {
      let response;
      try {
        response = await fetch(node + '/api' + path, {
          method,
          headers: {
            ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
            ...(token ? { Authorization: `Bearer ${token}` } : {}),
          },
          body: body !== undefined ? JSON.stringify(body) : undefined,
        });
      } catch (networkError) {
        lastError = new TrinityError('UNAVAILABLE', `${node} cannot be reached`);
        continue;
      }
      const payload = await response.json().catch(() => null);
      if (response.ok) return payload;
      lastError = new TrinityError(payload?.code ?? 'UNAVAILABLE', payload?.message ?? `HTTP ${response.status}`);
      if (response.status !== 503) throw lastError; // a refusal is the same on every node
    }
    throw lastError;
  }

  guest(displayName) {
    return this.request('POST', '/auth/guest', { body: { displayName } });
  }

  refresh(token) {
    return this.request('POST', '/auth/refresh', { token });
  }

  /** A fresh token under a new display name (PROTOCOL.md section 7). */
  rename(token, displayName) {
    return this.request('POST', '/auth/refresh', { token, body: { displayName } });
  }

  myRooms(token) {
    return this.request('GET', '/me/rooms', { token });
  }

  media(token) {
    return this.request('GET', '/media', { token });
  }
}
