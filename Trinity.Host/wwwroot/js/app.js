// Entry point: signs the guest in, then wires the connection, the room state and the views.

import { $, show } from './dom.js';
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

const nodes = nodeUrls();
const api = new Api(nodes);
const identity = new Identity(api);
const basePath = new URL(appBase()).pathname.replace(/\/+$/, '');
const invite = /^\/join\/([A-Za-z0-9]{6})\/?$/.exec(window.location.pathname.slice(basePath.length))?.[1]?.toUpperCase() ?? null;

function showView(name) {
  for (const view of ['sign-in', 'lobby', 'room']) show($(`${view}-view`), view === name);
}

function signInFirst() {
  showView('sign-in');
  if (invite) {
    $('invite-note').textContent = `You're invited to room ${invite}. Pick a name to join.`;
    show($('invite-note'), true);
  }
  $('sign-in-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const button = event.submitter;
    button.disabled = true;
    try {
      await identity.signIn($('display-name').value.trim());
      start();
    } catch (error) {
      showError(error);
    } finally {
      button.disabled = false;
    }
  });
}

function start() {
  const { userId, displayName } = identity.current;
  $('who').textContent = displayName;
  const realtime = new Realtime(nodes, () => identity.token());
  const store = new RoomStore(userId);
  const session = new RoomSession(realtime, store);
  new RoomView(store, session);
  new ChatView(store, session, showError);
  const lobby = new LobbyView(session, showError);

  realtime.addEventListener('state', ({ detail: state }) => {
    $('connection-state').textContent = state;
    $('connection-state').parentElement.dataset.state = state;
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
    // An invite link has done its job; a reload should not join again by code.
    if (invite) window.history.replaceState(null, '', basePath + '/' + window.location.search);
  });
  session.addEventListener('left', () => showView('lobby'));

  const vote = (type) => session.vote(type).catch(showError);
  $('like').addEventListener('click', () => vote('like'));
  $('dislike').addEventListener('click', () => vote('dislike'));
  document.addEventListener('keydown', (event) => {
    if ($('room-view').hidden || event.target.closest('input, textarea, select') || event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key === 'ArrowRight') vote('like');
    else if (event.key === 'ArrowLeft') vote('dislike');
    else return;
    event.preventDefault();
  });
  $('back-to-lobby').addEventListener('click', () => session.exit());
  $('leave-room').addEventListener('click', () => session.leave().catch(showError));
  $('close-room').addEventListener('click', () => session.close().catch(showError));
  // FORBIDDEN here means the rule, not the person: say which.
  const explain = (sentence) => (error) => showError(error.code === 'FORBIDDEN' ? new Error(sentence) : error);
  $('decide-now').addEventListener('click', () => session.decide().catch(explain('Nothing to decide yet: someone has to like a title first.')));
  $('undo').addEventListener('click', () => session.undo().catch(explain('That title has matched, so its votes are final.')));

  showView('lobby');
  if (invite) session.joinWhenConnected(invite);
  identity.token().then((token) => api.media(token)).then((titles) => lobby.showGenres(titles)).catch(() => {});
  realtime.start();
}

if (identity.signedIn) start();
else signInFirst();
