// What the compiler's "use server" transform imports in the rsc build (ServerActionsOptions.serverModule).
export { registerServerActions } from './register.js';
export { encryptActionBoundArgs, decryptActionBoundArgs } from './bound-args.js';
