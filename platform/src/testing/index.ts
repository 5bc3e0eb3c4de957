export { requireRealSetting } from './real-services.js';
