import { describe, expect, it } from 'vitest';
import { rewriteAsyncRequestApis } from './async-request-apis.js';

interface Case {
  name: string;
  file: string;
  before: string;
  after: string;
  /** Lines of the changes, in order. */
  changes: number[];
  warnings?: number[];
}

const rewrites: Case[] = [
  {
    name: 'awaits destructured params in a page and types them as a Promise',
    file: 'app/blog/[slug]/page.tsx',
    before: `export default function Page({ params }: { params: { slug: string } }) {\n  return <h1>{params.slug}</h1>;\n}\n`,
    after: `export default async function Page({ params: paramsPromise }: { params: Promise<{ slug: string }> }) {\n  const params = await paramsPromise;\n  return <h1>{params.slug}</h1>;\n}\n`,
    changes: [1, 1, 1],
  },
  {
    name: 'awaits a nested params pattern under the prop name and keeps searchParams beside it',
    file: 'app/blog/[slug]/page.tsx',
    before: `export default async function Page({ params: { slug }, searchParams }) {\n  const q = searchParams.q;\n  return <h1>{slug}{q}</h1>;\n}\n`,
    after: `export default async function Page({ params, searchParams: searchParamsPromise }) {\n  const { slug } = await params;\n  const searchParams = await searchParamsPromise;\n  const q = searchParams.q;\n  return <h1>{slug}{q}</h1>;\n}\n`,
    changes: [1, 1],
  },
  {
    name: 'replaces props.params reads with a local awaited at the top',
    file: 'app/[lang]/layout.tsx',
    before: `export default function Layout(props: { children: React.ReactNode; params: { lang: string } }) {\n  return <html lang={props.params.lang}>{props.children}</html>;\n}\n`,
    after: `export default async function Layout(props: { children: React.ReactNode; params: Promise<{ lang: string }> }) {\n  const params = await props.params;\n  return <html lang={params.lang}>{props.children}</html>;\n}\n`,
    changes: [1, 1, 2],
  },
  {
    name: 'gives an arrow with an expression body a block and makes it async',
    file: 'app/[id]/template.jsx',
    before: `const Template = ({ params }) => (\n  <p>{params.id}</p>\n);\nexport default Template;\n`,
    after: `const Template = async ({ params: paramsPromise }) => { const params = await paramsPromise; return (\n  <p>{params.id}</p>\n); };\nexport default Template;\n`,
    changes: [1, 1],
  },
  {
    name: 'rewrites an interface used only as props, once for the page and generateMetadata',
    file: 'app/[slug]/page.tsx',
    before: `interface Props {\n  params: { slug: string };\n  searchParams?: { [key: string]: string | undefined };\n}\nexport async function generateMetadata({ params }: Props): Promise<Metadata> {\n  return { title: params.slug };\n}\nexport default function Page({ params }: Props) {\n  return params.slug;\n}\n`,
    after: `interface Props {\n  params: Promise<{ slug: string }>;\n  searchParams?: Promise<{ [key: string]: string | undefined }>;\n}\nexport async function generateMetadata({ params: paramsPromise }: Props): Promise<Metadata> {\n  const params = await paramsPromise;\n  return { title: params.slug };\n}\nexport default async function Page({ params: paramsPromise }: Props) {\n  const params = await paramsPromise;\n  return params.slug;\n}\n`,
    changes: [2, 3, 5, 8, 8],
  },
  {
    name: 'awaits params in an Open Graph image route',
    file: 'app/posts/[slug]/opengraph-image.tsx',
    before: `export default async function Image({ params }: { params: { slug: string } }) {\n  return render(params.slug);\n}\n`,
    after: `export default async function Image({ params: paramsPromise }: { params: Promise<{ slug: string }> }) {\n  const params = await paramsPromise;\n  return render(params.slug);\n}\n`,
    changes: [1, 1],
  },
  {
    name: 'awaits params in a route handler and wraps its declared return type',
    file: 'app/api/items/[id]/route.ts',
    before: `export function GET(request: Request, { params }: { params: { id: string } }): Response {\n  return Response.json({ id: params.id });\n}\n`,
    after: `export async function GET(request: Request, { params: paramsPromise }: { params: Promise<{ id: string }> }): Promise<Response> {\n  const params = await paramsPromise;\n  return Response.json({ id: params.id });\n}\n`,
    changes: [1, 1, 1],
  },
  {
    name: 'reads params from a route context object',
    file: 'app/api/[id]/route.js',
    before: `export const DELETE = async (req, context) => {\n  await remove(context.params.id);\n  return new Response(null);\n};\n`,
    after: `export const DELETE = async (req, context) => {\n  const params = await context.params;\n  await remove(params.id);\n  return new Response(null);\n};\n`,
    changes: [2],
  },
  {
    name: 'inserts after a function directive and keeps comments and odd formatting',
    file: 'app/page.tsx',
    before: `// the page\nexport default function Page(  { params /* route */ }  ) {\n\t'use cache';\n\t// slug\n\treturn params.slug ;\n}\n`,
    after: `// the page\nexport default async function Page(  { params: paramsPromise /* route */ }  ) {\n\t'use cache';\n\tconst params = await paramsPromise;\n\t// slug\n\treturn params.slug ;\n}\n`,
    changes: [2, 2],
  },
  {
    name: 'ignores a nested function whose own parameter is also called params',
    file: 'app/page.tsx',
    before: `export default function Page({ params }) {\n  if (!params) return null;\n  const { slug } = params;\n  return list.map((params) => params.id + slug);\n}\n`,
    after: `export default async function Page({ params: paramsPromise }) {\n  const params = await paramsPromise;\n  if (!params) return null;\n  const { slug } = params;\n  return list.map((params) => params.id + slug);\n}\n`,
    changes: [1, 1],
  },
  {
    name: 'awaits a single-line body, generateViewport, an intersection type and `export { Page as default }`',
    file: 'app/page.tsx',
    before: `function Page({ params }) { return params.slug }\nexport { Page as default };\nexport function generateViewport({ params }: { params: { a: string } } & Other) {\n  return { themeColor: params.a };\n}\n`,
    after: `async function Page({ params: paramsPromise }) { const params = await paramsPromise; return params.slug }\nexport { Page as default };\nexport async function generateViewport({ params: paramsPromise }: { params: Promise<{ a: string }> } & Other) {\n  const params = await paramsPromise;\n  return { themeColor: params.a };\n}\n`,
    changes: [1, 1, 3, 3, 3],
  },
  {
    name: 'picks another name when the function already uses it',
    file: 'app/page.tsx',
    before: `export default function Page(props) {\n  const params = new URLSearchParams();\n  return props.params.slug + params;\n}\n`,
    after: `export default async function Page(props) {\n  const params2 = await props.params;\n  const params = new URLSearchParams();\n  return params2.slug + params;\n}\n`,
    changes: [1, 3],
  },
  {
    name: 'awaits headers() and aliased cookies() and makes the handler async',
    file: 'app/api/me/route.ts',
    before: `import { cookies as getCookies, headers } from 'next/headers';\nexport function GET() {\n  const h = headers();\n  return Response.json({ token: getCookies().get('token')?.value, ua: h.get('user-agent') });\n}\n`,
    after: `import { cookies as getCookies, headers } from 'next/headers';\nexport async function GET() {\n  const h = await headers();\n  return Response.json({ token: (await getCookies()).get('token')?.value, ua: h.get('user-agent') });\n}\n`,
    changes: [2, 3, 4],
  },
  {
    name: 'awaits draftMode() from nexxo/headers in a server action and a namespace import',
    file: 'app/actions.ts',
    before: `'use server';\nimport { draftMode } from 'nexxo/headers';\nimport * as nh from 'next/headers';\nexport async function enable() {\n  draftMode().enable();\n  nh.cookies().set('a', '1');\n}\n`,
    after: `'use server';\nimport { draftMode } from 'nexxo/headers';\nimport * as nh from 'next/headers';\nexport async function enable() {\n  (await draftMode()).enable();\n  (await nh.cookies()).set('a', '1');\n}\n`,
    changes: [5, 6],
  },
  {
    name: 'parenthesizes only where await would bind differently',
    file: 'app/api/route.ts',
    before: `import { headers } from 'next/headers';\nexport async function GET() {\n  const a = headers()!.get('a');\n  const b = headers() as Headers;\n  log(headers(), [headers()]);\n  return new Response(String(headers().has('x') && a && b));\n}\n`,
    after: `import { headers } from 'next/headers';\nexport async function GET() {\n  const a = (await headers())!.get('a');\n  const b = (await headers()) as Headers;\n  log(await headers(), [await headers()]);\n  return new Response(String((await headers()).has('x') && a && b));\n}\n`,
    changes: [3, 4, 5, 5, 6],
  },
  {
    name: 'makes a helper async when the file only awaits it or renders it',
    file: 'app/page.tsx',
    before: `import { cookies } from 'next/headers';\nfunction Theme() {\n  return <p>{cookies().get('theme')?.value}</p>;\n}\nconst readTheme = () => cookies().get('theme');\nexport default async function Page() {\n  const theme = await readTheme();\n  return <Theme />;\n}\n`,
    after: `import { cookies } from 'next/headers';\nasync function Theme() {\n  return <p>{(await cookies()).get('theme')?.value}</p>;\n}\nconst readTheme = async () => (await cookies()).get('theme');\nexport default async function Page() {\n  const theme = await readTheme();\n  return <Theme />;\n}\n`,
    changes: [2, 3, 5, 5],
  },
  {
    name: 'awaits params and cookies() in the same page once',
    file: 'app/[id]/page.tsx',
    before: `import { cookies } from 'next/headers';\nexport default ({ params }) => cookies().get(params.id);\n`,
    after: `import { cookies } from 'next/headers';\nexport default async ({ params: paramsPromise }) => { const params = await paramsPromise; return (await cookies()).get(params.id); };\n`,
    changes: [2, 2, 2],
  },
];

const unchanged: Array<{ name: string; file: string; source: string; warnings: number[]; warning?: RegExp }> = [
  {
    name: 'leaves params that are already awaited',
    file: 'app/[slug]/page.tsx',
    source: `export default async function Page({ params }: { params: Promise<{ slug: string }> }) {\n  const { slug } = await params;\n  return slug;\n}\n`,
    warnings: [],
  },
  {
    name: 'leaves props.params that is already awaited',
    file: 'app/[slug]/page.tsx',
    source: `export default async function Page(props: PageProps<'/[slug]'>) {\n  const { slug } = await props.params;\n  return slug;\n}\n`,
    warnings: [],
  },
  {
    name: 'leaves params read with use()',
    file: 'app/[slug]/page.tsx',
    source: `import { use } from 'react';\nexport default function Page({ params }) {\n  const { slug } = use(params);\n  return slug;\n}\n`,
    warnings: [],
  },
  {
    name: 'leaves awaited headers() and cookies()',
    file: 'app/page.tsx',
    source: `import { cookies, headers } from 'next/headers';\nexport default async function Page() {\n  const c = await cookies();\n  const h = (await headers()).get('x');\n  return null;\n}\n`,
    warnings: [],
  },
  {
    name: 'leaves files that are not pages, layouts or route handlers',
    file: 'components/card.tsx',
    source: `export default function Card({ params }) {\n  return params.slug;\n}\n`,
    warnings: [],
  },
  {
    name: 'warns when params is passed on whole',
    file: 'app/[slug]/page.tsx',
    source: `export default function Page({ params }: { params: { slug: string } }) {\n  return <Post params={params} />;\n}\n`,
    warnings: [2],
    warning: /`params` in `Page` is used as a whole here/,
  },
  {
    name: 'warns when params is both awaited and read directly',
    file: 'app/[slug]/page.tsx',
    source: `export default async function Page({ params }) {\n  await params;\n  return params.slug;\n}\n`,
    warnings: [3],
    warning: /awaited in one place and read directly here/,
  },
  {
    name: 'warns for a client page that receives params',
    file: 'app/[slug]/page.tsx',
    source: `'use client';\nexport default function Page({ params }) {\n  return params.slug;\n}\n`,
    warnings: [3],
    warning: /client component.*`use\(params\)`.*`useParams\(\)`/,
  },
  {
    name: 'warns for cookies() in a client module',
    file: 'components/theme.tsx',
    source: `"use client";\nimport { cookies } from 'next/headers';\nexport function Theme() {\n  return cookies().get('t');\n}\n`,
    warnings: [4],
    warning: /this module is "use client"/,
  },
  {
    name: 'warns instead of making a hook async',
    file: 'lib/use-session.ts',
    source: `import { cookies } from 'next/headers';\nexport function useSession() {\n  return cookies().get('s');\n}\n`,
    warnings: [3],
    warning: /hooks cannot be async/,
  },
  {
    name: 'warns instead of making a function async that the file calls synchronously',
    file: 'lib/session.ts',
    source: `import { headers } from 'next/headers';\nfunction ip() {\n  return headers().get('x-forwarded-for');\n}\nexport function log() {\n  console.log(ip());\n}\n`,
    warnings: [3],
    warning: /`ip` is called without `await` on line 6/,
  },
  {
    name: 'warns instead of making a callback async',
    file: 'app/page.tsx',
    source: `import { cookies } from 'next/headers';\nexport default async function Page() {\n  return ['a', 'b'].map((name) => cookies().get(name));\n}\n`,
    warnings: [3],
    warning: /inside a callback/,
  },
  {
    name: 'warns for a call at the top level of a module',
    file: 'lib/x.ts',
    source: `import { headers } from 'next/headers';\nexport const h = headers();\n`,
    warnings: [2],
    warning: /top level of the module/,
  },
  {
    name: 'warns for a default value on params',
    file: 'app/page.tsx',
    source: `export default function Page({ searchParams = {} }) {\n  return searchParams.q;\n}\n`,
    warnings: [1],
    warning: /has a default value/,
  },
];

describe('rewriteAsyncRequestApis', () => {
  for (const { name, file, before, after, changes, warnings = [] } of rewrites) {
    it(name, () => {
      const result = rewriteAsyncRequestApis(before, file);
      expect(result.code).toBe(after);
      expect(result.changes.map((change) => change.line)).toEqual(changes);
      expect(result.warnings.map((warning) => warning.line)).toEqual(warnings);
      expect(rewriteAsyncRequestApis(result.code, file)).toEqual({ code: result.code, changes: [], warnings: [] });
    });
  }

  for (const { name, file, source, warnings, warning } of unchanged) {
    it(name, () => {
      const result = rewriteAsyncRequestApis(source, file);
      expect(result.code).toBe(source);
      expect(result.changes).toEqual([]);
      expect(result.warnings.map((item) => item.line)).toEqual(warnings);
      if (warning) expect(result.warnings[0]!.message).toMatch(warning);
    });
  }

  it('describes each change', () => {
    const result = rewriteAsyncRequestApis(`export default function Page({ params: { slug } }) {\n  return slug;\n}\n`, 'app/[slug]/page.tsx');
    expect(result.changes).toEqual([
      { line: 1, message: '`params` is a Promise in Next 16: `Page` now awaits it once at the top (`const { slug } = await params;`).' },
      { line: 1, message: 'Made `Page` async to await `params`.' },
    ]);
  });

  it('warns rather than edit a props type that is imported', () => {
    const source = `import type { Props } from './types';\nexport default function Page({ params }: Props) {\n  return params.slug;\n}\n`;
    const result = rewriteAsyncRequestApis(source, 'app/[slug]/page.tsx');
    expect(result.code).toBe(`import type { Props } from './types';\nexport default async function Page({ params: paramsPromise }: Props) {\n  const params = await paramsPromise;\n  return params.slug;\n}\n`);
    expect(result.warnings).toEqual([{ line: 2, message: 'The props type `Props` is imported, so it was left as it is: make its `params`/`searchParams` a `Promise<…>` where it is declared.' }]);
  });

  it('warns rather than edit a props type that other code uses too', () => {
    const source = `type Props = { params: { slug: string } };\nexport default function Page({ params }: Props) {\n  return params.slug;\n}\nconst sample: Props = { params: { slug: 'a' } };\n`;
    const result = rewriteAsyncRequestApis(source, 'app/[slug]/page.tsx');
    expect(result.code).toContain(`type Props = { params: { slug: string } };`);
    expect(result.warnings.map((warning) => warning.line)).toEqual([1]);
    expect(result.warnings[0]!.message).toMatch(/also used outside the props/);
  });

  it('warns rather than edit an exported props type', () => {
    const source = `export interface Props { params: { slug: string } }\nexport default function Page({ params }: Props) {\n  return params.slug;\n}\n`;
    const result = rewriteAsyncRequestApis(source, 'app/[slug]/page.tsx');
    expect(result.code).toContain(`export interface Props { params: { slug: string } }`);
    expect(result.warnings).toEqual([{ line: 1, message: 'The props type `Props` is exported, and other files may use it, so it was left as it is: give the props their own type with `params`/`searchParams` as `Promise<…>`.' }]);
  });

  it('warns when props is passed on whole but still awaits the reads it sees', () => {
    const source = `export default function Page(props) {\n  return <Shell {...props} title={props.params.slug} />;\n}\n`;
    const result = rewriteAsyncRequestApis(source, 'app/[slug]/page.tsx');
    expect(result.code).toBe(`export default async function Page(props) {\n  const params = await props.params;\n  return <Shell {...props} title={params.slug} />;\n}\n`);
    expect(result.warnings.map((warning) => warning.line)).toEqual([2]);
    expect(result.warnings[0]!.message).toMatch(/`props` in `Page` is used as a whole here/);
  });

  it('keeps characters outside the edits byte for byte, including non-ASCII text and CRLF', () => {
    const source = `// Grüße 👋\r\nexport default function Page({ params }) {\r\n  return \`✓ \${params.slug}\`;\r\n}\r\n`;
    const result = rewriteAsyncRequestApis(source, 'app/[slug]/page.js');
    expect(result.code).toBe(`// Grüße 👋\r\nexport default async function Page({ params: paramsPromise }) {\r\n  const params = await paramsPromise;\r\n  return \`✓ \${params.slug}\`;\r\n}\r\n`);
  });

  it('throws an error naming the file when it does not parse', () => {
    expect(() => rewriteAsyncRequestApis('export default function (', 'app/page.tsx')).toThrow(/^Cannot parse app\/page\.tsx, so it was left unchanged: /);
  });
});
