/**
 * Every Slack identifier the code registers or builds, in one place: the manifest test reads
 * COMMANDS, SHORTCUTS and EVENTS to prove manifest.yml and the code agree.
 */
export const COMMANDS = {
  culture: '/culture',
} as const;

export const SHORTCUTS = {} as const;

export const EVENTS = {} as const;

export const ACTIONS = {} as const;

export const VIEWS = {} as const;

export const BLOCKS = {} as const;
