// The lobby: create a room with its settings, or join one by its invite code.

import { $, el } from './dom.js';

export class LobbyView {
  constructor(session, reportError) {
    this.session = session;
    this.reportError = reportError;
    $('create-form').addEventListener('submit', (e) => this.create(e));
    $('join-form').addEventListener('submit', (e) => this.join(e));
  }

  /** Genre choices come from the catalogue itself, so they never drift from the server's. */
  showGenres(titles) {
    const genres = [...new Set(titles.flatMap((t) => t.genres))].sort();
    $('genre-choices').replaceChildren(...genres.map((g) =>
      el('label', { class: 'chip' }, el('input', { type: 'checkbox', name: 'genre', value: g }), ` ${g.replace('-', ' ')}`)));
  }

  request() {
    const checked = (name) => [...document.querySelectorAll(`#create-form input[name="${name}"]:checked`)].map((i) => i.value);
    const genres = checked('genre');
    const mediaTypes = checked('mediaType');
    return {
      name: $('room-name').value.trim(),
      consensus: $('consensus').value,
      queueSize: Number($('queue-size').value),
      endOnFirstMatch: $('end-on-first-match').checked,
      ...(genres.length || mediaTypes.length ? { filters: { ...(genres.length ? { genres } : {}), ...(mediaTypes.length ? { mediaTypes } : {}) } } : {}),
    };
  }

  async create(event) {
    event.preventDefault();
    await this.#busy(event.submitter, () => this.session.create(this.request()));
  }

  async join(event) {
    event.preventDefault();
    await this.#busy(event.submitter, () => this.session.join($('join-code').value));
  }

  async #busy(button, action) {
    if (button) button.disabled = true;
    try {
      await action();
    } catch (error) {
      this.reportError(error);
    } finally {
      if (button) button.disabled = false;
    }
  }
}
