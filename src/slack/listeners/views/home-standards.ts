import {
  DESCRIPTION_MAX_LENGTH,
  TAG_MAX_LENGTH,
  TAG_MIN_LENGTH,
} from '../../../domain/standards/standard.js';
import type { StandardRefusal } from '../../../domain/standards/standard-service.js';
import type { Messages } from '../../../i18n/index.js';
import { BLOCKS } from '../../ids.js';
import { escapeUserText } from '../../mrkdwn.js';
import { parseReactionsModal, parseStandardModal } from '../../parsers/home-standards.js';
import { handleHomeForm, notAllowed } from './home-forms.js';

/** Where the standards service's refusal goes: under a field of the form, or on top of the Home. */
function standardProblem(
  m: Messages,
  refusal: StandardRefusal,
  typedDescription: string,
): { errors: Record<string, string> } | { notice: string } {
  const tag = (text: string) => ({ errors: { [BLOCKS.homeStandardTag]: text } });
  const description = (text: string) => ({ errors: { [BLOCKS.homeStandardDescription]: text } });
  switch (refusal.reason) {
    case 'not_allowed':
      return notAllowed(m, refusal);
    case 'tag_too_short':
      return tag(m.homeStandardTagTooShort({ min: TAG_MIN_LENGTH }));
    case 'tag_too_long':
      return tag(m.homeStandardTagTooLong({ max: TAG_MAX_LENGTH }));
    case 'tag_characters':
      return tag(m.homeStandardTagCharacters);
    case 'tag_digits_only':
      return tag(m.homeStandardTagDigitsOnly);
    case 'duplicate':
      return tag(m.homeStandardDuplicate({ tag: refusal.tag }));
    case 'archived':
      return tag(m.homeStandardArchivedTag({ tag: refusal.standard.tag }));
    case 'too_many':
      return tag(m.homeStandardTooMany({ max: refusal.max }));
    case 'description_empty':
      return description(m.homeStandardDescriptionEmpty);
    case 'description_too_long':
      return description(
        m.homeStandardDescriptionTooLong({
          max: DESCRIPTION_MAX_LENGTH,
          length: typedDescription.replace(/\s+/g, ' ').trim().length,
        }),
      );
    case 'bad_position':
      return { errors: { [BLOCKS.homeStandardPosition]: m.standardBadPosition({ max: refusal.max }) } };
    // Archived or restored by someone else while the form was open.
    case 'unknown_tag':
    case 'not_archived':
      return { notice: m.homeNoticeGone };
  }
}

/** The standards form of the Home: add a standard, rewrite one, or move it (the service decides). */
export const handleHomeStandard = handleHomeForm(async ({ deps, teamId, userId, m, args }) => {
  const parsed = parseStandardModal(args.view.private_metadata, args.view.state.values);
  if (!parsed) return { notice: m.homeNoticeGone };
  if (!parsed.ok) return { errors: { [BLOCKS.homeStandardPosition]: m.homePickOne } };
  const form = parsed.value;
  const now = deps.clock();
  switch (form.action) {
    case 'add': {
      const added = await deps.standards.add(teamId, userId, form.tag, form.description);
      if (!added.ok) return standardProblem(m, added, form.description);
      const { tag, description, position } = added.value;
      return { notice: m.standardAdded({ tag, description: escapeUserText(description), position }) };
    }
    case 'edit': {
      const edited = await deps.standards.edit(teamId, userId, form.tag, form.description, now);
      if (!edited.ok) return standardProblem(m, edited, form.description);
      const { tag, description } = edited.value;
      return { notice: m.standardEdited({ tag, description: escapeUserText(description) }) };
    }
    case 'move': {
      const moved = await deps.standards.move(teamId, userId, form.tag, form.position, now);
      if (!moved.ok) return standardProblem(m, moved, '');
      return { notice: m.homeStandardMoved({ tag: moved.value.tag, position: moved.value.position }) };
    }
  }
});

/** The reaction-emoji form of the Home: the same change as `/culture reactions`, by the same service. */
export const handleHomeReactions = handleHomeForm(async ({ deps, teamId, userId, m, args }) => {
  const parsed = parseReactionsModal(args.view.state.values);
  if (!parsed.ok) {
    return {
      errors: Object.fromEntries(Object.keys(parsed.errors).map((block) => [block, m.homeReactionInvalid])),
    };
  }
  const result = await deps.reactionSettings.set(teamId, userId, parsed.value);
  if (result.ok) return { notice: m.reactionsSet(result.value) };
  switch (result.reason) {
    case 'not_allowed':
      return notAllowed(m, result);
    case 'invalid_emoji':
      return { errors: { [BLOCKS.homeReactionPraise]: m.homeReactionInvalid } };
    case 'same_emoji':
      return { errors: { [BLOCKS.homeReactionComplaint]: m.reactionsSameEmoji } };
  }
});
