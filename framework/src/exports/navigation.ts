export { useRouter, usePathname, useSearchParams, useParams, useSelectedLayoutSegment, useSelectedLayoutSegments } from '../client/navigation-hooks.js';
export { ReadonlyURLSearchParams } from '../client/readonly-search-params.js';
export type { AppRouterInstance, NavigateOptions } from '../client/router-context.js';
export { notFound, redirect, permanentRedirect, type RedirectType } from '../shared/navigation-errors.js';
