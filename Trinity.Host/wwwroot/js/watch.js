// Where a title can be watched (MediaItem.availableOn) and its trailer: on the card and beside a match.

import { el } from './dom.js';

const KINDS = { stream: 'Stream', rent: 'Rent', buy: 'Buy' };

function link(text, href, className) {
  return el('a', { class: className, href, target: '_blank', rel: 'noopener noreferrer', text });
}

/** "Open in Jellyfin" links, then one line per kind of offer ("Stream: Netflix, Filmin"); null when nothing is known. */
export function whereToWatch(item) {
  const places = item?.availableOn ?? [];
  if (places.length === 0) return null;
  const lines = [];
  for (const p of places.filter((p) => p.kind === 'library')) {
    lines.push(el('li', {}, p.url ? link(`Open in ${p.name}`, p.url, 'library') : `In your ${p.name} library`));
  }
  for (const [kind, label] of Object.entries(KINDS)) {
    const offers = places.filter((p) => p.kind === kind);
    if (offers.length === 0) continue;
    const names = offers.map((p) => p.name).join(', ');
    lines.push(el('li', {}, `${label}: `, offers[0].url ? link(names, offers[0].url) : names));
  }
  return el('ul', { class: 'where-to-watch', 'data-testid': 'where-to-watch', 'aria-label': 'Where to watch' }, ...lines);
}

export function trailerButton(item) {
  return item?.trailerUrl ? link('▶ Trailer', item.trailerUrl, 'trailer') : null;
}
