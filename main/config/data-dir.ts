// Where the app keeps its journal, settings and training ledger. Matches Electron's app.getPath('userData')
// for productName "IOTPay POS", so the admin command line and the desktop app share one folder by default.
import { homedir } from 'node:os';
import { join } from 'node:path';

export const PRODUCT_NAME = 'IOTPay POS';

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.POS_DATA_DIR) return env.POS_DATA_DIR;
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), PRODUCT_NAME);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', PRODUCT_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), PRODUCT_NAME);
}
