// Where a title can be watched (MediaItem.availableOn) and its trailer: on the card and beside a match.

import { el } from './dom.js';
import { t } from './i18n.js';

const KINDS = ['stream', 'rent', 'buy'];

function link(text, href, className) {
  return el('a', { class: className, href, target: '_blank', rel: 'noopener noreferrer', text });
}

/** "Open in Jellyfin" links, then one line per kind of offer ("Stream: Netflix, Filmin"); null when nothing is known. */
export function whereToWatch(item) {
  const places = item?.availableOn ?? [];
  if (places.length === 0) return null;
  const lines = [];
  for (const p of places.filter((p) => p.kind === 'library')) {
    lines.push(el('li', {}, p.url ? link(t('watch.open', { name: p.name }), p.url, 'library') : t('watch.library', { name: p.name })));
  }
  for (const kind of KINDS) {
    const offers = places.filter((p) => p.kind === kind);
    if (offers.length === 0) continue;
    const names = offers.map((p) => p.name).join(', ');
    lines.push(el('li', {}, `${t(`watch.${kind}`)}: `, offers[0].url ? link(names, offers[0].url) : names));
  }
  return el('ul', { class: 'where-to-watch', 'data-testid': 'where-to-watch', 'aria-label': t('watch.where') }, ...lines);
}

export function trailerButton(item) {
  return item?.trailerUrl ? link(t('watch.trailer'), item.trailerUrl, 'trailer') : null;
}
