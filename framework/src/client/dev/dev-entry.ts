// The browser entry in development: React Refresh first, then the dev channel, then the app.
import './refresh-setup.js';
import './dev-client.js';
import '../browser-entry.js';
