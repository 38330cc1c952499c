// A title's poster, or — the catalogue has none, or it fails to load — a placeholder generated from
// the title: two hues picked from a hash of the media id and the title's initials, so every card differs.

import { el } from './dom.js';
import { nodeUrls } from './nodes.js';
import { t } from './i18n.js';

/** Artwork URLs are relative to the server's base address (docs/PROTOCOL.md, MediaItem). */
function artUrl(url) {
  return new URL(url, `${nodeUrls()[0]}/`).href;
}

function hash(text) {
  let h = 2166136261;
  for (const ch of text) h = Math.imul(h ^ ch.codePointAt(0), 16777619);
  return h >>> 0;
}

function initials(title) {
  return title.split(/\s+/).filter((w) => /^[\p{L}\p{N}]/u.test(w)).slice(0, 2).map((w) => [...w][0].toUpperCase()).join('');
}

export function poster(item) {
  if (item.posterUrl) {
    return el('img', {
      class: 'poster art', src: artUrl(item.posterUrl), alt: t('poster.of', { title: item.title }), 'data-testid': 'poster',
      onerror: (e) => e.target.replaceWith(placeholder(item)),
    });
  }
  return placeholder(item);
}

function placeholder(item) {
  const h = hash(item.mediaId);
  const from = h % 360;
  const to = (from + 40 + (h >> 9) % 120) % 360;
  return el('div', {
    class: 'poster placeholder',
    role: 'img',
    'aria-label': t('poster.none', { title: item.title }),
    style: `--from: hsl(${from} 55% 38%); --to: hsl(${to} 60% 22%)`,
  }, el('span', { 'aria-hidden': 'true', text: initials(item.title) || '?' }));
}
