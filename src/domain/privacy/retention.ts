/** How long data is kept: the bounds and defaults of the two workspace settings. */
export const RETENTION_MONTHS = { min: 1, max: 120, default: 24 } as const;
export const UNINSTALL_GRACE_DAYS = { min: 1, max: 365, default: 30 } as const;
