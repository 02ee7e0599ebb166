/**
 * Milliseconds on the system's monotonic clock (Linux's CLOCK_MONOTONIC, which every process
 * reads alike): a time taken in the bench and one taken in the emulator's process compare.
 */
export const monotonicMs = (): number => Number(process.hrtime.bigint()) / 1e6;
