import type { Deps } from '../../../deps.js';
import { RETENTION_MONTHS, UNINSTALL_GRACE_DAYS } from '../../../domain/privacy/retention.js';
import { buildAuditMessage } from '../../blocks/audit.js';
import { buildNotAllowed, buildTextMessage } from '../../blocks/common.js';
import { erasureText } from '../../blocks/home-privacy.js';
import { pulseSpeech } from '../../blocks/pulse-common.js';
import { parseErasureArgs, parseExportArgs, parseRetentionArgs } from '../../parsers/privacy-command.js';
import { createPrivacyPublisher } from '../../posts/privacy.js';
import type { CultureSubcommands } from './culture.js';

type PrivacyCommandDeps = Pick<
  Deps,
  'privacy' | 'workspaces' | 'slack' | 'logger' | 'languages' | 'moments' | 'clock' | 'outbox'
>;

/**
 * `/culture forget @person` · `/culture export [me]` · `/culture retention [grace] <n>` ·
 * `/culture audit`. The privacy service decides who may; these only word its answers.
 */
export function privacyCultureSubcommands(deps: PrivacyCommandDeps): CultureSubcommands {
  const publisher = createPrivacyPublisher(deps);
  return {
    async forget({ teamId, userId, args, m, reply }) {
      const targetId = parseErasureArgs(args);
      if (!targetId) return reply(buildTextMessage(m.privacyForgetUsage));
      const erased = await publisher.erase(teamId, userId, targetId);
      if (!erased.ok) return reply(buildNotAllowed(m, erased));
      await reply(buildTextMessage(erasureText(m, userId, targetId, erased.value)));
    },

    async export({ teamId, userId, args, locale, m, reply }) {
      const which = parseExportArgs(args);
      if (!which) return reply(buildTextMessage(m.privacyExportUsage));
      if (which === 'me') {
        await publisher.sendPersonExport(teamId, userId, locale);
        return reply(buildTextMessage(m.privacyMyExportSent));
      }
      const sent = await publisher.sendWorkspaceExport(teamId, userId, locale);
      if (!sent.ok) return reply(buildNotAllowed(m, sent));
      await reply(buildTextMessage(m.privacyExportSent));
    },

    async retention({ teamId, userId, args, m, reply }) {
      const parsed = parseRetentionArgs(args);
      const usage = m.privacyRetentionUsage({
        minMonths: RETENTION_MONTHS.min,
        maxMonths: RETENTION_MONTHS.max,
        minDays: UNINSTALL_GRACE_DAYS.min,
        maxDays: UNINSTALL_GRACE_DAYS.max,
      });
      if (!parsed) return reply(buildTextMessage(usage));
      if (parsed.kind === 'show') {
        const { settings } = await deps.workspaces.get(teamId);
        return reply(
          buildTextMessage(
            `${m.privacyRetentionShow({ months: settings.retentionMonths, days: settings.uninstallGraceDays })}\n${usage}`,
          ),
        );
      }
      const result =
        parsed.kind === 'months'
          ? await deps.privacy.setRetention(teamId, userId, parsed.value)
          : await deps.privacy.setUninstallGrace(teamId, userId, parsed.value);
      if (!result.ok)
        return reply(result.reason === 'not_allowed' ? buildNotAllowed(m, result) : buildTextMessage(usage));
      await reply(
        buildTextMessage(
          parsed.kind === 'months'
            ? m.privacyRetentionSet({ months: result.value })
            : m.privacyGraceSet({ days: result.value }),
        ),
      );
    },

    async audit({ teamId, userId, locale, m, reply }) {
      const trail = await deps.privacy.auditTrail(teamId, userId, 15);
      if (!trail.ok) return reply(buildNotAllowed(m, trail));
      const { timezone } = await deps.workspaces.get(teamId);
      await reply(buildAuditMessage(pulseSpeech(locale, timezone), trail.value));
    },
  };
}
