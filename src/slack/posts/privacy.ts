import type { Deps } from '../../deps.js';
import type { Locale } from '../../i18n/index.js';
import { pulseSpeech, slackDateTime } from '../blocks/pulse-common.js';
import { sendFilesInDm } from '../dm-files.js';
import { createMomentPublisher } from './moment.js';

type PrivacyPublisherDeps = Pick<
  Deps,
  'privacy' | 'workspaces' | 'slack' | 'logger' | 'languages' | 'moments' | 'clock' | 'outbox'
>;

/**
 * What erasure and export make the bot do in Slack: the erased stories leave the recognition
 * channel, the posts that named the person are re-rendered without them, exports arrive as
 * files in a DM. Shared by `/culture` and the Home.
 */
export function createPrivacyPublisher(deps: PrivacyPublisherDeps) {
  const moments = createMomentPublisher(deps);

  async function speech(teamId: string, locale: Locale) {
    const { timezone } = await deps.workspaces.get(teamId);
    return pulseSpeech(locale, timezone);
  }

  return {
    /** Erases, then takes the person off Slack's copies of the stories (failures logged, not thrown). */
    async erase(teamId: string, actorId: string, targetId: string) {
      const erased = await deps.privacy.erase(teamId, actorId, targetId);
      if (!erased.ok) return erased;
      await Promise.all(erased.value.erasedPosts.map((post) => moments.retract(post)));
      for (const id of erased.value.renamedMomentIds) {
        const moment = await deps.moments.get(teamId, id);
        if (moment) await moments.refresh(moment);
      }
      return erased;
    },

    async sendWorkspaceExport(teamId: string, userId: string, locale: Locale) {
      const files = await deps.privacy.exportWorkspace(teamId, userId);
      if (!files.ok) return files;
      const s = await speech(teamId, locale);
      await sendFilesInDm(
        deps.slack,
        userId,
        files.value,
        s.m.privacyExportComment({ when: slackDateTime(s, deps.clock()) }),
      );
      return files;
    },

    async sendPersonExport(teamId: string, userId: string, locale: Locale) {
      const files = await deps.privacy.exportPerson(teamId, userId);
      const s = await speech(teamId, locale);
      await sendFilesInDm(
        deps.slack,
        userId,
        files,
        s.m.privacyMyExportComment({ when: slackDateTime(s, deps.clock()) }),
      );
    },
  };
}
