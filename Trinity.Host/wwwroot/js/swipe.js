// Swiping the card: it follows the finger (or mouse) and, let go far enough right or left, likes or
// nopes it; short of that it springs back. Pointer events cover touch, pen and mouse alike.

const THRESHOLD = 0.3; // of the card's width
const MAX_TILT_DEG = 12;

/** @param {HTMLElement} slot the card's container; @param {(type: string) => Promise} vote; @param {() => boolean} canVote */
export function enableSwipe(slot, vote, canVote) {
  let drag = null;

  slot.addEventListener('pointerdown', (event) => {
    const card = event.target.closest('[data-testid=card]');
    // Links on the card (trailer, where to watch) stay links.
    if (!card || event.target.closest('a, button') || !event.isPrimary || !canVote()) return;
    drag = { card, pointerId: event.pointerId, startX: event.clientX, startY: event.clientY, dx: 0 };
    card.setPointerCapture(event.pointerId);
    card.classList.add('dragging');
  });

  slot.addEventListener('pointermove', (event) => {
    if (!drag || event.pointerId !== drag.pointerId) return;
    drag.dx = event.clientX - drag.startX;
    const width = drag.card.offsetWidth || 1;
    const ratio = Math.max(-1, Math.min(1, drag.dx / width));
    drag.card.style.transform = `translateX(${drag.dx}px) rotate(${ratio * MAX_TILT_DEG}deg)`;
    drag.card.dataset.swipe = Math.abs(ratio) >= THRESHOLD ? (ratio > 0 ? 'like' : 'dislike') : '';
  });

  const release = (event) => {
    if (!drag || event.pointerId !== drag.pointerId) return;
    const { card, dx } = drag;
    drag = null;
    card.classList.remove('dragging');
    if (event.type === 'pointerup' && Math.abs(dx) >= (card.offsetWidth || 1) * THRESHOLD) {
      card.style.transform = `translateX(${Math.sign(dx) * 120}%) rotate(${Math.sign(dx) * MAX_TILT_DEG}deg)`;
      // The next title replaces the card; if it stays (the vote waits or failed), it comes back.
      Promise.resolve(vote(dx > 0 ? 'like' : 'dislike')).finally(() => reset(card));
    } else reset(card);
  };
  const reset = (card) => {
    card.style.transform = '';
    card.dataset.swipe = '';
  };
  slot.addEventListener('pointerup', release);
  slot.addEventListener('pointercancel', release);
}
