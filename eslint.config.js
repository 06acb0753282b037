// Lint: typed rules for TypeScript, plus the architecture: only main/electron/ and preload/ may import `electron`
// (docs/style.md §5, "Electron at the edge"), and each folder imports only the layers below it (LAYERS, in the
// style of VS Code's layer checks). test/unit/lint-layers.test.ts proves the rules fire.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const ELECTRON_MESSAGE = 'Only main/electron/ and preload/ may import electron (docs/style.md §5).';
const electronBan = {
  paths: [{ name: 'electron', message: ELECTRON_MESSAGE }, { name: 'electron-updater', message: ELECTRON_MESSAGE }],
  patterns: [{ group: ['electron/*'], message: ELECTRON_MESSAGE }],
};

// ---- Layers -------------------------------------------------------------------------------------------------
// What each folder may import of ours (everything else of ours is refused). Imports are relative, so a target is
// matched on the specifier: `../` steps up, then the folder (no folder name repeats at another depth).
//   vocab     the pure preload files both sides share: no zod, no electron, no imports (payment states, manager
//             and money limits, error codes, locales, currencies)
//   contract  the rest of preload/ (channels and zod schemas, the per-role preload)
// `types`: imported for types only. `declared`: one crossing on purpose, limited to the files named, with why.
const VOCAB = ['payment-states', 'manager-limits', 'money-limits', 'error-codes', 'locales', 'currencies', 'approvals', 'receipt-code', 'staff-roles', 'cash-denominations', 'printer-options', 'provinces'];
const MAIN = ['shared', 'web-policy', 'journal', 'iotpay', 'sandbox', 'scanners', 'catalog', 'config', 'payments', 'checkout', 'reports', 'staff', 'store', 'receipts', 'printing', 'app', 'electron', 'browser-host', 'cli'];
const BELOW_HOSTS = MAIN.filter((m) => !['electron', 'browser-host', 'cli'].includes(m));

const LAYERS = {
  'main/shared': { may: [] },
  'main/web-policy': { may: ['shared'] },
  'main/journal': { may: ['shared', 'vocab'] },
  'main/iotpay': { may: ['shared'] },
  // Written apart from the client (docs/architecture.md §5): a shared mistake must not pass both sides; the sign
  // vectors are the common ground.
  'main/sandbox': { may: ['shared'] },
  'main/scanners': { may: ['shared', 'vocab'] },
  'main/catalog': {
    may: ['shared', 'vocab'],
    declared: [{ layer: 'scanners', files: ['classifier', 'gs1', 'scan-types'], why: 'a product is found by the code the scanner door classified: one classifier and one GTIN normaliser, so the catalog keys GTINs exactly as scans arrive' }],
  },
  'main/config': { may: ['shared', 'vocab'] },
  'main/payments': {
    may: ['journal', 'iotpay', 'shared', 'vocab'],
    declared: [{ layer: 'config', files: ['settings'], typesOnly: true, why: 'PaymentTimings extends the settings Timers type: the timer names have one owner, the settings schema; types only, the engine never loads config' }],
  },
  'main/checkout': { may: ['payments', 'journal', 'shared', 'vocab'], types: ['catalog', 'scanners'] },
  'main/reports': { may: ['journal', 'shared', 'vocab'] },
  // The receipt as rows and lines, and its printer bytes: pure, from the sale as the screens see it (contract types).
  'main/receipts': { may: ['shared', 'vocab'], types: ['contract'] },
  // Printer transports, status, the drawer and the journal's print queue; bytes come from main/receipts.
  'main/printing': { may: ['receipts', 'journal', 'shared', 'vocab'] },
  // The store push and store reports (docs/store.md): the journal is what they read, PostgreSQL (pg) what they write;
  // reports for the register's refund-tax rule (store-refund-tax.ts).
  'main/store': { may: ['journal', 'reports', 'shared', 'vocab'] },
  // Staff, PINs and the approval rules (docs/staff.md): the journal holds the staff list and the shifts.
  'main/staff': { may: ['journal', 'reports', 'shared', 'vocab'] },
  'main/app': {
    may: [...BELOW_HOSTS, 'vocab', 'contract'],
    declared: [{ layer: 'renderer', files: ['shared/i18n/dictionaries'], why: 'the start-up recovery screen is built in main (the renderer may be what failed) and words its problem from the screens\' own dictionaries, one place per language' }],
  },
  'main/electron': {
    may: ['app', 'web-policy', 'shared', 'vocab'],
    electron: true,
    declared: [{ layer: 'config', files: ['load-settings'], why: 'the desktop updater (updater.ts) reads settings.json "updates" itself, independent of the composed app' }],
  },
  'main/browser-host': {
    may: ['app', 'web-policy', 'shared', 'vocab'],
    declared: [{ layer: 'config', files: ['data-dir'], why: 'its command line opens the same default data folder as the desktop app and npm run pos' }],
  },
  'main/cli': { may: [...BELOW_HOSTS, 'vocab', 'contract'] },
  'main/index.ts': { may: ['app', 'electron', 'vocab', 'contract'] },
  preload: { may: ['vocab', 'contract'], electron: true },
  renderer: { may: ['vocab'], types: ['contract'] },
};

const UP = '^(?:\\./|(?:\\.\\./)+)';
const VOCAB_FILE = `(?:${VOCAB.join('|')})\\.js$`;
/** The specifier regex of a target, optionally limited to (or excluding) some of its files. */
function target(name, { only, except } = {}) {
  const files = (list) => `(?:${list.join('|')})\\.js$`;
  const tail = only ? files(only) : except ? `(?!${files(except)})` : '';
  if (name === 'vocab') return `${UP}preload/${VOCAB_FILE}`;
  if (name === 'contract') return `${UP}preload/(?!${VOCAB_FILE})`;
  if (name === 'main') return `${UP}main/`;
  return `${UP}${name}/${tail}`;
}

function layerPatterns(name, layer) {
  const inMain = name.startsWith('main/');
  const self = inMain ? name.slice('main/'.length) : name;
  const allowed = new Set([self, ...layer.may]);
  const label = (t) => (t === 'vocab' ? 'the preload vocabulary' : t === 'contract' ? 'the preload contract' : MAIN.includes(t) ? `main/${t}` : t);
  const list = (ts) => ts.map(label).join(', ');
  const says = `${name} may import ${layer.may.length ? list(layer.may) : 'nothing of ours'}${layer.types ? `, and ${list(layer.types)} for types only` : ''} (eslint.config.js LAYERS).`;
  const others = inMain ? [...MAIN, 'vocab', 'contract', 'renderer', 'test'] : ['main', 'vocab', 'contract', 'renderer', 'test'];
  const patterns = [];
  for (const other of others) {
    if (allowed.has(other)) continue;
    const declared = layer.declared?.find((d) => d.layer === other);
    const message = declared ? `${says} Declared crossing to ${label(other)}: only ${declared.files.join(', ')}${declared.typesOnly ? ', types only' : ''}; ${declared.why}.` : says;
    if (layer.types?.includes(other)) {
      patterns.push({ regex: target(other), caseSensitive: true, allowTypeImports: true, message });
    } else if (declared) {
      patterns.push({ regex: target(other, { except: declared.files }), caseSensitive: true, message });
      if (declared.typesOnly) patterns.push({ regex: target(other, { only: declared.files }), caseSensitive: true, allowTypeImports: true, message });
    } else {
      patterns.push({ regex: target(other), caseSensitive: true, message });
    }
  }
  return patterns;
}

const layerConfigs = Object.entries(LAYERS).map(([name, layer]) => {
  const ban = layer.electron ? { paths: [], patterns: [] } : electronBan;
  return {
    files: name.endsWith('.ts') ? [name] : [`${name}/**`],
    rules: { 'no-restricted-imports': ['error', { paths: ban.paths, patterns: [...ban.patterns, ...layerPatterns(name, layer)] }] },
  };
});

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'out/', 'test-results/', 'coverage/', '**/*.js', '!eslint.config.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      'no-restricted-imports': ['error', electronBan],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-console': 'off',
    },
  },
  ...layerConfigs,
);
