import { mount } from '../shared/mount.js';
import { CashierApp } from './CashierApp.js';

mount(<CashierApp />);
