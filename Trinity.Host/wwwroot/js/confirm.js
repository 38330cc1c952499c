// An in-page confirmation before something that cannot be taken back (Close room, Leave room).

import { $ } from './dom.js';
import { t } from './i18n.js';

/** Resolves true when the person presses the yes button, false on Cancel or Escape. */
export function confirmAction(questionKey, yesKey) {
  const dialog = $('confirm');
  $('confirm-text').textContent = t(questionKey);
  $('confirm-yes').textContent = t(yesKey);
  dialog.returnValue = '';
  dialog.showModal();
  return new Promise((resolve) => dialog.addEventListener('close', () => resolve(dialog.returnValue === 'yes'), { once: true }));
}
