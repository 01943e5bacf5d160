export { Link as default, Link, type LinkProps } from '../client/link.js';
