import { mount } from '../shared/mount.js';
import { CustomerDisplayApp } from './CustomerDisplayApp.js';

mount(<CustomerDisplayApp />);
