// Layer rules for `npm run lint` (dependency-cruiser): which folder of source/ may import which.
// kafka (no React) → model → ui, with cli, format (shared text) and config beside them.
// Type-only imports count too: a type from a higher layer still ties the lower one to it.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'kafka-imports-upward',
      comment: 'source/kafka is the bottom layer: it must not import the model, the UI or the CLI.',
      severity: 'error',
      from: { path: '^source/kafka/' },
      to: { path: '^source/(model|ui|cli)/' },
    },
    {
      name: 'model-imports-ui-or-cli',
      comment: 'source/model holds state for the UI; it must not import the UI or the CLI.',
      severity: 'error',
      from: { path: '^source/model/' },
      to: { path: '^source/(ui|cli)/' },
    },
    {
      name: 'format-imports-upward',
      comment: 'source/format is shared text for the CLI and the UI; it must not import the UI, the model or the CLI.',
      severity: 'error',
      from: { path: '^source/format/' },
      to: { path: '^source/(ui|model|cli)/' },
    },
    {
      name: 'config-imports-upward',
      comment: 'source/config reads and writes settings; it must not import the model, the UI or the CLI.',
      severity: 'error',
      from: { path: '^source/config/' },
      to: { path: '^source/(model|ui|cli)/' },
    },
    {
      name: 'pane-imports-pane',
      comment: 'A pane must not import another pane: move what they share to source/ui/components or source/format.',
      severity: 'error',
      from: { path: '^source/ui/panes/([^/]+)$' },
      to: { path: '^source/ui/panes/', pathNot: '^source/ui/panes/$1$' },
    },
    {
      name: 'no-circular',
      comment: 'Modules that import each other cannot be read, tested or moved one at a time.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Resolve `./x.js` to `x.ts` as tsc (NodeNext) does.
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'],
      // ESM-only packages (ink, meow, conf) publish only an `import` condition.
      conditionNames: ['import', 'require', 'node', 'default'],
      exportsFields: ['exports'],
    },
  },
};
