/**
 * The layering of the house, checked by `npm run lint:layers` (part of `npm test`). A violation
 * prints the rule's name, the importing file and the imported one. Paths are relative to the
 * repository root. Type-only imports count: a type dependency is a dependency.
 * @type {import('dependency-cruiser').IConfiguration}
 */
module.exports = {
  forbidden: [
    {
      name: 'wire-and-rules-are-pure',
      comment:
        'src/wire/ and src/rules/ import nothing of ours but generated/ (and their own folder): they are the protocol and the rules, shared by client, emulator and CLI.',
      severity: 'error',
      from: { path: '^src/(wire|rules)/' },
      to: { path: '^(src|scripts|test|bench)/', pathNot: '^src/$1/' },
    },
    {
      name: 'generated-is-a-leaf',
      comment: 'generated/ is written from the spec alone and imports nothing of ours.',
      severity: 'error',
      from: { path: '^generated/' },
      to: { path: '^(src|scripts|test|bench)/' },
    },
    {
      name: 'generation-reads-only-the-spec',
      comment:
        'scripts/generate.ts and scripts/generate/ write generated/ from spec/ alone; src/ is downstream of them (the docs scripts may read src/).',
      severity: 'error',
      from: { path: '^scripts/generate(\\.ts$|/)' },
      to: { path: '^(src|test|bench)/' },
    },
    {
      name: 'client-stays-a-client',
      comment: 'The client ships alone (dist/live-relay.js): it never imports the emulator or the CLI.',
      severity: 'error',
      from: { path: '^src/client/' },
      to: { path: '^src/(emulator|cli)/' },
    },
    {
      name: 'emulator-stays-a-service',
      comment: 'The emulator is the other side of the wire: it never imports the client or the CLI.',
      severity: 'error',
      from: { path: '^src/emulator/' },
      to: { path: '^src/(client|cli)/' },
    },
    {
      name: 'only-entry-points-import-the-cli',
      comment: 'src/cli/ holds the process entry points; no library folder imports it (tests may).',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/(cli|demo)/' },
      to: { path: '^src/cli/' },
    },
    {
      name: 'nothing-imports-demo-or-bench',
      comment: 'The demo and the benchmarks are programs, not libraries: only their own files import them.',
      severity: 'error',
      from: { pathNot: '^(src/demo|bench)/' },
      to: { path: '^(src/demo|bench)/' },
    },
    {
      name: 'no-import-loops',
      comment: 'Every module can be understood from its imports alone.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-missing-modules',
      comment:
        'An import that resolves to nothing is a typo or a missing dependency (the package importing itself by name, as the published-entry test does, resolves only once built).',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true, pathNot: '^live-relay(/|$)' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|node_modules|\\.tmp)/' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      extensions: ['.ts', '.js', '.mjs', '.cjs', '.json', '.d.ts'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
    },
    moduleSystems: ['es6', 'cjs'],
  },
};
