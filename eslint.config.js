// ESLint flat config: typescript-eslint's recommended rules everywhere, React's hook rules in the UI.
// `npm run lint` runs it with --max-warnings 0, so a warning fails lint as an error does.
// Layering (which folder may import which) is dependency-cruiser's job (.dependency-cruiser.cjs),
// and formatting is Prettier's, so neither is repeated here.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', '.cache/', '.kafka/', 'coverage/', 'node_modules/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // `_name` marks a parameter or binding that is deliberately unused (a callback's fixed shape).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    files: ['**/*.tsx', 'source/ui/**/*.ts'],
    // The plugin's own set: rules of hooks, effect dependencies, and the React Compiler's checks (refs, purity…).
    ...reactHooks.configs.flat.recommended,
  },
);
