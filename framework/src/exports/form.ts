export { Form as default, Form, type FormProps } from '../client/form.js';
