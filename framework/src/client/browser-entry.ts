// The browser entry of a production build: the build's client reference table, then the app.
import './client-references.js';
import './start-app.js';
