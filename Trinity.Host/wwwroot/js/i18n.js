// The page's language: English or Spanish, from the browser's languages unless the person chose one
// (kept in localStorage). t() looks sentences up; static text in index.html carries data-i18n keys
// (data-i18n-placeholder, data-i18n-aria-label, data-i18n-alt for attributes). A change of language
// fires 'change' on `language`, and every view re-renders.

import { STRINGS } from './strings.js';

const STORAGE_KEY = 'trinity.language';
export const LANGUAGES = ['en', 'es'];

function initial() {
  const saved = window.localStorage.getItem(STORAGE_KEY);
  if (LANGUAGES.includes(saved)) return saved;
  const preferred = (navigator.languages ?? [navigator.language]).map((l) => l.slice(0, 2).toLowerCase());
  return preferred.find((l) => LANGUAGES.includes(l)) ?? 'en';
}

export const language = new EventTarget();
let current = initial();

export const lang = () => current;

export function t(key, params = {}) {
  const text = STRINGS[current][key] ?? STRINGS.en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => String(params[name] ?? ''));
}

export const hasText = (key) => key in STRINGS.en;

export function setLanguage(next) {
  if (!LANGUAGES.includes(next) || next === current) return;
  current = next;
  window.localStorage.setItem(STORAGE_KEY, next);
  applyStatic();
  language.dispatchEvent(new Event('change'));
}

/** Fills the static text of the page in the current language, and sets <html lang> and the title. */
export function applyStatic(root = document) {
  document.documentElement.lang = current;
  document.title = t('page.title');
  for (const node of root.querySelectorAll('[data-i18n]')) node.textContent = t(node.dataset.i18n);
  for (const attr of ['placeholder', 'aria-label', 'alt', 'title']) {
    for (const node of root.querySelectorAll(`[data-i18n-${attr}]`)) node.setAttribute(attr, t(node.getAttribute(`data-i18n-${attr}`)));
  }
}

/** A sentence for a date in the current language, e.g. "1 Dec, 15:20". */
export function formatDate(iso) {
  return new Date(iso).toLocaleString(current, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
}
