// The operations dashboard: polls this node's admin API every 2 s with the key kept for this tab only.
import { drawCharts } from "./charts.js";

const PollMs = 2000;
const keyStore = "trinity-admin-key";
const $ = (id) => document.getElementById(id);

async function admin(path, init = {}) {
  const key = sessionStorage.getItem(keyStore) ?? "";
  const response = await fetch(`api/admin${path}`, {
    ...init,
    headers: { "X-Admin-Key": key, "Content-Type": "application/json", ...(init.headers ?? {}) },
  });
  const body = await response.json().catch(() => null);
  if (!response.ok) throw Object.assign(new Error(body?.message ?? `${response.status}`), { status: response.status });
  return body;
}

/** A cell labelled with its column's heading, which the phone layout shows beside the value. */
function cell(row, text, className) {
  const td = row.insertCell();
  td.textContent = text ?? "-";
  if (className) td.className = className;
  const heading = row.closest("table")?.tHead?.rows[0]?.cells[td.cellIndex]?.textContent;
  if (heading) td.dataset.label = heading;
  return td;
}

function fill(testId, rows, render) {
  const body = document.querySelector(`[data-testid="${testId}"] tbody`);
  body.replaceChildren();
  for (const item of rows) render(body.insertRow(), item);
}

/** Asks in the page's own dialog (hooks confirm-yes / confirm-no); resolves true only for "yes". */
function confirmAction(text, verb) {
  const dialog = $("confirm");
  $("confirm-text").textContent = text;
  $("confirm-yes").textContent = verb;
  dialog.returnValue = "";
  dialog.showModal();
  $("confirm-yes").focus();
  return new Promise((resolve) => dialog.addEventListener("close", () => resolve(dialog.returnValue === "yes"), { once: true }));
}

function action(row, label, path, address, consequence) {
  const button = document.createElement("button");
  button.textContent = label;
  button.className = label === "Down" ? "small" : "small secondary";
  button.addEventListener("click", async () => {
    if (!(await confirmAction(`${label} ${address}? ${consequence}`, label))) return;
    try {
      await admin(path, { method: "POST", body: JSON.stringify({ address }) });
    } catch (e) {
      showStatus(`${label} failed: ${e.message}`, "error");
    }
  });
  row.insertCell().append(button);
}

function render(cluster, stats, recent) {
  $("leader").textContent = cluster.leader ?? "none";
  $("self").textContent = cluster.self;
  fill("members", cluster.members, (row, m) => {
    row.dataset.reachable = m.reachable;
    cell(row, m.address, "address");
    cell(row, m.status);
    cell(row, m.reachable ? "yes" : "NO");
    if (!m.reachable) action(row, "Down", "/cluster/down", m.address, "It is removed from the cluster for good; only do this when it is really gone.");
    else if (m.status === "Up") action(row, "Leave", "/cluster/leave", m.address, "Its rooms move to the other nodes and it stops.");
    else cell(row, "");
  });
  const region = (node, name) => node.regions.find((r) => r.region === name) ?? { shards: 0, entities: 0 };
  fill("nodes", cluster.nodes, (row, n) => {
    cell(row, n.address, "address");
    cell(row, n.connections, "number");
    cell(row, region(n, "room").entities, "number");
    cell(row, region(n, "room").shards, "number");
    cell(row, region(n, "invite-code").entities, "number");
    cell(row, region(n, "user-rooms").entities, "number");
  });
  const latest = recent.samples.at(-1);
  $("votes-per-second").textContent = latest ? latest.votesPerSecond.toFixed(1) : "-";
  $("connections").textContent = stats.totalConnections;
  $("active-rooms").textContent = stats.activeRooms;
  fill("rooms", stats.roomStats, (row, r) => {
    const room = cell(row, r.name ?? "(unnamed)");
    const id = document.createElement("span");
    id.className = "room-id";
    id.textContent = r.roomId;
    room.append(id);
    cell(row, r.memberCount, "number");
    cell(row, r.onlineMembers, "number");
    cell(row, r.connections, "number");
  });
  drawCharts(recent.samples);
}

function showStatus(text, state) {
  $("status").textContent = text;
  $("status").dataset.state = state;
}

async function poll() {
  try {
    const [cluster, stats, recent] = await Promise.all([admin("/cluster"), admin("/stats"), admin("/metrics/recent")]);
    render(cluster, stats, recent);
    showStatus(`updated ${new Date().toLocaleTimeString()}`, "ok");
  } catch (e) {
    showStatus(e.status === 401 ? "wrong admin key" : `error: ${e.message}`, "error");
    if (e.status === 401) return showKeyForm();
  }
  setTimeout(poll, PollMs);
}

function showKeyForm() {
  $("key-form").hidden = false;
  $("dashboard").hidden = true;
}

function showDashboard() {
  $("key-form").hidden = true;
  $("dashboard").hidden = false;
  poll();
}

$("key-form").addEventListener("submit", (event) => {
  event.preventDefault();
  sessionStorage.setItem(keyStore, $("key").value);
  showDashboard();
});

if (sessionStorage.getItem(keyStore)) showDashboard();
