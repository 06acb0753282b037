// Electron entry: composition only (docs/style.md §12). The composition root builds every service; the contract
// names the channels; main/electron/ does the rest. This file imports no `electron` (lint rule, docs/style.md §5).
import { CHANNEL_NAMES } from '../preload/contract.js';
import { composeApp } from './app/compose.js';
import { startElectronHost } from './electron/electron-host.js';

startElectronHost({ compose: composeApp, channels: CHANNEL_NAMES, argv: process.argv });
