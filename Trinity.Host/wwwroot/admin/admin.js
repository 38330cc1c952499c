// The operations dashboard: polls this node's admin API every 2 s with the key kept for this tab only.
const PollMs = 2000;
const keyStore = "trinity-admin-key";
const $ = (id) => document.getElementById(id);
let previousVotes = null; // { total, at } from the last /metrics scrape

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

/** Votes persisted by rooms on this node, from the Prometheus counter; null when /metrics is absent. */
async function votesTotal() {
  const response = await fetch("metrics");
  if (!response.ok) return null;
  const line = (await response.text()).split("\n").find((l) => l.startsWith("trinity_votes_total"));
  return line ? Number(line.trim().split(/\s+/)[1]) : 0;
}

function cell(row, text, className) {
  const td = row.insertCell();
  td.textContent = text ?? "-";
  if (className) td.className = className;
  return td;
}

function fill(testId, rows, render) {
  const body = document.querySelector(`[data-testid="${testId}"] tbody`);
  body.replaceChildren();
  for (const item of rows) render(body.insertRow(), item);
}

function action(row, label, path, address) {
  const button = document.createElement("button");
  button.textContent = label;
  button.addEventListener("click", async () => {
    if (!confirm(`${label} ${address}?`)) return;
    try {
      await admin(path, { method: "POST", body: JSON.stringify({ address }) });
    } catch (e) {
      alert(e.message);
    }
  });
  row.insertCell().append(button);
}

function render(cluster, stats, votesPerSecond) {
  $("leader").textContent = cluster.leader ?? "none";
  $("self").textContent = cluster.self;
  fill("members", cluster.members, (row, m) => {
    row.dataset.reachable = m.reachable;
    cell(row, m.address);
    cell(row, m.status);
    cell(row, m.reachable ? "yes" : "NO");
    if (!m.reachable) action(row, "Down", "/cluster/down", m.address);
    else if (m.status === "Up") action(row, "Leave", "/cluster/leave", m.address);
    else cell(row, "");
  });
  const region = (node, name) => node.regions.find((r) => r.region === name) ?? { shards: 0, entities: 0 };
  fill("nodes", cluster.nodes, (row, n) => {
    cell(row, n.address);
    cell(row, n.connections, "number");
    cell(row, region(n, "room").entities, "number");
    cell(row, region(n, "room").shards, "number");
    cell(row, region(n, "invite-code").entities, "number");
    cell(row, region(n, "user-rooms").entities, "number");
  });
  $("votes-per-second").textContent = votesPerSecond === null ? "-" : votesPerSecond.toFixed(1);
  $("connections").textContent = stats.totalConnections;
  $("active-rooms").textContent = stats.activeRooms;
  fill("rooms", stats.roomStats, (row, r) => {
    cell(row, r.roomId);
    cell(row, r.memberCount, "number");
    cell(row, r.onlineMembers, "number");
    cell(row, r.connections, "number");
  });
}

async function poll() {
  try {
    const [cluster, stats, votes] = await Promise.all([admin("/cluster"), admin("/stats"), votesTotal()]);
    const now = performance.now();
    let votesPerSecond = null;
    if (votes !== null && previousVotes !== null) votesPerSecond = Math.max(0, votes - previousVotes.total) / ((now - previousVotes.at) / 1000);
    if (votes !== null) previousVotes = { total: votes, at: now };
    render(cluster, stats, votesPerSecond);
    $("status").textContent = `updated ${new Date().toLocaleTimeString()}`;
    $("status").dataset.state = "ok";
  } catch (e) {
    $("status").textContent = e.status === 401 ? "wrong admin key" : `error: ${e.message}`;
    $("status").dataset.state = "error";
    if (e.status === 401) return showKeyForm();
  }
  setTimeout(poll, PollMs);
}

function showKeyForm() {
  $("key-form").hidden = false;
  $("dashboard").hidden = true;
}

$("key-form").addEventListener("submit", (event) => {
  event.preventDefault();
  sessionStorage.setItem(keyStore, $("key").value);
  $("key-form").hidden = true;
  $("dashboard").hidden = false;
  previousVotes = null;
  poll();
});

if (sessionStorage.getItem(keyStore)) {
  $("key-form").hidden = true;
  $("dashboard").hidden = false;
  poll();
}
