// Nexxo's browser runtime in development, pre-bundled once per dev server with React (see
// prebundleDevDeps): React Refresh first, then the dev channel, then the app.
import './refresh-setup.js';
import './dev-client.js';
import '../start-app.js';
