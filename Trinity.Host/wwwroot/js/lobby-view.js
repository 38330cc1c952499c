// The lobby: create a room with its settings, join one by its invite code, or go back to one of my rooms.

import { $, el, show, busy } from './dom.js';
import { t, formatDate } from './i18n.js';

export class LobbyView {
  constructor(session, reportError, myRooms) {
    this.session = session;
    this.reportError = reportError;
    this.myRooms = myRooms;
    this.rooms = [];
    $('create-form').addEventListener('submit', (e) => this.create(e));
    $('join-form').addEventListener('submit', (e) => this.join(e));
  }

  /** Genre choices come from the catalogue itself, so they never drift from the server's. */
  showGenres(titles) {
    const genres = [...new Set(titles.flatMap((t) => t.genres))].sort();
    $('genre-choices').replaceChildren(...genres.map((g) =>
      el('label', { class: 'chip' }, el('input', { type: 'checkbox', name: 'genre', value: g }), ` ${g.replace('-', ' ')}`)));
  }

  /** My rooms, newest first (GET /api/me/rooms), each one tap from being open again. */
  async loadRooms() {
    try {
      this.rooms = await this.myRooms();
    } catch (error) {
      this.reportError(error);
    }
    this.renderRooms();
  }

  renderRooms() {
    show($('rooms-panel'), this.rooms.length > 0);
    $('my-rooms').replaceChildren(...this.rooms.map((room) => el('li', {},
      el('button', {
        type: 'button', class: 'my-room', 'data-testid': 'my-room', dataset: { roomId: room.roomId },
        onclick: (e) => busy(e.currentTarget, () => this.session.open(room.roomId), this.reportError),
      },
        el('span', { class: 'name', text: room.name }),
        el('span', { class: 'hint', text: [room.inviteCode, room.role === 'creator' && t('rooms.creator'), t('rooms.since', { date: formatDate(room.joinedAt) })].filter(Boolean).join(' · ') })))));
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
    await busy(event.submitter, () => this.session.create(this.request()), this.reportError);
  }

  async join(event) {
    event.preventDefault();
    await busy(event.submitter, () => this.session.join($('join-code').value), this.reportError);
  }
}
