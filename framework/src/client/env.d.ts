// Replaced at build time by the compiler's `define`.
declare const process: { env: { NODE_ENV: 'production' | 'development' } };
