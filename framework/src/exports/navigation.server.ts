// `nexxo/navigation` in server components: the throwing helpers work; the hooks explain the fix.
export { notFound, redirect, permanentRedirect, type RedirectType } from '../shared/navigation-errors.js';

function clientOnly(name: string): () => never {
  return () => {
    throw new Error(`${name}() only works in client components. Add "use client" to the file that calls it, or read the value on the server instead (page props \`params\` and \`searchParams\`).`);
  };
}

export const useRouter = clientOnly('useRouter');
export const usePathname = clientOnly('usePathname');
export const useSearchParams = clientOnly('useSearchParams');
export const useParams = clientOnly('useParams');
export const useSelectedLayoutSegment = clientOnly('useSelectedLayoutSegment');
export const useSelectedLayoutSegments = clientOnly('useSelectedLayoutSegments');
