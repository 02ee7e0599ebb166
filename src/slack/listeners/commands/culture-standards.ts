import type { Deps } from '../../../deps.js';
import {
  DESCRIPTION_MAX_LENGTH,
  type Standard,
  TAG_MAX_LENGTH,
  TAG_MIN_LENGTH,
} from '../../../domain/standards/standard.js';
import type { StandardOutcome, StandardRefusal } from '../../../domain/standards/standard-service.js';
import type { Messages } from '../../../i18n/index.js';
import { buildRefusalWithText, buildTextMessage, notAllowedText } from '../../blocks/common.js';
import { buildRestoreOffer, buildStandardsList, tagList } from '../../blocks/standards.js';
import { escapeUserText } from '../../mrkdwn.js';
import { parseStandardCommand } from '../../parsers/standard-command.js';
import type { CultureSubcommands } from './culture.js';

type StandardDeps = Pick<Deps, 'standards' | 'roles' | 'clock'>;

/** One wording per refusal of the standards service, for commands and buttons alike. */
export function standardRefusalText(m: Messages, refusal: StandardRefusal, typedDescription = ''): string {
  const code = (text: string) => escapeUserText(text).replace(/`/g, "'");
  switch (refusal.reason) {
    case 'not_allowed':
      return notAllowedText(m, refusal);
    case 'tag_too_short':
      return m.standardTagTooShort({ min: TAG_MIN_LENGTH });
    case 'tag_too_long':
      return m.standardTagTooLong({ max: TAG_MAX_LENGTH });
    case 'tag_characters':
      return m.standardTagCharacters;
    case 'tag_digits_only':
      return m.standardTagDigitsOnly;
    case 'description_empty':
      return m.standardDescriptionEmpty;
    case 'description_too_long':
      return m.standardDescriptionTooLong({
        max: DESCRIPTION_MAX_LENGTH,
        length: typedDescription.replace(/\s+/g, ' ').trim().length,
      });
    case 'duplicate':
      return m.standardDuplicate({ tag: refusal.tag });
    case 'archived':
      return m.standardArchivedAsk({
        tag: refusal.standard.tag,
        description: escapeUserText(refusal.standard.description),
      });
    case 'too_many':
      return m.standardTooMany({ max: refusal.max });
    case 'unknown_tag':
      return m.standardUnknownTag({ tag: code(refusal.tag), valid: tagList(refusal.valid, m.standardNone) });
    case 'not_archived':
      return m.standardNotArchived({ tag: refusal.tag });
    case 'bad_position':
      return m.standardBadPosition({ max: refusal.max });
  }
}

/**
 * `/culture standards` (anyone) and `/culture standard add|edit|move|remove|restore` (admins;
 * the service decides and refuses with a code, these only word the answer).
 */
export function standardCultureSubcommands(deps: StandardDeps): CultureSubcommands {
  return {
    async standards({ teamId, userId, m, reply }) {
      const { overview, canManage } = await deps.standards.view(teamId, userId, deps.clock());
      await reply(buildStandardsList(m, overview, { adminHint: canManage }));
    },

    async standard({ teamId, userId, rest, m, reply }) {
      const typed = `/culture standard ${rest}`;
      const command = parseStandardCommand(rest);
      if (!command) return reply(buildRefusalWithText(m, m.standardUsage, typed));
      const now = deps.clock();
      let outcome: StandardOutcome<Standard>;
      switch (command.action) {
        case 'add':
          outcome = await deps.standards.add(teamId, userId, command.tag, command.description);
          break;
        case 'edit':
          outcome = await deps.standards.edit(teamId, userId, command.tag, command.description, now);
          break;
        case 'move':
          outcome = await deps.standards.move(teamId, userId, command.tag, command.position, now);
          break;
        case 'remove':
          outcome = await deps.standards.archive(teamId, userId, command.tag, now);
          break;
        case 'restore':
          outcome = await deps.standards.restore(teamId, userId, command.tag, now);
          break;
      }
      if (!outcome.ok) {
        if (outcome.reason === 'archived') return reply(buildRestoreOffer(m, outcome.standard));
        const problem = standardRefusalText(m, outcome, 'description' in command ? command.description : '');
        return reply(buildRefusalWithText(m, problem, typed));
      }
      const standard = outcome.value;
      const description = escapeUserText(standard.description);
      const text = {
        add: () => m.standardAdded({ tag: standard.tag, description, position: standard.position }),
        edit: () => m.standardEdited({ tag: standard.tag, description }),
        move: () => m.standardMoved({ tag: standard.tag, position: standard.position }),
        remove: () => m.standardArchived({ tag: standard.tag }),
        restore: () => m.standardRestored({ tag: standard.tag, position: standard.position }),
      }[command.action]();
      await reply(buildTextMessage(text));
    },
  };
}
