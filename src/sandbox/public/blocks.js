// Block Kit and mrkdwn as a Slack client shows them, for messages, modals and the Home tab.
// Every text from the bot is escaped before any markup is added: a story containing <script>
// is shown as text. DOM nodes are built with textContent; innerHTML only ever receives the
// output of mrkdwn(), which escapes first.

const EMOJI = {
  white_check_mark: '✅',
  warning: '⚠️',
  star2: '🌟',
  star: '⭐',
  raised_hands: '🙌',
  lock: '🔒',
  dart: '🎯',
  bust_in_silhouette: '👤',
  busts_in_silhouette: '👥',
  bulb: '💡',
  tada: '🎉',
  sparkles: '✨',
  memo: '📝',
  hourglass_flowing_sand: '⏳',
  hourglass: '⌛',
  compass: '🧭',
  heart: '❤️',
  thumbsup: '👍',
  '+1': '👍',
  clap: '👏',
  smile: '😄',
  wave: '👋',
  calendar: '📅',
  chart_with_upwards_trend: '📈',
  chart_with_downwards_trend: '📉',
  bar_chart: '📊',
  speech_balloon: '💬',
  mega: '📣',
  loudspeaker: '📢',
  trophy: '🏆',
  x: '❌',
  no_entry: '⛔',
  information_source: 'ℹ️',
  point_right: '👉',
  pushpin: '📌',
  rocket: '🚀',
  handshake: '🤝',
  books: '📚',
  mag: '🔍',
  bell: '🔔',
  seedling: '🌱',
  sunny: '☀️',
  arrow_up: '⬆️',
  arrow_down: '⬇️',
  heavy_check_mark: '✔️',
  eyes: '👀',
  pray: '🙏',
  muscle: '💪',
  gift: '🎁',
  telephone_receiver: '📞',
  email: '📧',
  shopping_bags: '🛍️',
  iphone: '📱',
  repeat: '🔁',
  clipboard: '📋',
  scales: '⚖️',
};

export function escapeHtml(text) {
  return String(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Slack sends &, < and > as entities in text; the client shows the characters. */
function decodeSlack(text) {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

const emoji = (escaped) => escaped.replace(/:([a-z0-9_+-]+):/g, (whole, name) => EMOJI[name] ?? whole);

/** Safe link targets only: a javascript: URL in a bot message must not become a link. */
function safeUrl(url) {
  return /^(https?:|mailto:)/i.test(url) ? url : undefined;
}

/** A Slack `<…>` token: mention, channel, special mention or link. Returns escaped HTML. */
function token(inner, ctx) {
  const [target, label] = inner.split('|');
  if (target.startsWith('@')) {
    const person = ctx.person(target.slice(1));
    return `<span class="mention">@${escapeHtml(person?.name ?? label ?? target.slice(1))}</span>`;
  }
  if (target.startsWith('#')) {
    const channel = ctx.channel(target.slice(1));
    return `<span class="mention">#${escapeHtml(channel?.name ?? label ?? target.slice(1))}</span>`;
  }
  if (target.startsWith('!')) {
    const special = target.slice(1).split('^')[0];
    if (special.startsWith('date')) return escapeHtml(label ?? special);
    return `<span class="mention">@${escapeHtml(label ?? special)}</span>`;
  }
  const url = safeUrl(decodeSlack(target));
  const text = escapeHtml(decodeSlack(label ?? target));
  return url ? `<a href="${escapeHtml(url)}" target="_blank" rel="noopener noreferrer">${text}</a>` : text;
}

function inline(line, ctx) {
  // Code spans and <…> tokens become placeholders so the formatting below cannot reach into them.
  const held = [];
  const hold = (html) => `\uE000${held.push(html) - 1}\uE000`;
  let out = line.replace(/`([^`\n]+)`/g, (_, code) => hold(`<code>${escapeHtml(decodeSlack(code))}</code>`));
  out = out.replace(/<([^<>\n]+)>/g, (_, inner) => hold(token(inner, ctx)));
  out = emoji(escapeHtml(decodeSlack(out)));
  out = out
    .replace(/(^|[^\w*])\*([^*\n]+)\*(?=$|[^\w*])/g, '$1<b>$2</b>')
    .replace(/(^|[^\w_])_([^_\n]+)_(?=$|[^\w_])/g, '$1<i>$2</i>')
    .replace(/(^|[^\w~])~([^~\n]+)~(?=$|[^\w~])/g, '$1<s>$2</s>');
  return out.replace(/\uE000(\d+)\uE000/g, (_, i) => held[Number(i)]);
}

/** mrkdwn → safe HTML: bold, italic, strike, code, pre, block quotes, lists, links, mentions, emoji. */
export function mrkdwn(text, ctx) {
  const parts = String(text ?? '').split('```');
  return parts
    .map((part, i) => {
      if (i % 2 === 1) return `<pre>${escapeHtml(decodeSlack(part.replace(/^\n/, '')))}</pre>`;
      const lines = part.split('\n');
      const html = [];
      let list = null;
      for (const line of lines) {
        const bullet = /^\s*(?:[•◦▪-]|\d+\.)\s+(.*)$/.exec(line);
        if (bullet) {
          list ??= [];
          list.push(`<li>${inline(bullet[1], ctx)}</li>`);
          continue;
        }
        if (list) {
          html.push(`<ul>${list.join('')}</ul>`);
          list = null;
        }
        const quote = /^(?:&gt;|>)\s?(.*)$/.exec(line);
        if (quote) html.push(`<blockquote>${inline(quote[1], ctx)}</blockquote>`);
        else html.push(`${inline(line, ctx)}<br>`);
      }
      if (list) html.push(`<ul>${list.join('')}</ul>`);
      return html.join('').replace(/(<br>)+$/, '');
    })
    .join('');
}

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** A text object: mrkdwn or plain_text (emoji shown, nothing else interpreted). */
export function textNode(obj, ctx, tag = 'div', className = '') {
  const node = el(tag, className);
  if (!obj) return node;
  if (obj.type === 'mrkdwn') {
    node.classList.add('mrkdwn');
    node.innerHTML = mrkdwn(obj.text, ctx);
  } else node.innerHTML = emoji(escapeHtml(obj.text ?? ''));
  return node;
}

const plain = (obj) => (obj?.text ?? '').replace(/:([a-z0-9_+-]+):/g, (whole, name) => EMOJI[name] ?? whole);

function optionsOf(element) {
  return [...(element.options ?? []), ...(element.option_groups ?? []).flatMap((g) => g.options ?? [])];
}

function confirmed(element) {
  if (!element.confirm) return true;
  const c = element.confirm;
  return window.confirm(`${plain(c.title)}\n\n${c.text?.text ?? ''}`);
}

function button(element, ctx, blockId) {
  const b = el('button', `bk-button ${element.style ?? ''}`.trim());
  b.textContent = plain(element.text);
  b.type = 'button';
  b.addEventListener('click', () => {
    if (!confirmed(element)) return;
    if (element.url && safeUrl(element.url)) window.open(element.url, '_blank', 'noopener');
    ctx.act(element, blockId, element.value === undefined ? {} : { value: element.value });
  });
  return b;
}

function select(element, ctx, blockId, options, selectedValue) {
  const s = el('select', 'bk-select');
  s.append(new Option(plain(element.placeholder) || 'Select…', ''));
  for (const o of options) s.append(new Option(plain(o.text), o.value));
  if (selectedValue !== undefined) s.value = selectedValue;
  if (!ctx.collecting) {
    s.addEventListener('change', () => {
      if (!s.value) return;
      ctx.act(element, blockId, selectPayload(element, s.value));
      if (element.type === 'overflow') s.value = '';
    });
  }
  return s;
}

/** The fields Slack adds to a select's block action. */
function selectPayload(e, value) {
  if (e.type === 'users_select') return { selected_user: value };
  if (e.type === 'conversations_select') return { selected_conversation: value };
  if (e.type === 'channels_select') return { selected_channel: value };
  const o = optionsOf(e).find((x) => x.value === value);
  return { selected_option: o ? { text: o.text, value: o.value } : null };
}

function personOptions(ctx) {
  return ctx.people.map((p) => ({ text: { type: 'plain_text', text: p.real_name }, value: p.id }));
}

function channelOptions(ctx) {
  return ctx.channels.map((c) => ({ text: { type: 'plain_text', text: `#${c.name}` }, value: c.id }));
}

/** One interactive element; in a form (`ctx.collect`) it also registers how to read its value. */
function element(e, ctx, blockId) {
  switch (e.type) {
    case 'button':
      return button(e, ctx, blockId);
    case 'overflow': {
      const s = select({ ...e, placeholder: { text: '⋯' } }, ctx, blockId, optionsOf(e));
      s.classList.add('bk-overflow');
      return s;
    }
    case 'static_select':
    case 'external_select':
      return field(e, ctx, blockId, select(e, ctx, blockId, optionsOf(e), e.initial_option?.value));
    case 'users_select':
      return field(e, ctx, blockId, select(e, ctx, blockId, personOptions(ctx), e.initial_user));
    case 'conversations_select':
    case 'channels_select':
      return field(
        e,
        ctx,
        blockId,
        select(e, ctx, blockId, channelOptions(ctx), e.initial_conversation ?? e.initial_channel),
      );
    case 'multi_static_select':
    case 'multi_users_select':
    case 'multi_conversations_select':
    case 'multi_channels_select':
      return multiSelect(e, ctx, blockId);
    case 'radio_buttons':
    case 'checkboxes':
      return choices(e, ctx, blockId);
    case 'plain_text_input': {
      const input = e.multiline ? el('textarea', 'bk-input') : el('input', 'bk-input');
      if (e.multiline) input.rows = 4;
      input.value = e.initial_value ?? '';
      if (e.placeholder) input.placeholder = plain(e.placeholder);
      if (e.max_length) input.maxLength = e.max_length;
      return field(e, ctx, blockId, input);
    }
    case 'datepicker': {
      const input = el('input', 'bk-input');
      input.type = 'date';
      input.value = e.initial_date ?? '';
      return field(e, ctx, blockId, input);
    }
    case 'image': {
      const img = el('img', 'bk-image-small');
      if (safeUrl(e.image_url ?? '')) img.src = e.image_url;
      img.alt = e.alt_text ?? '';
      return img;
    }
    default:
      return el('span', 'bk-unknown', `[${e.type}]`);
  }
}

/** Registers a single-value control so the form can read it in Slack's `state.values` shape. */
function field(e, ctx, blockId, control) {
  if (ctx.collecting) {
    ctx.collect(blockId, e.action_id, () => {
      const v = control.value;
      switch (e.type) {
        case 'plain_text_input':
          return { type: e.type, value: v === '' ? null : v };
        case 'datepicker':
          return { type: e.type, selected_date: v || null };
        case 'users_select':
          return { type: e.type, selected_user: v || null };
        case 'conversations_select':
          return { type: e.type, selected_conversation: v || null };
        case 'channels_select':
          return { type: e.type, selected_channel: v || null };
        default: {
          const o = optionsOf(e).find((x) => x.value === v);
          return { type: e.type, selected_option: o ? { text: o.text, value: o.value } : null };
        }
      }
    });
  }
  return control;
}

function multiSelect(e, ctx, blockId) {
  const box = el('div', 'bk-multi');
  const options =
    e.type === 'multi_users_select'
      ? personOptions(ctx)
      : e.type === 'multi_static_select'
        ? optionsOf(e)
        : channelOptions(ctx);
  const initial = new Set(
    e.initial_users ??
      e.initial_conversations ??
      e.initial_channels ??
      (e.initial_options ?? []).map((o) => o.value),
  );
  const boxes = options.map((o) => {
    const label = el('label', 'bk-choice');
    const input = document.createElement('input');
    input.type = 'checkbox';
    input.value = o.value;
    input.checked = initial.has(o.value);
    label.append(input, document.createTextNode(` ${plain(o.text)}`));
    box.append(label);
    return input;
  });
  const read = () => boxes.filter((b) => b.checked).map((b) => b.value);
  if (ctx.collecting) {
    ctx.collect(blockId, e.action_id, () => {
      const values = read();
      if (e.type === 'multi_users_select') return { type: e.type, selected_users: values };
      if (e.type === 'multi_static_select') {
        return {
          type: e.type,
          selected_options: options
            .filter((o) => values.includes(o.value))
            .map((o) => ({ text: o.text, value: o.value })),
        };
      }
      if (e.type === 'multi_channels_select') return { type: e.type, selected_channels: values };
      return { type: e.type, selected_conversations: values };
    });
  }
  return box;
}

function choices(e, ctx, blockId) {
  const box = el('div', 'bk-choices');
  const name = `${blockId}-${e.action_id}-${Math.random().toString(36).slice(2)}`;
  const initial = new Set(
    e.type === 'radio_buttons' ? [e.initial_option?.value] : (e.initial_options ?? []).map((o) => o.value),
  );
  const inputs = optionsOf(e).map((o) => {
    const label = el('label', 'bk-choice');
    const input = document.createElement('input');
    input.type = e.type === 'radio_buttons' ? 'radio' : 'checkbox';
    input.name = name;
    input.value = o.value;
    input.checked = initial.has(o.value);
    label.append(input, textNode(o.text, ctx, 'span'));
    if (o.description) label.append(textNode(o.description, ctx, 'span', 'bk-choice-description'));
    box.append(label);
    return { input, option: o };
  });
  const picked = () =>
    inputs.filter((i) => i.input.checked).map((i) => ({ text: i.option.text, value: i.option.value }));
  if (ctx.collecting) {
    ctx.collect(blockId, e.action_id, () =>
      e.type === 'radio_buttons'
        ? { type: e.type, selected_option: picked()[0] ?? null }
        : { type: e.type, selected_options: picked() },
    );
  } else {
    for (const { input } of inputs) {
      input.addEventListener('change', () => {
        const chosen = picked();
        ctx.act(
          e,
          blockId,
          e.type === 'radio_buttons' ? { selected_option: chosen[0] } : { selected_options: chosen },
        );
      });
    }
  }
  return box;
}

function block(b, ctx) {
  const blockId = b.block_id ?? '';
  switch (b.type) {
    case 'header':
      return textNode(b.text, ctx, 'div', 'bk-header');
    case 'divider':
      return el('hr', 'bk-divider');
    case 'section': {
      const node = el('div', 'bk-section');
      const body = el('div', 'bk-section-body');
      if (b.text) body.append(textNode(b.text, ctx));
      if (b.fields?.length) {
        const fields = el('div', 'bk-fields');
        for (const f of b.fields) fields.append(textNode(f, ctx));
        body.append(fields);
      }
      node.append(body);
      if (b.accessory) {
        const accessory = el('div', 'bk-accessory');
        accessory.append(element(b.accessory, ctx, blockId));
        node.append(accessory);
      }
      return node;
    }
    case 'context': {
      const node = el('div', 'bk-context');
      for (const e of b.elements ?? [])
        node.append(e.type === 'image' ? element(e, ctx, blockId) : textNode(e, ctx, 'span'));
      return node;
    }
    case 'image': {
      const node = el('figure', 'bk-image');
      if (b.title) node.append(textNode(b.title, ctx, 'figcaption'));
      const img = el('img');
      // An image the app uploaded is named by its Slack file id; the stand-in serves it.
      if (b.slack_file?.id) img.src = `/files/${encodeURIComponent(b.slack_file.id)}`;
      else if (safeUrl(b.image_url ?? '')) img.src = b.image_url;
      img.alt = b.alt_text ?? '';
      node.append(img);
      return node;
    }
    case 'actions': {
      const node = el('div', 'bk-actions');
      for (const e of b.elements ?? []) node.append(element(e, ctx, blockId));
      return node;
    }
    case 'input': {
      const node = el('div', 'bk-input-block');
      const label = textNode(b.label, ctx, 'label', 'bk-label');
      if (b.optional) label.append(el('span', 'bk-optional', ' (optional)'));
      node.append(label, element(b.element, { ...ctx, collecting: true }, blockId));
      if (b.hint) node.append(textNode(b.hint, ctx, 'div', 'bk-hint'));
      const error = ctx.errors?.[blockId];
      if (error) node.append(el('div', 'bk-error', error));
      node.dataset.blockId = blockId;
      return node;
    }
    case 'rich_text':
      return el('div', 'bk-rich', richText(b));
    default:
      return el('div', 'bk-unknown', `[${b.type} block]`);
  }
}

function richText(b) {
  const walk = (n) => (n.text ?? '') + (n.elements ?? []).map(walk).join('');
  return (b.elements ?? []).map(walk).join('\n');
}

/**
 * Renders blocks into a fragment. ctx: person(id), channel(id), people, channels, act(element,
 * blockId, fields) for interactive elements, and in forms collect(blockId, actionId, read) (input
 * blocks register how to read their value) and errors{blockId: text}.
 */
export function renderBlocks(blocks, ctx) {
  const fragment = document.createDocumentFragment();
  for (const b of blocks ?? []) fragment.append(block(b, ctx));
  return fragment;
}
