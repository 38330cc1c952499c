// Renders the room: its header and invite, the caller's current card, everyone's progress and
// presence, the matches (with a celebration as one arrives) and the end state.

import { $, el, show, formatTime } from './dom.js';
import { poster } from './poster.js';
import { appBase } from './nodes.js';
import { trailerButton, whereToWatch } from './watch.js';

// Why a room ended: from its `finished` (snapshots and roomFinished), else from the status change's reason.
const END_REASONS = {
  closed: 'The creator closed the room.',
  match: 'The room ended on its first match.',
  firstMatch: 'The room ended on its first match.',
  decided: 'The creator decided.',
  exhausted: 'Everyone has voted on every title.',
  empty: 'Everyone left.',
};
const RUNNERS_UP = 4;

export class RoomView {
  constructor(store, session) {
    this.store = store;
    this.session = session;
    this.shownMediaId = undefined;
    this.endSeenFor = null;
    store.addEventListener('change', () => this.render());
    store.addEventListener('match', ({ detail }) => this.celebrate(detail));
    session.addEventListener('voting', () => this.store.room && this.renderCard(this.store.room.status === 'finished'));
    $('match-banner-close').addEventListener('click', () => show($('match-banner'), false));
    $('copy-invite').addEventListener('click', () => this.copyInvite());
  }

  render() {
    const room = this.store.room;
    if (!room) return;
    const finished = room.status === 'finished';
    $('room-title').textContent = room.name;
    $('room-meta').textContent = `${room.consensus === 'majority' ? 'Majority' : 'Unanimous'} · ${this.store.queueLength} titles`
      + (room.endOnFirstMatch ? ' · ends on the first match' : '') + (finished ? ' · finished' : '');
    $('invite-code').textContent = room.inviteCode;
    const link = new URL(`${appBase()}/join/${room.inviteCode}`);
    $('invite-link').href = link.href;
    $('invite-link').textContent = link.host + link.pathname;
    show($('close-room'), room.creatorId === this.store.userId && !finished);
    show($('decide-now'), room.creatorId === this.store.userId && !finished);
    this.renderCard(finished);
    this.renderMembers();
    this.renderMatches();
    this.renderEnd(finished, room);
  }

  renderCard(finished) {
    const item = finished ? null : this.store.current;
    const canVote = item !== null && !this.session.voting;
    $('like').disabled = !canVote;
    $('dislike').disabled = !canVote;
    const { totalVotes, requiredVotes } = this.store.room.progress;
    $('undo').disabled = !this.session.canUndo || this.session.voting;
    show($('undo').parentElement, !finished);
    $('my-progress').textContent = `You have voted ${totalVotes} of ${requiredVotes}`;
    $('my-progress').dataset.voted = String(totalVotes);
    // Keyed by the state too: a finished room must replace "waiting for the others".
    const shown = finished ? 'finished' : item?.mediaId ?? null;
    if (shown === this.shownMediaId) return; // keep the card (and its animation) while it is the same title
    this.shownMediaId = shown;
    const slot = $('card-slot');
    if (finished) return void slot.replaceChildren();
    if (!item) {
      slot.replaceChildren(el('p', { class: 'card-done', text: 'You have voted on every title. Waiting for the others…' }));
      return;
    }
    const facts = [item.year, item.mediaType === 'tv' ? 'TV' : 'Movie', item.rating ? `★ ${item.rating}` : null].filter(Boolean).join(' · ');
    const trailer = trailerButton(item);
    slot.replaceChildren(el('article', { class: `card${item.posterUrl ? ' has-art' : ''}`, 'data-testid': 'card', dataset: { mediaId: item.mediaId }, 'aria-labelledby': 'card-title' },
      poster(item),
      el('div', { class: 'card-body' },
        el('h4', { id: 'card-title', 'data-testid': 'card-title', text: item.title }),
        el('p', { class: 'facts', text: facts }),
        el('ul', { class: 'genres', 'aria-label': 'Genres' }, ...item.genres.map((g) => el('li', { text: g }))),
        el('p', { class: 'overview', text: item.overview }),
        trailer && el('p', { class: 'card-links' }, trailer),
        whereToWatch(item))));
  }

  renderMembers() {
    const room = this.store.room;
    const total = this.store.queueLength;
    const sorted = [...room.members].sort((a, b) => Number(b.online) - Number(a.online) || a.displayName.localeCompare(b.displayName));
    $('members').replaceChildren(...sorted.map((m) => el('li', {
      class: `member ${m.online ? 'online' : 'offline'}`, 'data-testid': 'member', dataset: { userId: m.userId, online: String(m.online) },
    },
      el('span', { class: 'presence', 'aria-hidden': 'true' }),
      el('span', { class: 'name' }, m.displayName, m.userId === this.store.userId ? ' (you)' : '', m.role === 'creator' ? ' ★' : ''),
      el('span', { class: 'visually-hidden', text: m.online ? ', online' : ', offline' }),
      el('progress', { max: String(Math.max(total, 1)), value: String(m.votesCast), 'aria-label': `${m.displayName}'s progress` }),
      el('span', { class: 'count', 'data-testid': 'member-progress', text: `${m.votesCast}/${total}` }))));
  }

  renderMatches() {
    const matches = this.store.room.matches;
    show($('no-matches'), matches.length === 0);
    $('no-matches').textContent = this.store.room.status === 'finished' ? 'No title matched this time.' : 'No match yet — keep swiping.';
    const titles = new Map(this.store.room.queue.map((t) => [t.mediaId, t]));
    $('matches').replaceChildren(...matches.map((m) => el('li', { class: 'match', 'data-testid': 'match', dataset: { mediaId: m.mediaId } },
      el('strong', { text: m.mediaTitle }),
      el('span', { class: 'hint', text: ` · ${m.matchType} · ${m.participants.length} liked · ${formatTime(m.matchedAt)}` }),
      trailerButton(titles.get(m.mediaId)),
      whereToWatch(titles.get(m.mediaId)))));
  }

  renderEnd(finished, room) {
    const end = $('room-end');
    show(end, finished);
    if (!finished) return;
    const ending = room.finished;
    const pick = ending?.pick ?? null;
    const others = (ending?.ranking ?? []).filter((r) => r.mediaId !== pick?.mediaId).slice(0, RUNNERS_UP);
    const likes = (r) => `${r.likes} ${r.likes === 1 ? 'like' : 'likes'}`;
    end.replaceChildren(...[
      el('h4', { text: 'This room has finished' }),
      pick && el('p', { class: 'hint', text: 'Tonight you watch' }),
      pick && el('p', { class: 'final-pick', 'data-testid': 'final-pick', dataset: { mediaId: pick.mediaId }, text: pick.mediaTitle }),
      pick && el('p', { class: 'hint', text: `${likes(pick)} · ${pick.matched ? 'a match' : 'the closest call'}` }),
      el('p', { class: 'finish-reason', 'data-testid': 'finish-reason', text: END_REASONS[ending?.reason ?? room.statusReason] ?? 'Voting is over.' }),
      !pick && el('p', { text: 'No title was liked this time.' }),
      others.length > 0 && el('p', { class: 'hint', text: `Also liked: ${others.map((r) => `${r.mediaTitle} (${likes(r)})`).join(', ')}` }),
    ].filter(Boolean));
    // The ending is news once per room: bring it to where the person is looking.
    if (this.endSeenFor !== room.roomId) {
      this.endSeenFor = room.roomId;
      end.scrollIntoView({ block: 'center' });
    }
  }

  celebrate(match) {
    $('match-banner-title').textContent = match.mediaTitle;
    show($('match-banner'), true);
    const banner = $('match-banner');
    banner.classList.remove('pop');
    void banner.offsetWidth; // restart the animation for a second match in a row
    banner.classList.add('pop');
  }

  async copyInvite() {
    const link = $('invite-link').href;
    try {
      if (navigator.share) await navigator.share({ title: 'Join my Trinity room', url: link });
      else await navigator.clipboard.writeText(link);
      $('copy-invite').textContent = 'Copied';
    } catch { /* dismissed or not allowed: the link is on screen anyway */ }
  }
}
