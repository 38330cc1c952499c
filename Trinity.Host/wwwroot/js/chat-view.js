// Room chat and private messages in one log, the recipient picker, and the mood box that asks
// the room's recommender and shows its answer.

import { $, el, formatTime } from './dom.js';
import { t } from './i18n.js';

const MAX_LINES = 200;

export class ChatView {
  constructor(store, session, reportError) {
    this.store = store;
    this.session = session;
    this.reportError = reportError;
    // Room lines come from snapshots (the room keeps its last 50) and live events; seq says which are new.
    this.lastSeq = 0;
    store.addEventListener('history', ({ detail: lines }) => lines.forEach((m) => this.roomLine(m)));
    store.addEventListener('chat', ({ detail: m }) => this.roomLine(m));
    store.addEventListener('recommendation', ({ detail }) => this.recommendation(detail));
    store.addEventListener('change', () => this.renderRecipients());
    session.addEventListener('private', ({ detail: m }) => {
      if (m.roomId === store.roomId) this.line(t('chat.toYou', { name: m.fromDisplayName }), m.text, m.timestamp, { private: true });
    });
    session.addEventListener('entered', () => this.reset());
    $('chat-form').addEventListener('submit', (e) => this.send(e));
    $('mood-form').addEventListener('submit', (e) => this.askMood(e));
  }

  reset() {
    this.lastSeq = 0;
    $('chat-log').replaceChildren();
    $('recommendations').replaceChildren();
  }

  roomLine(m) {
    if (m.seq <= this.lastSeq) return;
    this.lastSeq = m.seq;
    this.line(m.displayName, m.text, m.timestamp, { mine: m.userId === this.store.userId });
  }

  line(who, text, timestamp, flags = {}) {
    const log = $('chat-log');
    log.append(el('li', { class: `chat-line${flags.private ? ' private' : ''}${flags.mine ? ' mine' : ''}`, 'data-testid': 'chat-line' },
      el('span', { class: 'who', text: who }),
      el('span', { class: 'text', text }),
      el('time', { class: 'hint', text: formatTime(timestamp) })));
    while (log.children.length > MAX_LINES) log.firstElementChild.remove();
    log.scrollTop = log.scrollHeight;
  }

  renderRecipients() {
    const select = $('chat-to');
    const members = (this.store.room?.members ?? []).filter((m) => m.userId !== this.store.userId);
    const chosen = select.value;
    select.replaceChildren(el('option', { value: '', text: t('chat.everyone') }),
      ...members.map((m) => el('option', { value: m.userId, text: t('chat.only', { name: m.displayName }) })));
    select.value = members.some((m) => m.userId === chosen) ? chosen : '';
  }

  async send(event) {
    event.preventDefault();
    const input = $('chat-input');
    const text = input.value.trim();
    const to = $('chat-to').value;
    if (!text) return;
    try {
      const { delivered } = await this.session.sendMessage(text, to || undefined);
      input.value = '';
      // A room line comes back as chatMessage; a private one is only echoed here.
      if (to) {
        const name = this.store.room?.members.find((m) => m.userId === to)?.displayName ?? '';
        this.line(t('chat.fromYou', { name }), delivered ? text : t('chat.notDelivered', { text }), null, { private: true, mine: true });
      }
    } catch (error) {
      this.reportError(error);
    }
  }

  async askMood(event) {
    event.preventDefault();
    const input = $('mood-input');
    const mood = input.value.trim();
    if (!mood) return;
    // Shown before the call: the aiRecommendation event may arrive before the call's own answer.
    const asking = el('p', { class: 'hint', text: t('mood.asking') });
    $('recommendations').replaceChildren(asking);
    try {
      await this.session.recommend(mood);
      input.value = '';
    } catch (error) {
      asking.remove();
      this.reportError(error);
    }
  }

  recommendation(r) {
    const who = this.store.room?.members.find((m) => m.userId === r.requestedBy)?.displayName ?? t('reco.someone');
    // added, reading and reasons are absent from recommendations made before the server sent them;
    // reading, reasons and reasoning come in the request's own language (r.language).
    const added = r.added ?? r.titles.length;
    const count = added === 0 ? t('reco.none') : added === 1 ? t('reco.one') : t('reco.many', { n: added });
    $('recommendations').replaceChildren(el('div', { class: 'recommendation' },
      el('p', { text: r.reading ? t('reco.asked', { who }) : t('reco.askedFeeling', { who, state: r.emotionalState || t('reco.curious') }) }),
      r.reading ? el('p', { class: 'reading', lang: r.language, text: r.reading }) : null,
      el('ul', { lang: r.language }, ...r.titles.map((title, i) => el('li', { text: r.reasons?.[i] ? `${title} — ${r.reasons[i]}` : title }))),
      r.reasoning && r.reasoning !== r.reading ? el('p', { class: 'hint', lang: r.language, text: r.reasoning }) : null,
      el('p', { class: 'hint', 'data-testid': 'recommendation-count',
        text: [count, t(r.source === 'model' ? 'reco.model' : 'reco.keywords'), t('reco.confidence', { p: Math.round((r.confidence ?? 0) * 100) })].join(' · ') })));
  }
}
