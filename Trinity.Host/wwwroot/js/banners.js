// systemMessage banners from operators, and the errors of this client's own calls as sentences in
// the page's language: a person never sees an error code.

import { $, el } from './dom.js';
import { t, hasText } from './i18n.js';

const ERROR_SHOWN_MS = 8000;

export function showSystemMessage({ type, message }) {
  const banner = el('div', { class: `banner ${type}`, role: type === 'info' ? 'status' : 'alert' },
    el('strong', { text: t(`system.${type}`) }),
    el('span', { text: ` ${message}` }),
    el('button', { type: 'button', class: 'secondary small', 'aria-label': t('dismiss'), text: '✕', onclick: () => banner.remove() }));
  $('banners').append(banner);
}

/** An error, or { sentence: key } from the page itself, as one sentence for a person. */
export function errorSentence(error) {
  if (error?.sentence) return t(error.sentence);
  const code = error?.code;
  const detail = error?.detail ?? '';
  // A lockout for wrong invite codes says how long it lasts, which helps more than "slow down".
  const wait = code === 'RATE_LIMITED' && /wrong invite codes.*try again in (\d+) s/.exec(detail);
  if (wait) return t('error.lockout', { seconds: wait[1] });
  // The server's message names the field first ("displayName is required").
  const field = code === 'VALIDATION_FAILED' && /^(\w+)/.exec(detail)?.[1];
  if (field && hasText(`error.${field}`)) return t(`error.${field}`);
  return hasText(`error.${code}`) ? t(`error.${code}`) : t('error.generic');
}

export function showError(error) {
  const line = el('p', { class: 'error', 'data-testid': 'error', text: errorSentence(error) });
  $('errors').replaceChildren(line);
  setTimeout(() => line.remove(), ERROR_SHOWN_MS);
}
