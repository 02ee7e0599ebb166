/**
 * The dependency rule of the code, checked by `npm run lint` (dependency-cruiser resolves every
 * import to the file it names, type-only ones included, so a rule holds whatever the relative
 * path looks like). What each layer may use is explained in src/README.md.
 * @type {import('dependency-cruiser').IConfiguration}
 */
export default {
  forbidden: [
    {
      name: 'no-cycles',
      severity: 'error',
      comment: 'An import cycle makes load order matter and hides which module owns what.',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'domain-stays-pure',
      severity: 'error',
      comment:
        'The domain holds the rules: no Slack, no SQL, no cron, no catalogs. It imports only ' +
        'itself, zod and node built-ins; the outer layers hand it what it needs through its ports.',
      from: { path: '^src/domain/' },
      to: {
        pathNot: ['^src/domain/', '(^|/)node_modules/zod/'],
        dependencyTypesNot: ['core'],
      },
    },
    {
      name: 'charts-only-draw',
      severity: 'error',
      comment:
        'src/charts turns data into pictures: it knows Vega and resvg, never Slack, SQL or the ' +
        'catalogs (words arrive from the caller already in the reader’s language).',
      from: { path: '^src/charts/' },
      to: {
        path: ['^src/', '@slack/', 'drizzle-orm', 'postgres', 'pglite'],
        pathNot: ['^src/charts/', '^src/worker-threads\\.ts$'],
      },
    },
    {
      name: 'db-uses-only-db-and-domain',
      severity: 'error',
      comment:
        'Repositories implement the ports the domain declares; they take its types, never its ' +
        'code, and nothing from the Slack, jobs or catalog layers.',
      from: { path: '^src/db/' },
      to: { path: '^src/', pathNot: ['^src/db/', '^src/domain/', '^src/worker-threads\\.ts$'] },
    },
    {
      name: 'db-takes-no-domain-values',
      severity: 'error',
      comment: 'A value imported from the domain into a repository is domain logic running in SQL land.',
      from: { path: '^src/db/' },
      to: { path: '^src/domain/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'slack-sdk-only-in-slack',
      severity: 'error',
      comment:
        'Only src/slack (and the sandbox, which plays Slack) talks to Slack; deps.ts may name the ' +
        'WebClient type it hands around.',
      from: { path: '^src/', pathNot: ['^src/slack/', '^src/sandbox/', '^src/deps\\.ts$'] },
      to: { path: '(^|/)node_modules/@slack/' },
    },
    {
      name: 'deps-names-only-slack-types',
      severity: 'error',
      comment: 'deps.ts may name Slack types, nothing more.',
      from: { path: '^src/deps\\.ts$' },
      to: { path: '(^|/)node_modules/@slack/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'node-cron-only-in-the-scheduler',
      severity: 'error',
      comment: 'node-cron is the clock of the scheduler; everything else asks the injected calendar.',
      from: { path: '^src/', pathNot: ['^src/jobs/scheduler/'] },
      to: { path: '(^|/)node_modules/node-cron/' },
    },
    {
      name: 'nothing-runs-on-the-sandbox',
      severity: 'error',
      comment: 'The sandbox plays Slack for demos and tests; the product never depends on it.',
      from: { path: '^src/(slack|domain|db|jobs)/' },
      to: { path: '^src/sandbox/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.js', '.d.ts', '.mjs', '.cjs', '.json'],
    },
  },
};
