// Renders the room: its header and invite, the caller's current card, everyone's progress and
// presence, the matches (with a celebration as one arrives) and the end state.

import { $, el, show, formatTime } from './dom.js';
import { poster } from './poster.js';
import { appBase } from './nodes.js';
import { t } from './i18n.js';
import { trailerButton, whereToWatch } from './watch.js';

// Why a room ended: from its `finished` (snapshots and roomFinished), else from the status change's reason.
const END_REASONS = { closed: 'reason.closed', match: 'reason.match', firstMatch: 'reason.match', decided: 'reason.decided',
  exhausted: 'reason.exhausted', empty: 'reason.empty' };
const RUNNERS_UP = 4;

export class RoomView {
  /** @param {{ connected: boolean }} link whether the live connection is up now */
  constructor(store, session, link) {
    this.store = store;
    this.session = session;
    this.link = link;
    this.shownMediaId = undefined;
    this.endSeenFor = null;
    store.addEventListener('change', () => this.render());
    store.addEventListener('match', ({ detail }) => this.celebrate(detail));
    session.addEventListener('voting', () => this.store.room && this.renderCard(this.store.room.status === 'finished'));
    $('match-banner-close').addEventListener('click', () => show($('match-banner'), false));
    $('copy-invite').addEventListener('click', () => this.copyInvite());
    // A node without the QR endpoint (an older one) leaves the code and the link, not a broken image.
    $('invite-qr').addEventListener('error', () => show($('invite-qr'), false));
    $('invite-qr').addEventListener('load', () => show($('invite-qr'), true));
    $('share-invite').addEventListener('click', () => this.shareInvite());
    show($('share-invite'), typeof navigator.share === 'function');
  }

  /** Everything again, e.g. in another language or after the connection came or went. */
  refresh() {
    this.shownMediaId = undefined;
    this.render();
  }

  render() {
    const room = this.store.room;
    if (!room) return;
    const finished = room.status === 'finished';
    $('room-title').textContent = room.name;
    $('room-meta').textContent = [t(room.consensus === 'majority' ? 'room.majority' : 'room.unanimous'), t('room.titles', { n: this.store.queueLength }),
      room.endOnFirstMatch && t('room.endsOnFirst'), finished && t('room.finished')].filter(Boolean).join(' · ');
    this.renderInvite(room.inviteCode);
    show($('close-room'), room.creatorId === this.store.userId && !finished);
    show($('decide-now'), room.creatorId === this.store.userId && !finished);
    this.renderCard(finished);
    this.renderMembers();
    this.renderMatches();
    this.renderEnd(finished, room);
    // A finished room's pick, at the top of the voting panel, takes the place of the last match's banner.
    if (finished) show($('match-banner'), false);
  }

  renderInvite(code) {
    if ($('invite-code').textContent === code) return;
    $('invite-code').textContent = code;
    const link = new URL(`${appBase()}/join/${code}`);
    $('invite-link').href = link.href;
    $('invite-link').textContent = link.host + link.pathname;
    // The node draws the QR code of this same link (GET {base}/api/invites/{code}/qr.svg).
    $('invite-qr').src = `api/invites/${encodeURIComponent(code)}/qr.svg`;
  }

  renderCard(finished) {
    const item = finished ? null : this.store.current;
    // A vote cut off with the link is sent again after the rejoin: until it is answered, no other vote.
    const canVote = item !== null && !this.session.voting && !this.session.pendingVote && this.link.connected;
    $('like').disabled = !canVote;
    $('dislike').disabled = !canVote;
    show($('offline-note'), !this.link.connected);
    $('offline-note').textContent = t(this.session.pendingVote ? 'vote.waiting' : 'conn.offline');
    // A finished room has nothing to vote on: the buttons go, not just grey out.
    show($('vote-buttons'), !finished);
    show($('undo').parentElement, !finished);
    for (const hint of document.querySelectorAll('.keys, .swipe-hint')) show(hint, !finished);
    const { totalVotes, requiredVotes } = this.store.room.progress;
    $('undo').disabled = !this.session.canUndo || this.session.voting || !this.link.connected;
    $('my-progress').textContent = t('progress', { n: totalVotes, m: requiredVotes });
    $('my-progress').dataset.voted = String(totalVotes);
    // Keyed by the state too: a finished room must replace "waiting for the others".
    const shown = finished ? 'finished' : item?.mediaId ?? null;
    if (shown === this.shownMediaId) return; // keep the card (and its animation) while it is the same title
    this.shownMediaId = shown;
    const slot = $('card-slot');
    if (finished) return void slot.replaceChildren();
    if (!item) return void slot.replaceChildren(el('p', { class: 'card-done', text: t('card.done') }));
    const facts = [item.year, t(item.mediaType === 'tv' ? 'card.tv' : 'card.movie'), item.rating ? `★ ${item.rating}` : null].filter(Boolean).join(' · ');
    const trailer = trailerButton(item);
    slot.replaceChildren(el('article', { class: `card${item.posterUrl ? ' has-art' : ''}`, 'data-testid': 'card', dataset: { mediaId: item.mediaId }, 'aria-labelledby': 'card-title' },
      poster(item),
      el('div', { class: 'card-body' },
        el('h4', { id: 'card-title', 'data-testid': 'card-title', text: item.title }),
        el('p', { class: 'facts', text: facts }),
        el('ul', { class: 'genres', 'aria-label': t('card.genres') }, ...item.genres.map((g) => el('li', { text: g }))),
        el('p', { class: 'overview', text: item.overview }),
        trailer && el('p', { class: 'card-links' }, trailer),
        whereToWatch(item))));
  }

  renderMembers() {
    const room = this.store.room;
    const total = this.store.queueLength;
    // Offline, this page cannot know who is online: nobody is shown as online.
    const online = (m) => this.link.connected && m.online;
    const sorted = [...room.members].sort((a, b) => Number(online(b)) - Number(online(a)) || a.displayName.localeCompare(b.displayName));
    $('members').replaceChildren(...sorted.map((m) => el('li', {
      class: `member ${online(m) ? 'online' : 'offline'}`, 'data-testid': 'member', dataset: { userId: m.userId, online: String(online(m)) },
    },
      el('span', { class: 'presence', 'aria-hidden': 'true' }),
      el('span', { class: 'name' }, m.displayName, m.userId === this.store.userId ? t('members.you') : '', m.role === 'creator' ? ' ★' : ''),
      el('span', { class: 'visually-hidden', text: t(online(m) ? 'members.online' : 'members.offline') }),
      el('progress', { max: String(Math.max(total, 1)), value: String(m.votesCast), 'aria-label': t('members.progress', { name: m.displayName }) }),
      el('span', { class: 'count', 'data-testid': 'member-progress', text: `${m.votesCast}/${total}` }))));
  }

  renderMatches() {
    const matches = this.store.room.matches;
    show($('no-matches'), matches.length === 0);
    $('no-matches').textContent = t(this.store.room.status === 'finished' ? 'matches.noneFinal' : 'matches.none');
    const titles = new Map(this.store.room.queue.map((t) => [t.mediaId, t]));
    $('matches').replaceChildren(...matches.map((m) => el('li', { class: 'match', 'data-testid': 'match', dataset: { mediaId: m.mediaId } },
      el('strong', { text: m.mediaTitle }),
      el('span', { class: 'hint', text: ` · ${t(`match.${m.matchType}`)} · ${t('match.liked', { n: m.participants.length })} · ${formatTime(m.matchedAt)}` }),
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
    const likes = (r) => t(r.likes === 1 ? 'end.like' : 'end.likes', { n: r.likes });
    const reason = END_REASONS[ending?.reason ?? room.statusReason];
    end.replaceChildren(...[
      el('h4', { text: t('end.heading') }),
      pick && el('p', { class: 'hint', text: t('end.tonight') }),
      pick && el('p', { class: 'final-pick', 'data-testid': 'final-pick', dataset: { mediaId: pick.mediaId }, text: pick.mediaTitle }),
      pick && el('p', { class: 'hint', text: `${likes(pick)} · ${t(pick.matched ? 'end.matched' : 'end.closest')}` }),
      el('p', { class: 'finish-reason', 'data-testid': 'finish-reason', text: t(reason ?? 'end.over') }),
      !pick && el('p', { text: t('end.nothing') }),
      others.length > 0 && el('p', { class: 'hint', text: t('end.also', { list: others.map((r) => `${r.mediaTitle} (${likes(r)})`).join(', ') }) }),
    ].filter(Boolean));
    // The ending is news once per room: bring it to where the person is looking.
    if (this.endSeenFor !== room.roomId) {
      this.endSeenFor = room.roomId;
      end.scrollIntoView({ block: 'center' });
    }
  }

  celebrate(match) {
    // The banner floats over the page (see app.css), so it is seen wherever the person has scrolled to.
    $('match-banner-title').textContent = match.mediaTitle;
    show($('match-banner'), this.store.room?.status !== 'finished');
    const banner = $('match-banner');
    banner.classList.remove('pop');
    void banner.offsetWidth; // restart the animation for a second match in a row
    banner.classList.add('pop');
  }

  async copyInvite() {
    try {
      await navigator.clipboard.writeText($('invite-link').href);
      $('copy-invite').textContent = t('room.copied');
    } catch { /* not allowed here: the link is on screen anyway */ }
  }

  async shareInvite() {
    try {
      await navigator.share({ title: t('room.shareTitle'), url: $('invite-link').href });
    } catch { /* dismissed */ }
  }
}
