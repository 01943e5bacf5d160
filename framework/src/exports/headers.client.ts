// `nexxo/headers` outside the react-server graph: explain where it works.
function serverOnly(name: string): () => never {
  return () => {
    throw new Error(`${name}() from "nexxo/headers" only works in server components, route handlers and server actions. Read it in a server component and pass the value to this client component as a prop.`);
  };
}

export const cookies = serverOnly('cookies');
export const headers = serverOnly('headers');
