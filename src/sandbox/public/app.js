// The sandbox page: a small Slack client. It reads one person's view of the stand-in
// (/sandbox/state), re-reads it whenever the stand-in says something changed, and turns clicks
// and typing into what Slack would send the bot (through /sandbox/* on the stand-in).
import { escapeHtml, renderBlocks, textNode } from './blocks.js';

const $ = (id) => document.getElementById(id);
const params = new URLSearchParams(location.search);
const ui = {
  as: params.get('as') ?? 'U0ALEX',
  conversation: params.get('c') ?? 'C0GENERAL',
  thread: null,
  state: null,
  modalErrors: {},
  modalProblem: '',
  suggestion: 0,
};

async function post(path, body) {
  const res = await fetch(`/sandbox/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return res.json().catch(() => ({ ok: false, error: `HTTP ${res.status}` }));
}

const person = (id) => ui.state?.people.find((p) => p.id === id);
const channel = (id) =>
  ui.state?.channels.find((c) => c.id === id) ?? (ui.state?.dm.id === id ? ui.state.dm : undefined);

function blockContext(extra) {
  return {
    person,
    channel,
    people: ui.state.people,
    channels: ui.state.channels,
    ...extra,
  };
}

// ---------- per-message actions: each entry decides where it applies (reactions go here too)

const messageActions = [
  // Message shortcuts from manifest.yml, on the messages people wrote.
  (message) =>
    message.user === ui.state.bot.id || message.ephemeral
      ? []
      : ui.state.shortcuts.map((s) => ({
          label: s.name,
          run: () =>
            post('shortcut', {
              as: ui.as,
              callbackId: s.callbackId,
              channel: message.channel,
              ts: message.ts,
            }),
        })),
  // The bot's praise and learning emoji, on the messages people wrote: a click adds the
  // reaction (reaction_added), a second click takes it back (reaction_removed).
  (message) =>
    message.user === ui.state.bot.id || message.ephemeral
      ? []
      : ui.state.reactionEmoji.map((name) => {
          const mine = message.reactions.some((r) => r.name === name && r.users.includes(ui.as));
          return {
            label: `${mine ? 'Remove' : 'React with'} :${name}:`,
            run: () => post('react', { as: ui.as, channel: message.channel, ts: message.ts, reaction: name }),
          };
        }),
];

// ---------- rendering

function formatTime(ts) {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: ui.state.timezone,
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(Number(ts) * 1000));
}

function renderMessage(m, { inThread = false } = {}) {
  const bot = m.user === ui.state.bot.id;
  const author = bot ? ui.state.bot.name : (person(m.user)?.real_name ?? m.user);
  const row = document.createElement('div');
  row.className = `message${m.ephemeral ? ' ephemeral' : ''}`;
  row.dataset.ts = m.ts;
  const avatar = document.createElement('div');
  avatar.className = `avatar${bot ? ' bot' : ''}`;
  avatar.textContent = author.slice(0, 1).toUpperCase();
  const body = document.createElement('div');
  body.className = 'message-body';
  const meta = document.createElement('div');
  meta.className = 'message-meta';
  meta.innerHTML = `<span class="author">${escapeHtml(author)}</span>${bot ? '<span class="app-tag">APP</span>' : ''}<span class="time">${escapeHtml(formatTime(m.ts))}</span>${m.edited ? '<span class="edited">(edited)</span>' : ''}${m.ephemeral ? '<span class="only-you">Only visible to you</span>' : ''}`;
  body.append(meta);
  const act = (element, blockId, fields) =>
    post('action', {
      as: ui.as,
      actionId: element.action_id,
      blockId,
      channel: m.channel,
      ts: m.ts,
      action: fields,
    }).then(showProblem);
  if (m.blocks?.length) body.append(renderBlocks(m.blocks, blockContext({ act })));
  else body.append(textNode({ type: 'mrkdwn', text: m.text }, blockContext({})));
  if (m.files.length) {
    const files = document.createElement('div');
    files.className = 'files';
    for (const f of m.files) {
      const a = document.createElement('a');
      a.href = `/files/${encodeURIComponent(f.id)}`;
      a.textContent = `📄 ${f.title ?? f.name ?? f.id}`;
      files.append(a);
    }
    body.append(files);
  }
  if (!inThread) {
    const replies = ui.state.messages.filter((r) => r.thread_ts === m.ts && r.ts !== m.ts);
    if (replies.length) {
      const open = document.createElement('button');
      open.className = 'replies';
      open.type = 'button';
      open.textContent = `${replies.length} ${replies.length === 1 ? 'reply' : 'replies'}`;
      open.addEventListener('click', () => {
        ui.thread = m.ts;
        render();
      });
      body.append(open);
    }
  }
  if (m.reactions?.length) {
    const line = document.createElement('div');
    line.className = 'reactions';
    line.textContent = m.reactions.map((r) => `:${r.name}: ${r.users.length}`).join('  ');
    body.append(line);
  }
  row.append(avatar, body);
  const actions = messageActions.flatMap((a) => a(m));
  if (actions.length) {
    const bar = document.createElement('div');
    bar.className = 'message-actions';
    for (const a of actions) {
      const b = document.createElement('button');
      b.type = 'button';
      b.textContent = a.label;
      b.addEventListener('click', () => a.run().then(showProblem));
      bar.append(b);
    }
    row.append(bar);
  }
  return row;
}

// Slack sends app_home_opened each time a person looks at the Home tab: on picking it, and when
// the page shows it for someone else (Acting as) or opens on it (?c=home).
function openHome() {
  if (ui.conversation === 'home') post('home', { as: ui.as });
}

function renderSidebar() {
  const nav = $('sidebar');
  nav.replaceChildren();
  const item = (label, id) => {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = label;
    b.className = ui.conversation === id ? 'active' : '';
    b.addEventListener('click', () => {
      ui.conversation = id;
      ui.thread = null;
      render();
      openHome();
    });
    nav.append(b);
  };
  const heading = (text) => {
    const h = document.createElement('h2');
    h.textContent = text;
    nav.append(h);
  };
  heading('Channels');
  for (const c of ui.state.channels) item(`# ${c.name}`, c.id);
  heading('Direct messages');
  item(`${ui.state.dm.name} (app)`, ui.state.dm.id);
  if (ui.state.homeTab) {
    heading('Apps');
    item(`${ui.state.bot.name}: Home`, 'home');
  }
}

function renderTimeline() {
  const timeline = $('timeline');
  const atBottom = timeline.scrollHeight - timeline.scrollTop - timeline.clientHeight < 40;
  timeline.replaceChildren();
  if (ui.conversation === 'home') {
    $('title').textContent = `${ui.state.bot.name} · Home`;
    $('composer').hidden = true;
    const home = document.createElement('div');
    home.className = 'home';
    const view = ui.state.home;
    if (!view)
      home.append(
        Object.assign(document.createElement('p'), {
          className: 'empty',
          textContent: 'The app has not published a Home tab for you yet.',
        }),
      );
    else {
      const act = (element, blockId, fields) =>
        post('action', {
          as: ui.as,
          actionId: element.action_id,
          blockId,
          viewId: view.id,
          action: fields,
        }).then(showProblem);
      home.append(renderBlocks(view.blocks, blockContext({ act })));
    }
    timeline.append(home);
    return;
  }
  $('composer').hidden = false;
  const c = channel(ui.conversation);
  $('title').textContent = c ? (c.id.startsWith('D') ? c.name : `# ${c.name}`) : ui.conversation;
  const messages = ui.state.messages.filter(
    (m) => m.channel === ui.conversation && (!m.thread_ts || m.thread_ts === m.ts),
  );
  if (!messages.length) {
    timeline.append(
      Object.assign(document.createElement('p'), {
        className: 'empty',
        textContent: 'No messages yet. Type / to see the bot’s commands.',
      }),
    );
  }
  for (const m of messages) timeline.append(renderMessage(m));
  if (atBottom || !ui.rendered) timeline.scrollTop = timeline.scrollHeight;
}

function renderThread() {
  const aside = $('thread');
  const parent =
    ui.thread && ui.state.messages.find((m) => m.ts === ui.thread && m.channel === ui.conversation);
  aside.hidden = !parent;
  if (!parent) return;
  aside.replaceChildren();
  const head = document.createElement('div');
  head.className = 'thread-head';
  head.innerHTML = '<span>Thread</span>';
  const close = Object.assign(document.createElement('button'), {
    type: 'button',
    textContent: '×',
    title: 'Close thread',
  });
  close.addEventListener('click', () => {
    ui.thread = null;
    render();
  });
  head.append(close);
  aside.append(head, renderMessage(parent, { inThread: true }));
  for (const r of ui.state.messages.filter((m) => m.thread_ts === parent.ts && m.ts !== parent.ts)) {
    aside.append(renderMessage(r, { inThread: true }));
  }
}

function renderModal() {
  const backdrop = $('modal');
  const view = ui.state.modals.at(-1);
  backdrop.hidden = !view;
  if (!view) {
    backdrop.replaceChildren();
    ui.modalFor = null;
    return;
  }
  // Keep what the person typed: redraw only when Slack's view changed (hash) or errors came back.
  const key = `${view.id}:${view.hash}:${JSON.stringify(ui.modalErrors)}:${ui.modalProblem}`;
  if (ui.modalFor === key) return;
  ui.modalFor = key;
  const readers = [];
  const modal = document.createElement('div');
  modal.className = 'modal';
  modal.setAttribute('role', 'dialog');
  modal.setAttribute('aria-label', view.title?.text ?? 'Modal');
  const title = document.createElement('div');
  title.className = 'modal-title';
  title.append(textNode(view.title, blockContext({}), 'span'));
  const x = Object.assign(document.createElement('button'), {
    type: 'button',
    textContent: '×',
    title: 'Close',
  });
  x.addEventListener('click', () => closeModal(view));
  title.append(x);
  const body = document.createElement('div');
  body.className = 'modal-body';
  const values = () => {
    const state = {};
    for (const r of readers) {
      state[r.blockId] ??= {};
      state[r.blockId][r.actionId] = r.read();
    }
    return state;
  };
  const act = (element, blockId, fields) =>
    post('action', {
      as: ui.as,
      actionId: element.action_id,
      blockId,
      viewId: view.id,
      action: fields,
      values: values(),
    }).then(showProblem);
  body.append(
    renderBlocks(
      view.blocks,
      blockContext({
        act,
        errors: ui.modalErrors,
        collect: (blockId, actionId, read) => readers.push({ blockId, actionId, read }),
      }),
    ),
  );
  const foot = document.createElement('div');
  foot.className = 'modal-foot';
  const problem = Object.assign(document.createElement('span'), {
    className: 'modal-error',
    textContent: ui.modalProblem,
  });
  const cancel = Object.assign(document.createElement('button'), {
    type: 'button',
    textContent: view.close?.text ?? 'Cancel',
  });
  cancel.addEventListener('click', () => closeModal(view));
  foot.append(problem, cancel);
  if (view.submit) {
    const submit = Object.assign(document.createElement('button'), {
      type: 'button',
      className: 'submit',
      textContent: view.submit.text,
    });
    submit.addEventListener('click', async () => {
      submit.disabled = true;
      const result = await post('submit', { as: ui.as, viewId: view.id, values: values() });
      submit.disabled = false;
      ui.modalErrors = result.errors ?? {};
      ui.modalProblem = result.ok || result.errors ? '' : (result.error ?? '');
      ui.modalFor = null;
      refresh();
    });
    foot.append(submit);
  }
  modal.append(title, body, foot);
  backdrop.replaceChildren(modal);
}

async function closeModal(view) {
  ui.modalErrors = {};
  ui.modalProblem = '';
  await post('close', { as: ui.as, viewId: view.id });
  refresh();
}

function renderToolbar() {
  const when = new Intl.DateTimeFormat('en-GB', {
    timeZone: ui.state.timezone,
    dateStyle: 'full',
    timeStyle: 'short',
  }).format(new Date(ui.state.clock));
  $('clock').textContent = `🕘 ${when} (${ui.state.timezone})`;
  $('busy').textContent = ui.state.busy ?? '';
  for (const id of ['seed', 'reset', 'jump-monday', 'run-scheduler']) $(id).disabled = Boolean(ui.state.busy);
  const select = $('as');
  if (!select.options.length) {
    for (const p of ui.state.people)
      select.append(
        new Option(`${p.real_name} (${p.role}${p.locale.startsWith('fr') ? ', français' : ''})`, p.id),
      );
  }
  select.value = ui.as;
}

function render() {
  if (!ui.state) return;
  renderToolbar();
  renderSidebar();
  renderTimeline();
  renderThread();
  renderModal();
  ui.rendered = true;
}

function showProblem(result) {
  if (result && result.ok === false && result.error) $('composer-error').textContent = result.error;
  return result;
}

let refreshing = null;
let again = false;
async function refresh() {
  if (refreshing) {
    again = true;
    return refreshing;
  }
  refreshing = (async () => {
    do {
      again = false;
      const res = await fetch(`/sandbox/state?as=${encodeURIComponent(ui.as)}`);
      if (res.ok) {
        ui.state = await res.json();
        render();
      }
    } while (again);
  })().finally(() => {
    refreshing = null;
  });
  return refreshing;
}

// ---------- the message box: commands from manifest.yml as you type "/"

function suggestions() {
  const text = $('message').value;
  if (!text.startsWith('/') || text.includes(' ')) return [];
  return ui.state.commands.filter((c) => c.command.startsWith(text));
}

function renderSuggestions() {
  const list = $('suggestions');
  const items = suggestions();
  list.hidden = items.length === 0;
  list.replaceChildren();
  ui.suggestion = Math.min(ui.suggestion, Math.max(items.length - 1, 0));
  items.forEach((c, i) => {
    const li = document.createElement('li');
    li.className = i === ui.suggestion ? 'selected' : '';
    li.innerHTML = `<b>${escapeHtml(c.command)}</b> <span class="hint">${escapeHtml(c.usageHint)} · ${escapeHtml(c.description)}</span>`;
    li.addEventListener('mousedown', (event) => {
      event.preventDefault();
      pickSuggestion(c);
    });
    list.append(li);
  });
}

function pickSuggestion(c) {
  $('message').value = `${c.command} `;
  $('message').focus();
  renderSuggestions();
}

async function send() {
  const box = $('message');
  const text = box.value;
  if (!text.trim()) return;
  $('composer-error').textContent = '';
  const result = await post('message', { as: ui.as, channel: ui.conversation, text });
  // Slack keeps what was typed when it refuses it (an unknown command): so does the page.
  if (result.ok) box.value = '';
  else $('composer-error').textContent = result.error ?? 'Not sent.';
  renderSuggestions();
  refresh();
}

$('message').addEventListener('input', () => {
  ui.suggestion = 0;
  $('composer-error').textContent = '';
  renderSuggestions();
});
$('message').addEventListener('keydown', (event) => {
  const items = suggestions();
  if (items.length && ['ArrowDown', 'ArrowUp', 'Tab'].includes(event.key)) {
    event.preventDefault();
    if (event.key === 'Tab') return pickSuggestion(items[ui.suggestion]);
    ui.suggestion = (ui.suggestion + (event.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length;
    return renderSuggestions();
  }
  if (event.key === 'Enter' && !event.shiftKey) {
    event.preventDefault();
    send();
  }
});
$('composer').addEventListener('submit', (event) => {
  event.preventDefault();
  send();
});
$('as').addEventListener('change', (event) => {
  ui.as = event.target.value;
  ui.thread = null;
  ui.modalFor = null;
  const url = new URL(location.href);
  url.searchParams.set('as', ui.as);
  history.replaceState(null, '', url);
  refresh();
  openHome();
});

const toolbarAction = (id, path, confirmText) =>
  $(id).addEventListener('click', async () => {
    if (confirmText && !window.confirm(confirmText)) return;
    $(id).disabled = true;
    showProblem(await post(path, {}));
    refresh();
  });
toolbarAction('run-scheduler', 'scheduler');
toolbarAction('jump-monday', 'jump');
toolbarAction('seed', 'seed');
toolbarAction('reset', 'reset', 'Wipe every message, moment and pulse of the sandbox?');

new EventSource('/sandbox/events').addEventListener('message', () => refresh());
refresh();
openHome();
