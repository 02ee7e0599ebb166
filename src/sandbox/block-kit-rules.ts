/**
 * Pure, table-driven checks of Block Kit payloads: the subset of Slack's own validation that an app is most
 * likely to trip over (lengths, counts, required fields, which element may sit in which block).
 *
 * Slack answers a bad payload with `invalid_blocks` / `invalid_arguments` and a list of messages ending in
 * `[json-pointer:/blocks/0/text/text]`; every problem reported here ends in the same kind of pointer so a
 * failing test points straight at the offending field. This is deliberately not a full JSON schema: an
 * unknown extra property is let through, an out-of-range or missing one is not.
 */

type Json = Record<string, unknown>;

interface Ctx {
  problems: string[];
  blockIds: Set<string>;
  /** Slack rejects a payload whose interactive elements reuse an action_id, even across blocks. */
  actionIds: Set<string>;
}

export const LIMITS = {
  messageBlocks: 50,
  viewBlocks: 100,
  /** modal title, submit and close are truncated by nothing: Slack refuses anything longer than 24. */
  modalTitle: 24,
  callbackId: 255,
  privateMetadata: 3000,
  blockId: 255,
  actionId: 255,
} as const;

const BLOCK_TYPES = [
  'section',
  'divider',
  'image',
  'actions',
  'context',
  'input',
  'header',
  'rich_text',
  'video',
  'file',
] as const;

const SELECTS = [
  'static_select',
  'external_select',
  'users_select',
  'conversations_select',
  'channels_select',
];
const MULTI_SELECTS = SELECTS.map((s) => `multi_${s}`);

/** Which elements each container accepts (mirrors the unions in @slack/types block-kit/blocks.d.ts). */
const ACTIONS_ELEMENTS = new Set([
  'button',
  'checkboxes',
  'datepicker',
  'datetimepicker',
  'overflow',
  'radio_buttons',
  'timepicker',
  'workflow_button',
  'rich_text_input',
  ...SELECTS,
  ...MULTI_SELECTS,
]);
const INPUT_ELEMENTS = new Set([
  'checkboxes',
  'datepicker',
  'datetimepicker',
  'email_text_input',
  'file_input',
  'number_input',
  'plain_text_input',
  'radio_buttons',
  'rich_text_input',
  'timepicker',
  'url_text_input',
  ...SELECTS,
  ...MULTI_SELECTS,
]);
const ACCESSORY_ELEMENTS = new Set([
  'button',
  'checkboxes',
  'datepicker',
  'image',
  'overflow',
  'radio_buttons',
  'timepicker',
  'workflow_button',
  ...SELECTS,
  ...MULTI_SELECTS,
]);

// ----------------------------------------------------------------------------------------------------
// primitives

const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function report(ctx: Ctx, pointer: string, message: string): void {
  ctx.problems.push(`${message} [json-pointer:${pointer}]`);
}

interface StrRule {
  required?: boolean;
  max?: number;
  /** Slack rejects empty strings for most text fields (`must be more than 0 characters`). */
  nonEmpty?: boolean;
}

function checkString(ctx: Ctx, p: string, v: unknown, rule: StrRule): v is string {
  if (v === undefined) {
    if (rule.required) report(ctx, p, 'is required');
    return false;
  }
  if (typeof v !== 'string') {
    report(ctx, p, `must be a string (got ${typeof v})`);
    return false;
  }
  if (rule.nonEmpty && v.length === 0) report(ctx, p, 'must be more than 0 characters');
  if (rule.max !== undefined && v.length > rule.max) {
    report(ctx, p, `must be at most ${rule.max} characters (got ${v.length})`);
  }
  return true;
}

function checkInt(ctx: Ctx, p: string, v: unknown, min: number, max: number): v is number {
  if (v === undefined) return false;
  if (typeof v !== 'number' || !Number.isInteger(v)) {
    report(ctx, p, 'must be an integer');
    return false;
  }
  if (v < min || v > max) report(ctx, p, `must be between ${min} and ${max} (got ${v})`);
  return true;
}

function checkArray(
  ctx: Ctx,
  p: string,
  v: unknown,
  min: number,
  max: number,
  required = true,
): v is unknown[] {
  if (v === undefined) {
    if (required) report(ctx, p, 'is required');
    return false;
  }
  if (!Array.isArray(v)) {
    report(ctx, p, 'must be an array');
    return false;
  }
  if (v.length < min) report(ctx, p, `must have at least ${min} item(s) (got ${v.length})`);
  if (v.length > max) report(ctx, p, `must have at most ${max} item(s) (got ${v.length})`);
  return true;
}

function checkEnum(ctx: Ctx, p: string, v: unknown, allowed: readonly string[]): void {
  if (v === undefined) return;
  if (typeof v !== 'string' || !allowed.includes(v)) {
    report(ctx, p, `must be one of ${allowed.join(', ')} (got ${JSON.stringify(v)})`);
  }
}

function checkBool(ctx: Ctx, p: string, v: unknown): void {
  if (v !== undefined && typeof v !== 'boolean') report(ctx, p, 'must be a boolean');
}

// ----------------------------------------------------------------------------------------------------
// composition objects

interface TextRule {
  required?: boolean;
  max: number;
  plainOnly?: boolean;
}

function checkText(ctx: Ctx, p: string, v: unknown, rule: TextRule): void {
  if (v === undefined) {
    if (rule.required) report(ctx, p, 'is required');
    return;
  }
  if (!isObj(v)) {
    // A bare string where a text object belongs is the single most common Block Kit mistake.
    report(ctx, p, 'must be a text object {type, text}');
    return;
  }
  const allowed = rule.plainOnly ? ['plain_text'] : ['plain_text', 'mrkdwn'];
  checkEnum(ctx, `${p}/type`, v.type, allowed);
  if (v.type === undefined) report(ctx, `${p}/type`, 'is required');
  checkString(ctx, `${p}/text`, v.text, { required: true, nonEmpty: true, max: rule.max });
  // `emoji` only exists on plain_text; Slack refuses it on mrkdwn (`verbatim` is the mrkdwn-only flag).
  if (v.type === 'mrkdwn' && v.emoji !== undefined)
    report(ctx, `${p}/emoji`, 'is only allowed on plain_text');
  if (v.type === 'plain_text' && v.verbatim !== undefined)
    report(ctx, `${p}/verbatim`, 'is only allowed on mrkdwn');
  checkBool(ctx, `${p}/emoji`, v.emoji);
}

interface OptionRule {
  plainOnly: boolean;
  allowUrl?: boolean;
}

function checkOption(ctx: Ctx, p: string, v: unknown, rule: OptionRule): void {
  if (!isObj(v)) {
    report(ctx, p, 'must be an option object {text, value}');
    return;
  }
  checkText(ctx, `${p}/text`, v.text, { required: true, max: 75, plainOnly: rule.plainOnly });
  checkString(ctx, `${p}/value`, v.value, { required: true, max: 150 });
  checkText(ctx, `${p}/description`, v.description, { max: 75, plainOnly: rule.plainOnly });
  if (v.url !== undefined) {
    if (rule.allowUrl) checkString(ctx, `${p}/url`, v.url, { max: 3000 });
    else report(ctx, `${p}/url`, 'is only allowed on overflow menu options');
  }
}

function checkOptions(ctx: Ctx, p: string, v: unknown, min: number, max: number, rule: OptionRule): void {
  if (!checkArray(ctx, p, v, min, max)) return;
  v.forEach((o, i) => {
    checkOption(ctx, `${p}/${i}`, o, rule);
  });
}

function optionValues(el: Json): Set<unknown> {
  const values = new Set<unknown>();
  const collect = (list: unknown) => {
    if (!Array.isArray(list)) return;
    for (const o of list) if (isObj(o)) values.add(o.value);
  };
  collect(el.options);
  if (Array.isArray(el.option_groups)) for (const g of el.option_groups) if (isObj(g)) collect(g.options);
  return values;
}

/** Slack compares initial options with the declared options and refuses a mismatch; it matches on `value`. */
function checkInitialOptions(ctx: Ctx, p: string, el: Json, rule: OptionRule): void {
  const values = optionValues(el);
  if (el.initial_option !== undefined) {
    checkOption(ctx, `${p}/initial_option`, el.initial_option, rule);
    if (isObj(el.initial_option) && !values.has(el.initial_option.value)) {
      report(ctx, `${p}/initial_option`, 'must match one of the provided options');
    }
  }
  if (
    el.initial_options !== undefined &&
    checkArray(ctx, `${p}/initial_options`, el.initial_options, 0, 100)
  ) {
    el.initial_options.forEach((o, i) => {
      checkOption(ctx, `${p}/initial_options/${i}`, o, rule);
      if (isObj(o) && !values.has(o.value)) {
        report(ctx, `${p}/initial_options/${i}`, 'must match one of the provided options');
      }
    });
  }
}

function checkConfirm(ctx: Ctx, p: string, v: unknown): void {
  if (v === undefined) return;
  if (!isObj(v)) {
    report(ctx, p, 'must be a confirmation dialog object');
    return;
  }
  checkText(ctx, `${p}/title`, v.title, { max: 100, plainOnly: true });
  checkText(ctx, `${p}/text`, v.text, { max: 300 });
  checkText(ctx, `${p}/confirm`, v.confirm, { max: 30, plainOnly: true });
  checkText(ctx, `${p}/deny`, v.deny, { max: 30, plainOnly: true });
  checkEnum(ctx, `${p}/style`, v.style, ['primary', 'danger']);
}

// ----------------------------------------------------------------------------------------------------
// elements

type ElementRule = (el: Json, p: string, ctx: Ctx) => void;

const placeholder = (el: Json, p: string, ctx: Ctx) =>
  checkText(ctx, `${p}/placeholder`, el.placeholder, { max: 150, plainOnly: true });

const selectCommon: ElementRule = (el, p, ctx) => {
  placeholder(el, p, ctx);
  checkConfirm(ctx, `${p}/confirm`, el.confirm);
  checkBool(ctx, `${p}/focus_on_load`, el.focus_on_load);
  if (el.max_selected_items !== undefined)
    checkInt(ctx, `${p}/max_selected_items`, el.max_selected_items, 1, 100);
};

const staticSelect: ElementRule = (el, p, ctx) => {
  selectCommon(el, p, ctx);
  const plain = { plainOnly: true };
  // Exactly one of options / option_groups: Slack refuses both and neither.
  if ((el.options === undefined) === (el.option_groups === undefined)) {
    report(ctx, p, 'must provide exactly one of options or option_groups');
  }
  if (el.options !== undefined) checkOptions(ctx, `${p}/options`, el.options, 1, 100, plain);
  if (el.option_groups !== undefined && checkArray(ctx, `${p}/option_groups`, el.option_groups, 1, 100)) {
    for (const [i, g] of el.option_groups.entries()) {
      const gp = `${p}/option_groups/${i}`;
      if (!isObj(g)) {
        report(ctx, gp, 'must be an option group object');
        continue;
      }
      checkText(ctx, `${gp}/label`, g.label, { required: true, max: 75, plainOnly: true });
      checkOptions(ctx, `${gp}/options`, g.options, 1, 100, plain);
    }
  }
  checkInitialOptions(ctx, p, el, plain);
};

const choiceGroup =
  (max: number): ElementRule =>
  (el, p, ctx) => {
    // Radio buttons and checkboxes are the only option lists that may use mrkdwn text.
    checkOptions(ctx, `${p}/options`, el.options, 1, max, { plainOnly: false });
    checkInitialOptions(ctx, p, el, { plainOnly: false });
    checkConfirm(ctx, `${p}/confirm`, el.confirm);
  };

const textInput: ElementRule = (el, p, ctx) => {
  placeholder(el, p, ctx);
  checkString(ctx, `${p}/initial_value`, el.initial_value, {});
  checkBool(ctx, `${p}/multiline`, el.multiline);
};

const imageElement: ElementRule = (el, p, ctx) => {
  if (el.image_url === undefined && el.slack_file === undefined)
    report(ctx, p, 'must have image_url or slack_file');
  if (el.image_url !== undefined && el.slack_file !== undefined)
    report(ctx, p, 'must have only one of image_url and slack_file');
  checkString(ctx, `${p}/image_url`, el.image_url, { max: 3000, nonEmpty: true });
  if (el.slack_file !== undefined) {
    const file = el.slack_file;
    // A Slack file object names the file by url or by id, never both.
    if (!isObj(file) || (file.url === undefined) === (file.id === undefined))
      report(ctx, `${p}/slack_file`, 'must be an object with either url or id');
  }
  checkString(ctx, `${p}/alt_text`, el.alt_text, { required: true, max: 2000 });
};

const ELEMENT_RULES: Record<string, ElementRule> = {
  button: (el, p, ctx) => {
    checkText(ctx, `${p}/text`, el.text, { required: true, max: 75, plainOnly: true });
    checkString(ctx, `${p}/value`, el.value, { max: 2000 });
    checkString(ctx, `${p}/url`, el.url, { max: 3000 });
    checkEnum(ctx, `${p}/style`, el.style, ['primary', 'danger']);
    checkString(ctx, `${p}/accessibility_label`, el.accessibility_label, { max: 75 });
    checkConfirm(ctx, `${p}/confirm`, el.confirm);
  },
  workflow_button: (el, p, ctx) => {
    checkText(ctx, `${p}/text`, el.text, { required: true, max: 75, plainOnly: true });
    if (!isObj(el.workflow)) report(ctx, `${p}/workflow`, 'is required');
    checkEnum(ctx, `${p}/style`, el.style, ['primary', 'danger']);
  },
  static_select: staticSelect,
  multi_static_select: staticSelect,
  external_select: (el, p, ctx) => {
    selectCommon(el, p, ctx);
    if (el.min_query_length !== undefined)
      checkInt(ctx, `${p}/min_query_length`, el.min_query_length, 0, 100);
  },
  multi_external_select: (el, p, ctx) => selectCommon(el, p, ctx),
  users_select: (el, p, ctx) => {
    selectCommon(el, p, ctx);
    checkString(ctx, `${p}/initial_user`, el.initial_user, { nonEmpty: true });
  },
  multi_users_select: selectCommon,
  conversations_select: (el, p, ctx) => {
    selectCommon(el, p, ctx);
    checkString(ctx, `${p}/initial_conversation`, el.initial_conversation, { nonEmpty: true });
  },
  multi_conversations_select: selectCommon,
  channels_select: (el, p, ctx) => {
    selectCommon(el, p, ctx);
    checkString(ctx, `${p}/initial_channel`, el.initial_channel, { nonEmpty: true });
  },
  multi_channels_select: selectCommon,
  overflow: (el, p, ctx) => {
    // An overflow menu with a single item is refused: Slack wants 2..5.
    checkOptions(ctx, `${p}/options`, el.options, 2, 5, { plainOnly: true, allowUrl: true });
    checkConfirm(ctx, `${p}/confirm`, el.confirm);
  },
  datepicker: (el, p, ctx) => {
    placeholder(el, p, ctx);
    if (
      checkString(ctx, `${p}/initial_date`, el.initial_date, {}) &&
      !/^\d{4}-\d{2}-\d{2}$/.test(el.initial_date)
    ) {
      report(ctx, `${p}/initial_date`, 'must be in YYYY-MM-DD format');
    }
  },
  timepicker: (el, p, ctx) => {
    placeholder(el, p, ctx);
    if (
      checkString(ctx, `${p}/initial_time`, el.initial_time, {}) &&
      !/^\d{2}:\d{2}$/.test(el.initial_time)
    ) {
      report(ctx, `${p}/initial_time`, 'must be in HH:mm format');
    }
    checkString(ctx, `${p}/timezone`, el.timezone, {});
  },
  datetimepicker: (el, p, ctx) => {
    if (el.initial_date_time !== undefined && typeof el.initial_date_time !== 'number') {
      report(ctx, `${p}/initial_date_time`, 'must be a UNIX timestamp in seconds');
    }
  },
  radio_buttons: choiceGroup(10),
  checkboxes: choiceGroup(10),
  plain_text_input: (el, p, ctx) => {
    textInput(el, p, ctx);
    const hasMax = checkInt(ctx, `${p}/max_length`, el.max_length, 1, 3000);
    const hasMin = checkInt(ctx, `${p}/min_length`, el.min_length, 0, 3000);
    if (hasMax && hasMin && (el.min_length as number) > (el.max_length as number)) {
      report(ctx, `${p}/min_length`, 'must not be greater than max_length');
    }
    if (
      hasMax &&
      typeof el.initial_value === 'string' &&
      el.initial_value.length > (el.max_length as number)
    ) {
      report(ctx, `${p}/initial_value`, `must be at most max_length (${el.max_length}) characters`);
    }
  },
  email_text_input: textInput,
  url_text_input: textInput,
  number_input: (el, p, ctx) => {
    placeholder(el, p, ctx);
    if (typeof el.is_decimal_allowed !== 'boolean') report(ctx, `${p}/is_decimal_allowed`, 'is required');
  },
  rich_text_input: placeholder,
  file_input: (el, p, ctx) => {
    if (el.max_files !== undefined) checkInt(ctx, `${p}/max_files`, el.max_files, 1, 10);
  },
  image: imageElement,
};

function checkElement(ctx: Ctx, p: string, el: unknown, allowed: Set<string>, where: string): void {
  if (!isObj(el)) {
    report(ctx, p, 'must be an element object');
    return;
  }
  const type = el.type;
  if (typeof type !== 'string' || !(type in ELEMENT_RULES)) {
    report(ctx, `${p}/type`, `unknown element type ${JSON.stringify(type)}`);
    return;
  }
  if (!allowed.has(type)) {
    report(ctx, `${p}/type`, `${type} is not allowed in ${where}`);
    return;
  }
  if (type !== 'image' && el.action_id !== undefined) {
    if (checkString(ctx, `${p}/action_id`, el.action_id, { max: LIMITS.actionId, nonEmpty: true })) {
      if (ctx.actionIds.has(el.action_id)) {
        report(ctx, `${p}/action_id`, `duplicate action_id ${JSON.stringify(el.action_id)}`);
      }
      ctx.actionIds.add(el.action_id);
    }
  }
  ELEMENT_RULES[type]?.(el, p, ctx);
}

// ----------------------------------------------------------------------------------------------------
// blocks

type BlockType = (typeof BLOCK_TYPES)[number];
type BlockRule = (block: Json, p: string, ctx: Ctx) => void;

const BLOCK_RULES: Record<BlockType, BlockRule> = {
  section: (b, p, ctx) => {
    if (b.text === undefined && b.fields === undefined) report(ctx, p, 'must have text or fields');
    checkText(ctx, `${p}/text`, b.text, { max: 3000 });
    if (b.fields !== undefined && checkArray(ctx, `${p}/fields`, b.fields, 1, 10)) {
      b.fields.forEach((f, i) => {
        checkText(ctx, `${p}/fields/${i}`, f, { required: true, max: 2000 });
      });
    }
    if (b.accessory !== undefined)
      checkElement(ctx, `${p}/accessory`, b.accessory, ACCESSORY_ELEMENTS, 'a section');
    checkBool(ctx, `${p}/expand`, b.expand);
  },
  divider: () => {},
  image: (b, p, ctx) => {
    imageElement(b, p, ctx);
    checkText(ctx, `${p}/title`, b.title, { max: 2000, plainOnly: true });
  },
  actions: (b, p, ctx) => {
    if (!checkArray(ctx, `${p}/elements`, b.elements, 1, 25)) return;
    b.elements.forEach((el, i) => {
      checkElement(ctx, `${p}/elements/${i}`, el, ACTIONS_ELEMENTS, 'an actions block');
    });
  },
  context: (b, p, ctx) => {
    if (!checkArray(ctx, `${p}/elements`, b.elements, 1, 10)) return;
    b.elements.forEach((el, i) => {
      const ep = `${p}/elements/${i}`;
      if (isObj(el) && el.type === 'image') imageElement(el, ep, ctx);
      else checkText(ctx, ep, el, { required: true, max: 3000 });
    });
  },
  input: (b, p, ctx) => {
    checkText(ctx, `${p}/label`, b.label, { required: true, max: 2000, plainOnly: true });
    checkText(ctx, `${p}/hint`, b.hint, { max: 2000, plainOnly: true });
    checkBool(ctx, `${p}/optional`, b.optional);
    checkBool(ctx, `${p}/dispatch_action`, b.dispatch_action);
    if (b.element === undefined) report(ctx, `${p}/element`, 'is required');
    else checkElement(ctx, `${p}/element`, b.element, INPUT_ELEMENTS, 'an input block');
  },
  header: (b, p, ctx) => checkText(ctx, `${p}/text`, b.text, { required: true, max: 150, plainOnly: true }),
  rich_text: (b, p, ctx) => {
    checkArray(ctx, `${p}/elements`, b.elements, 0, Number.POSITIVE_INFINITY);
  },
  video: (b, p, ctx) => {
    checkString(ctx, `${p}/alt_text`, b.alt_text, { required: true, nonEmpty: true });
    checkText(ctx, `${p}/title`, b.title, { required: true, max: 199, plainOnly: true });
    checkString(ctx, `${p}/thumbnail_url`, b.thumbnail_url, { required: true, nonEmpty: true });
    checkString(ctx, `${p}/video_url`, b.video_url, { required: true, nonEmpty: true });
  },
  file: (b, p, ctx) => {
    checkString(ctx, `${p}/external_id`, b.external_id, { required: true, nonEmpty: true });
    checkEnum(ctx, `${p}/source`, b.source, ['remote']);
    if (b.source === undefined) report(ctx, `${p}/source`, 'is required');
  },
};

function checkBlocks(ctx: Ctx, p: string, blocks: unknown, max: number): void {
  if (!checkArray(ctx, p, blocks, 0, max)) return;
  for (const [i, block] of blocks.entries()) {
    const bp = `${p}/${i}`;
    if (!isObj(block)) {
      report(ctx, bp, 'must be a block object');
      continue;
    }
    const type = block.type;
    if (typeof type !== 'string' || !(BLOCK_TYPES as readonly string[]).includes(type)) {
      report(ctx, `${bp}/type`, `unknown block type ${JSON.stringify(type)}`);
      continue;
    }
    if (block.block_id !== undefined) {
      if (checkString(ctx, `${bp}/block_id`, block.block_id, { max: LIMITS.blockId, nonEmpty: true })) {
        if (ctx.blockIds.has(block.block_id)) {
          report(ctx, `${bp}/block_id`, `duplicate block_id ${JSON.stringify(block.block_id)}`);
        }
        ctx.blockIds.add(block.block_id);
      }
    }
    BLOCK_RULES[type as BlockType](block, bp, ctx);
  }
}

const newCtx = (): Ctx => ({ problems: [], blockIds: new Set(), actionIds: new Set() });

// ----------------------------------------------------------------------------------------------------
// public API

/** Problems with the `blocks` of a message (chat.postMessage / postEphemeral / update, response_url). */
/**
 * Where blocks name an uploaded file (`slack_file.id` of image blocks and image elements), with
 * the JSON pointer Slack would report: the emulator checks each against the files it holds.
 */
export function slackFileIds(blocks: unknown, pointer: string): { id: string; pointer: string }[] {
  if (!Array.isArray(blocks)) return [];
  const found: { id: string; pointer: string }[] = [];
  const visit = (node: unknown, p: string): void => {
    if (Array.isArray(node)) {
      node.forEach((child, i) => {
        visit(child, `${p}/${i}`);
      });
      return;
    }
    if (!isObj(node)) return;
    if (node.type === 'image' && isObj(node.slack_file) && typeof node.slack_file.id === 'string')
      found.push({ id: node.slack_file.id, pointer: `${p}/slack_file` });
    for (const [key, value] of Object.entries(node))
      if (typeof value === 'object') visit(value, `${p}/${key}`);
  };
  visit(blocks, pointer);
  return found;
}

export function validateMessageBlocks(blocks: unknown): string[] {
  const ctx = newCtx();
  checkBlocks(ctx, '/blocks', blocks, LIMITS.messageBlocks);
  return ctx.problems;
}

/** Problems with a modal or home-tab view (views.open / push / update / publish). */
export function validateView(view: unknown): string[] {
  const ctx = newCtx();
  const p = '/view';
  if (!isObj(view)) {
    report(ctx, p, 'must be a view object');
    return ctx.problems;
  }
  checkEnum(ctx, `${p}/type`, view.type, ['modal', 'home']);
  if (view.type === undefined) report(ctx, `${p}/type`, 'is required');
  checkBlocks(ctx, `${p}/blocks`, view.blocks, LIMITS.viewBlocks);
  const plain24 = { max: LIMITS.modalTitle, plainOnly: true };
  if (view.type === 'modal') {
    checkText(ctx, `${p}/title`, view.title, { ...plain24, required: true });
    checkText(ctx, `${p}/submit`, view.submit, plain24);
    checkText(ctx, `${p}/close`, view.close, plain24);
    // Slack refuses a modal that collects input but offers no way to submit it.
    const hasInput = Array.isArray(view.blocks) && view.blocks.some((b) => isObj(b) && b.type === 'input');
    if (hasInput && view.submit === undefined) {
      report(ctx, `${p}/submit`, 'is required when the view contains input blocks');
    }
    checkBool(ctx, `${p}/clear_on_close`, view.clear_on_close);
    checkBool(ctx, `${p}/notify_on_close`, view.notify_on_close);
    checkBool(ctx, `${p}/submit_disabled`, view.submit_disabled);
  }
  checkString(ctx, `${p}/callback_id`, view.callback_id, { max: LIMITS.callbackId });
  checkString(ctx, `${p}/private_metadata`, view.private_metadata, { max: LIMITS.privateMetadata });
  checkString(ctx, `${p}/external_id`, view.external_id, { max: 255 });
  return ctx.problems;
}
