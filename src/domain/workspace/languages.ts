import type { Locale } from '../locale.js';
import type { PeopleDirectory } from '../people.js';
import type { WorkspaceService } from './workspace-service.js';

/**
 * Which language to speak. A person's own Slack language wins for what only they see
 * (ephemeral replies, DMs); channel posts use the workspace language set by an admin.
 */
export function createLanguages(workspaces: WorkspaceService, people: PeopleDirectory) {
  return {
    async forWorkspace(teamId: string): Promise<Locale> {
      return (await workspaces.get(teamId)).locale;
    },
    async forUser(teamId: string, userId: string): Promise<Locale> {
      const person = await people.lookup(teamId, userId).catch(() => undefined);
      return person?.locale ?? (await workspaces.get(teamId)).locale;
    },
  };
}

export type Languages = ReturnType<typeof createLanguages>;
