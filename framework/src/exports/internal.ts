// Internals for Nexxo's own packages (adapters, tooling). Not a stable API.
export type { RscPayload } from '../shared/rsc-payload.js';
