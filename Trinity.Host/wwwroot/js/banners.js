// systemMessage banners from operators, and the errors of this client's own calls.

import { $, el } from './dom.js';

const ERROR_SHOWN_MS = 8000;

export function showSystemMessage({ type, message }) {
  const banner = el('div', { class: `banner ${type}`, role: type === 'info' ? 'status' : 'alert' },
    el('strong', { text: type === 'maintenance' ? 'Maintenance' : type === 'warning' ? 'Warning' : 'Notice' }),
    el('span', { text: ` ${message}` }),
    el('button', { type: 'button', class: 'secondary small', 'aria-label': 'Dismiss', text: '✕', onclick: () => banner.remove() }));
  $('banners').append(banner);
}

const FRIENDLY = {
  ROOM_NOT_FOUND: 'No room has that code.',
  ROOM_FULL: 'That room is full.',
  ROOM_CLOSED: 'That room has finished.',
  RATE_LIMITED: 'Slow down a little and try again.',
  UNAVAILABLE: 'The server is not reachable right now; trying again.',
};

export function showError(error) {
  // A lockout for wrong invite codes says how long it lasts, which helps more than "slow down".
  const wait = error?.code === 'RATE_LIMITED' && /wrong invite codes.*try again in (\d+) s/.exec(error.message ?? '');
  const text = wait ? `Too many wrong codes from your network; try again in ${wait[1]} seconds.`
    : FRIENDLY[error?.code] ?? error?.message ?? String(error);
  const line = el('p', { class: 'error', text });
  $('errors').replaceChildren(line);
  setTimeout(() => line.remove(), ERROR_SHOWN_MS);
}
