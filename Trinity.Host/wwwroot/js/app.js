// Entry point: signs the guest in, then wires the connection, the room state and the views.

import { $, show, busy } from './dom.js';
import { appBase, nodeUrls } from './nodes.js';
import { Api } from './api.js';
import { Identity } from './identity.js';
import { Realtime } from './realtime.js';
import { RoomStore } from './room-store.js';
import { RoomSession } from './room-session.js';
import { RoomView } from './room-view.js';
import { ChatView } from './chat-view.js';
import { LobbyView } from './lobby-view.js';
import { showError, showSystemMessage } from './banners.js';
import { applyStatic, lang, language, setLanguage, t } from './i18n.js';
import { confirmAction } from './confirm.js';
import { enableSwipe } from './swipe.js';

const nodes = nodeUrls();
const api = new Api(nodes);
const identity = new Identity(api);
const basePath = new URL(appBase()).pathname.replace(/\/+$/, '');
const invite = /^\/join\/([A-Za-z0-9]{6})\/?$/.exec(window.location.pathname.slice(basePath.length))?.[1]?.toUpperCase() ?? null;

function showView(name) {
  for (const view of ['sign-in', 'lobby', 'room']) show($(`${view}-view`), view === name);
}

function setUpLanguage() {
  applyStatic();
  $('language').value = lang();
  $('language').addEventListener('change', (event) => setLanguage(event.target.value));
}

function signInFirst() {
  showView('sign-in');
  const inviteNote = () => { $('invite-note').textContent = t('signin.invited', { code: invite }); };
  if (invite) {
    inviteNote();
    language.addEventListener('change', inviteNote);
    show($('invite-note'), true);
  }
  $('sign-in-form').addEventListener('submit', (event) => {
    event.preventDefault();
    void busy(event.submitter, async () => {
      await identity.signIn($('display-name').value.trim());
      language.removeEventListener('change', inviteNote);
      start();
    }, showError);
  });
}

function start() {
  const { userId } = identity.current;
  const realtime = new Realtime(nodes, () => identity.token());
  const store = new RoomStore(userId);
  const session = new RoomSession(realtime, store);
  const roomView = new RoomView(store, session, realtime);
  const chatView = new ChatView(store, session, showError);
  const lobby = new LobbyView(session, showError, async () => api.myRooms(await identity.token()));
  const showName = () => {
    $('who').textContent = identity.current.displayName;
    $('new-name').value = identity.current.displayName;
  };
  showName();

  const showConnection = (state) => {
    $('connection-state').textContent = state;
    $('connection-label').dataset.i18n = `conn.${state}`;
    $('connection-label').textContent = t(`conn.${state}`);
    $('connection-state').parentElement.dataset.state = state;
  };
  realtime.addEventListener('state', ({ detail: state }) => {
    showConnection(state);
    roomView.render(); // the vote buttons, the offline note and the members' presence follow the link
    if (state === 'connected' && !$('lobby-view').hidden) void lobby.loadRooms();
  });
  realtime.addEventListener('unauthorized', () => {
    identity.signOut();
    window.location.reload(); // the server no longer knows this token: sign in again
  });
  realtime.addEventListener('error', ({ detail }) => showError(detail));
  session.addEventListener('error', ({ detail }) => showError(detail));
  session.addEventListener('system', ({ detail }) => showSystemMessage(detail));
  session.addEventListener('entered', () => {
    showView('room');
    $('errors').replaceChildren(); // the lobby's last error is not about this room
    // A new room starts at its top (its name and invite code), not at the lobby's scroll position.
    window.scrollTo(0, 0);
    // An invite link has done its job; a reload should not join again by code.
    if (invite) window.history.replaceState(null, '', basePath + '/' + window.location.search);
  });
  session.addEventListener('left', () => {
    showView('lobby');
    window.scrollTo(0, 0);
    void lobby.loadRooms();
  });
  language.addEventListener('change', () => {
    roomView.refresh();
    chatView.renderRecipients();
    lobby.renderRooms();
    showConnection(realtime.state);
  });

  const vote = (type) => session.vote(type).catch(showError);
  $('like').addEventListener('click', () => vote('like'));
  $('dislike').addEventListener('click', () => vote('dislike'));
  enableSwipe($('card-slot'), vote, () => !$('like').disabled);
  document.addEventListener('keydown', (event) => {
    if ($('room-view').hidden || $('confirm').open || event.target.closest('input, textarea, select') || event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key === 'ArrowRight') vote('like');
    else if (event.key === 'ArrowLeft') vote('dislike');
    else return;
    event.preventDefault();
  });
  $('back-to-lobby').addEventListener('click', () => session.exit());
  const confirmed = (question, yes, action) => async () => {
    if (await confirmAction(question, yes)) await action().catch(showError);
  };
  $('leave-room').addEventListener('click', confirmed('confirm.leave', 'room.leave', () => session.leave()));
  $('close-room').addEventListener('click', confirmed('confirm.close', 'room.close', () => session.close()));
  // FORBIDDEN here means the rule, not the person: say which.
  const explain = (sentence) => (error) => showError(error.code === 'FORBIDDEN' ? { sentence } : error);
  $('decide-now').addEventListener('click', () => session.decide().catch(explain('error.nothingToDecide')));
  $('undo').addEventListener('click', () => session.undo().catch(explain('error.matchedFinal')));

  $('rename-form').addEventListener('submit', (event) => {
    event.preventDefault();
    void busy(event.submitter, async () => {
      await identity.rename($('new-name').value.trim());
      showName();
      showSystemMessage({ type: 'info', message: t('account.renamed', { name: identity.current.displayName }) });
      // The live connection still carries the old name: connect again with the new token.
      await realtime.stop();
      realtime.start();
    }, showError);
  });
  $('sign-out').addEventListener('click', async () => {
    await realtime.stop();
    session.exit();
    identity.signOut();
    window.location.assign(basePath + '/');
  });

  showView('lobby');
  if (invite) session.joinWhenConnected(invite);
  identity.token().then((token) => api.media(token)).then((titles) => lobby.showGenres(titles)).catch(() => {});
  realtime.start();
}

setUpLanguage();
if (identity.signedIn) start();
else signInFirst();
