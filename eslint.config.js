// Lint: typed rules for TypeScript, plus the one architectural rule we never bend:
// only main/electron/ and preload/ may import `electron` (docs/style.md §5, "Electron at the edge").
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const electronImportBan = {
  'no-restricted-imports': [
    'error',
    {
      paths: [{ name: 'electron', message: 'Only main/electron/ and preload/ may import electron (docs/style.md §5).' }],
      patterns: [{ group: ['electron/*'], message: 'Only main/electron/ and preload/ may import electron (docs/style.md §5).' }],
    },
  ],
};

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'out/', 'test-results/', 'coverage/', '**/*.js', '!eslint.config.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      ...electronImportBan,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['main/electron/**', 'preload/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
);
