/** Enough for every team's chart of this week in both languages on a busy deployment. */
const CACHE_MAX = 1_000;

/**
 * The Home's balance-trend pictures already uploaded: `app_home_opened` fires each time someone
 * looks at the tab, and an upload costs a render and about four Web API calls. The key names the
 * team, the week, the language and the figures drawn, so a cached file always shows what the
 * Home would draw now. The promise is kept, so two opens at once upload once. Per process: a
 * second replica uploads its own copy once, which costs one upload a week, not a wrong answer.
 */
export function createHomeChartFiles(max = CACHE_MAX) {
  const files = new Map<string, Promise<string | undefined>>();
  return {
    /** The file id for `key`, uploading it with `upload` the first time (a failure is not kept). */
    fileFor(key: string, upload: () => Promise<string | undefined>): Promise<string | undefined> {
      const known = files.get(key);
      if (known) return known;
      const pending = upload().then((fileId) => {
        if (fileId === undefined) files.delete(key);
        return fileId;
      });
      files.set(key, pending);
      // The oldest entry goes first: last weeks' pictures are never asked for again.
      if (files.size > max) files.delete(files.keys().next().value as string);
      return pending;
    },
    /** Slack no longer shows that file (deleted, or refused): the next open uploads it again. */
    forget(key: string) {
      files.delete(key);
    },
  };
}

export type HomeChartFiles = ReturnType<typeof createHomeChartFiles>;
