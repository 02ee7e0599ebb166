import type { Locale } from '../locale.js';

/** One service standard of a workspace: a tag and the one line everyone is trained on. */
export interface Standard {
  id: number;
  tag: string;
  description: string;
  /** 1-based place in the workspace's list (archived standards keep their last one). */
  position: number;
  archivedAt: Date | null;
}

/** A workspace writes a few standards, not a rulebook: everyone must be able to name them. */
export const MAX_STANDARDS = 12;
export const TAG_MIN_LENGTH = 2;
export const TAG_MAX_LENGTH = 24;
export const DESCRIPTION_MAX_LENGTH = 150;

export type TagProblem = 'tag_too_short' | 'tag_too_long' | 'tag_characters' | 'tag_digits_only';
export type DescriptionProblem = 'description_empty' | 'description_too_long';

/**
 * A tag is 2–24 lowercase letters, digits and hyphens, not digits only (`#42` is an order
 * number, never a standard). Tags are compared lower-cased, so `#Same-Day` cites `same-day`.
 */
export function checkTag(raw: string): { ok: true; tag: string } | { ok: false; problem: TagProblem } {
  const tag = raw.trim().replace(/^#/, '').toLowerCase();
  if (tag.length < TAG_MIN_LENGTH) return { ok: false, problem: 'tag_too_short' };
  if (tag.length > TAG_MAX_LENGTH) return { ok: false, problem: 'tag_too_long' };
  if (!/^[a-z0-9-]+$/.test(tag)) return { ok: false, problem: 'tag_characters' };
  if (/^[0-9]+$/.test(tag)) return { ok: false, problem: 'tag_digits_only' };
  return { ok: true, tag };
}

/** One line, at most 150 characters (line breaks become spaces). */
export function checkDescription(
  raw: string,
): { ok: true; description: string } | { ok: false; problem: DescriptionProblem } {
  const description = raw.replace(/\s+/g, ' ').trim();
  if (!description) return { ok: false, problem: 'description_empty' };
  if (description.length > DESCRIPTION_MAX_LENGTH) return { ok: false, problem: 'description_too_long' };
  return { ok: true, description };
}

/** The standards a new workspace starts with, in its language. */
export const DEFAULT_STANDARDS: readonly { tag: string; description: Record<Locale, string> }[] = [
  {
    tag: 'same-day',
    description: {
      en: 'Every customer hears back from us the same day.',
      fr: 'Chaque client reçoit une réponse de notre part dans la journée.',
    },
  },
  {
    tag: 'follow-up',
    description: {
      en: 'After every fix, we check back that the customer is satisfied.',
      fr: 'Après chaque solution, nous vérifions auprès du client qu’il est satisfait.',
    },
  },
  {
    tag: 'own-it',
    description: {
      en: 'Whoever hears of a problem owns it until it is solved: never “not my job”.',
      fr: 'Qui entend parler d’un problème s’en charge jusqu’à sa résolution : jamais « ce n’est pas mon travail ».',
    },
  },
  {
    tag: 'surprise',
    description: {
      en: 'Give the customer something extra they did not expect.',
      fr: 'Offrir au client un petit plus auquel il ne s’attendait pas.',
    },
  },
  {
    tag: 'human',
    description: {
      en: 'Treat every customer, outside or inside, as a person, not as a sale.',
      fr: 'Traiter chaque client, externe ou interne, comme une personne et non comme une vente.',
    },
  },
  {
    tag: 'share',
    description: {
      en: 'Share what you learn about a customer with the team, on the spot.',
      fr: 'Partager sur le vif avec l’équipe ce que l’on apprend d’un client.',
    },
  },
];

/**
 * The `#tags` a text cites, read the way Slack delivers text: with escaping on, Slack turns
 * `#name` into a channel link `<#C123|name>` when a channel of that name exists, so a channel
 * link whose name is an active tag counts as that tag (any other channel link is just a
 * channel). `#` followed by digits only (an order number), `#` inside a URL or a code span,
 * and `#` glued to a word (`C#`, `&#39;`) are never tags. `unknown` holds the tag-like words
 * that name no active standard, lower-cased, in the order they appear.
 */
export function readCitations(
  text: string,
  activeTags: readonly string[],
): { cited: string[]; unknown: string[] } {
  const active = new Set(activeTags);
  const cited = new Set<string>();
  const unknown = new Set<string>();
  const plain = text
    // Code blocks and code spans: what is inside is quoted, not said.
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/`[^`\n]*`/g, ' ')
    // Channel links count only when they name an active tag.
    .replace(/<#[A-Z0-9]+(?:\|([^>]*))?>/g, (_link, name?: string) => {
      const tag = name?.toLowerCase();
      if (tag && active.has(tag)) cited.add(tag);
      return ' ';
    })
    // Links Slack formatted (<https://…#anchor|label>) and bare URLs.
    .replace(/<[^>\s]*>/g, ' ')
    .replace(/\b(?:[a-z][a-z0-9+.-]*:\/\/|www\.)\S*/gi, ' ');
  for (const match of plain.matchAll(/(?<![\p{L}\p{N}_&/#-])#([\p{L}\p{N}_-]+)/gu)) {
    const word = (match[1] as string).toLowerCase();
    const trimmed = word.replace(/-+$/, '');
    if (!trimmed || /^[0-9]+$/.test(trimmed)) continue;
    if (active.has(word)) cited.add(word);
    else if (active.has(trimmed)) cited.add(trimmed);
    else unknown.add(word);
  }
  return { cited: [...cited], unknown: [...unknown] };
}
