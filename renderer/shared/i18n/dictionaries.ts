import type { Locale } from '../locale.js';
import { enCA } from './en-CA.js';
import { frCA } from './fr-CA.js';
import type { Messages } from './translate.js';
import { zhCN } from './zh-CN.js';

export const DICTIONARIES: Record<Locale, Messages> = { 'en-CA': enCA, 'fr-CA': frCA, 'zh-CN': zhCN };
