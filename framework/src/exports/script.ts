export { Script as default, Script, type ScriptProps, type ScriptStrategy } from '../client/script.js';
