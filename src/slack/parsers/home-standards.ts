import { z } from 'zod';
import { normaliseEmoji, type ReactionEmoji } from '../../domain/reactions/reaction.js';
import { TAG_MAX_LENGTH, TAG_MIN_LENGTH } from '../../domain/standards/standard.js';
import { BLOCKS } from '../ids.js';

/** A stored tag, as the Home's buttons carry it (anything else in a payload is forged). */
const tag = z.string().regex(new RegExp(`^[a-z0-9-]{${TAG_MIN_LENGTH},${TAG_MAX_LENGTH}}$`));

/** The values of the standards section's controls (see HOME_ACTIONS.standard / standardRestore). */
export const standardValues = {
  standard: z
    .string()
    .regex(/^(edit|move|archive):/)
    .transform((v) => ({ verb: v.slice(0, v.indexOf(':')), tag: v.slice(v.indexOf(':') + 1) }))
    .pipe(z.object({ verb: z.enum(['edit', 'move', 'archive']), tag })),
  tag,
};

const metadata = z.object({
  home: z.literal(true),
  standard: z.discriminatedUnion('action', [
    z.object({ action: z.literal('add') }),
    z.object({ action: z.enum(['edit', 'move']), tag }),
  ]),
});

export type StandardForm =
  | { action: 'add'; tag: string; description: string }
  | { action: 'edit'; tag: string; description: string }
  | { action: 'move'; tag: string; position: number };

type FieldErrors = Record<string, 'required' | 'invalid'>;

// view.state.values: { [block_id]: { [action_id]: element state } }; block_id = action_id here.
const state = z.record(z.string(), z.record(z.string(), z.unknown()));
const typed = (s: z.infer<typeof state>, id: string) =>
  z.object({ value: z.string().nullish() }).safeParse(s[id]?.[id]).data?.value ?? '';
const picked = (s: z.infer<typeof state>, id: string) =>
  z.object({ selected_option: z.object({ value: z.string() }).nullish() }).safeParse(s[id]?.[id]).data
    ?.selected_option?.value;

/**
 * The standards form: which change (from the modal's metadata, undefined when it is not one of
 * ours) and what was typed. Only the shape is checked here; the rules of a tag and a description
 * are the standards service's, which answers each problem with a code put under its field.
 */
export function parseStandardModal(
  rawMetadata: string | undefined,
  values: unknown,
): { ok: true; value: StandardForm } | { ok: false; errors: FieldErrors } | undefined {
  let meta: z.infer<typeof metadata>['standard'];
  try {
    const parsed = metadata.safeParse(rawMetadata ? JSON.parse(rawMetadata) : {});
    if (!parsed.success) return undefined;
    meta = parsed.data.standard;
  } catch {
    return undefined;
  }
  const s = state.safeParse(values).data ?? {};
  if (meta.action === 'move') {
    const position = z.coerce.number().int().min(1).safeParse(picked(s, BLOCKS.homeStandardPosition));
    if (!position.success) return { ok: false, errors: { [BLOCKS.homeStandardPosition]: 'required' } };
    return { ok: true, value: { action: 'move', tag: meta.tag, position: position.data } };
  }
  const description = typed(s, BLOCKS.homeStandardDescription);
  if (meta.action === 'edit') return { ok: true, value: { action: 'edit', tag: meta.tag, description } };
  return { ok: true, value: { action: 'add', tag: typed(s, BLOCKS.homeStandardTag), description } };
}

/** The reaction-emoji form: two emoji names, with or without colons. */
export function parseReactionsModal(
  values: unknown,
): { ok: true; value: ReactionEmoji } | { ok: false; errors: FieldErrors } {
  const s = state.safeParse(values).data ?? {};
  const praise = normaliseEmoji(typed(s, BLOCKS.homeReactionPraise));
  const complaint = normaliseEmoji(typed(s, BLOCKS.homeReactionComplaint));
  const errors: FieldErrors = {};
  if (!praise) errors[BLOCKS.homeReactionPraise] = 'invalid';
  if (!complaint) errors[BLOCKS.homeReactionComplaint] = 'invalid';
  if (!praise || !complaint) return { ok: false, errors };
  return { ok: true, value: { praise, complaint } };
}
