// settings.json as last saved, held in memory. While the app runs, main is the file's only writer (screens save
// through settings:update), so re-reading it on every app:info, receipt and PIN check would be the same bytes
// again. What the running app was built with stays in Services.settings; the difference is `pendingRestart`.
import { saveSettings } from '../config/load-settings.js';
import type { Settings } from '../config/settings.js';

export class SavedSettings {
  constructor(private readonly dataDir: string, private settings: Settings) {}

  get(): Settings {
    return this.settings;
  }

  /** Validates and writes atomically (load-settings.ts); the copy here changes only once the file has. */
  save(next: unknown): Settings {
    this.settings = saveSettings(this.dataDir, next);
    return this.settings;
  }
}
