// Language switch. A native <select>: large on touch screens, opens the platform picker, and each option is
// named in its own language so a customer who cannot read the current one can still find theirs.
import { useApp } from './app-context.js';
import { LOCALES, LOCALE_NAMES, isLocale } from './locale.js';

export function LocaleSelect() {
  const { locale, setLocale, t } = useApp();
  return (
    <label className="locale-select">
      <span className="visually-hidden">{t('common.language')}</span>
      <select
        data-testid="locale-select"
        value={locale}
        onChange={(e) => {
          if (isLocale(e.target.value)) setLocale(e.target.value);
        }}
      >
        {LOCALES.map((code) => (
          <option key={code} value={code} lang={code}>
            {LOCALE_NAMES[code]}
          </option>
        ))}
      </select>
    </label>
  );
}
