/**
 * What a "use server" module becomes in the ssr build. The server never calls an action while
 * rendering HTML; React only asks the reference how to render `<form action>` so that the form
 * posts the action without JavaScript.
 */
export { createServerReference } from 'react-server-dom-webpack/client.edge';
