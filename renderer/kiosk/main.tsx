import { mount } from '../shared/mount.js';
import { KioskApp } from './KioskApp.js';

mount(<KioskApp />);
