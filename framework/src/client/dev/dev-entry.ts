// The browser entry of a development build: all that the app's client build compiles besides its
// own components. The runtime it starts is pre-bundled (dev-runtime.ts).
import '../client-references.js';
import './dev-runtime.js';
