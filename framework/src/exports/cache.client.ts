// `nexxo/cache` outside the react-server graph: explain where it works.
function serverOnly(name: string): () => never {
  return () => {
    throw new Error(`${name}() from "nexxo/cache" only works on the server: in server actions, route handlers and server components. Call it in a server action (a "use server" function) that the client calls.`);
  };
}

export const revalidatePath = serverOnly('revalidatePath');
export const revalidateTag = serverOnly('revalidateTag');
export const refresh = serverOnly('refresh');
export const unstable_cache = serverOnly('unstable_cache');
export const unstable_noStore = serverOnly('unstable_noStore');
