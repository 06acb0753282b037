import { mount } from '../shared/mount.js';
import { ManagerApp } from './ManagerApp.js';

mount(<ManagerApp />);
