import type { ReactionEmoji } from '../../domain/reactions/reaction.js';
import type { Role } from '../../domain/roles/role-service.js';
import type { Messages } from '../../i18n/index.js';
import { type Block, context, header, section } from './common.js';
import { tagList } from './standards.js';

/** What the help says that depends on the workspace. */
export interface HelpContext {
  reactionEmoji: ReactionEmoji;
  /** The workspace's active standards, listed under the help on `#tag`. */
  tags: readonly string[];
}

/** Each command line of the help, shown to the roles that may use it. */
const HELP: { minRole: Role; line: (m: Messages, ctx: HelpContext) => string }[] = [
  { minRole: 'member', line: (m) => m.momentsHelpPraise },
  { minRole: 'member', line: (m) => m.momentsHelpComplaint },
  { minRole: 'member', line: (m) => m.momentsHelpMoment },
  { minRole: 'member', line: (m, ctx) => m.reactionsHelpReact(ctx.reactionEmoji) },
  { minRole: 'member', line: (m) => m.standardsHelpList },
  { minRole: 'member', line: (m) => m.digestHelpPreview },
  { minRole: 'member', line: (m) => m.helpCultureHelp },
  { minRole: 'member', line: (m) => m.privacyHelpExport },
  { minRole: 'member', line: (m) => m.privacyHelpForget },
  { minRole: 'manager', line: (m) => m.digestHelpPost },
  { minRole: 'member', line: (m) => m.mantraHelpShow },
  { minRole: 'manager', line: (m) => m.helpPulseStart },
  { minRole: 'manager', line: (m) => m.helpPulseFollow },
  { minRole: 'manager', line: (m) => m.mantraHelpPost },
  { minRole: 'manager', line: (m) => m.scheduleHelpList },
  { minRole: 'admin', line: (m) => m.helpCultureRole },
  { minRole: 'admin', line: (m) => m.helpCultureLanguage },
  { minRole: 'admin', line: (m) => m.momentsHelpRecognition },
  { minRole: 'admin', line: (m) => m.reactionsHelpSettings },
  { minRole: 'admin', line: (m) => m.mantraHelpManage },
  { minRole: 'admin', line: (m) => m.standardsHelpManage },
  { minRole: 'admin', line: (m) => m.scheduleHelpSchedule },
  { minRole: 'admin', line: (m) => m.scheduleHelpUnschedule },
  { minRole: 'admin', line: (m) => m.scheduleHelpTimezone },
  { minRole: 'admin', line: (m) => m.privacyHelpRetention },
  { minRole: 'admin', line: (m) => m.privacyHelpAudit },
];

const rank: Record<Role, number> = { member: 0, manager: 1, admin: 2 };

export function buildHelp(m: Messages, role: Role, ctx: HelpContext): { text: string; blocks: Block[] } {
  const roleLabel = { admin: m.roleLabelAdmin, manager: m.roleLabelManager, member: m.roleLabelMember }[role];
  const sections: [Role, string][] = [
    ['member', m.helpSectionEveryone],
    ['manager', m.helpSectionManagers],
    ['admin', m.helpSectionAdmins],
  ];
  const cite = ctx.tags.length ? m.standardsHelpCite({ tags: tagList(ctx.tags, '') }) : m.standardsHelpNone;
  const blocks: Block[] = [header(m.helpTitle), section(m.helpIntro), section(cite)];
  for (const [sectionRole, title] of sections) {
    if (rank[role] < rank[sectionRole]) continue;
    const lines = HELP.filter((entry) => entry.minRole === sectionRole).map(
      (entry) => `• ${entry.line(m, ctx)}`,
    );
    if (lines.length) blocks.push(section(`*${title}*\n${lines.join('\n')}`));
  }
  blocks.push(context(m.helpYourRole({ role: roleLabel })));
  return { text: m.helpTitle, blocks };
}
