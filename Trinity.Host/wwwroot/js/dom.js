// Tiny DOM helpers: the page builds its dynamic parts with these, never with innerHTML,
// so titles and chat text from other people can never inject markup.

import { lang } from './i18n.js';

export const $ = (id) => document.getElementById(id);

/** el('li', { class: 'x', dataset: { userId } }, 'text', childNode) */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'dataset') Object.assign(node.dataset, value);
    else if (key === 'class') node.className = value;
    else if (key === 'text') node.textContent = value;
    else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? '' : value);
  }
  node.append(...children.filter((c) => c !== null && c !== undefined && c !== false));
  return node;
}

export function show(node, visible) {
  node.hidden = !visible;
}

export function formatTime(iso) {
  const date = iso ? new Date(iso) : new Date();
  return date.toLocaleTimeString(lang(), { hour: '2-digit', minute: '2-digit' });
}

/** Runs a button's action with the button disabled meanwhile (one tap, one call); a failure goes to onError. */
export async function busy(button, action, onError) {
  if (button) button.disabled = true;
  try {
    await action();
  } catch (error) {
    onError(error);
  } finally {
    if (button) button.disabled = false;
  }
}
