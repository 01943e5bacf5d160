// A route handler: Web Request in, Web Response out. GET /api/hello?name=Ada
export function GET(request: Request) {
  const name = new URL(request.url).searchParams.get('name')?.trim() || 'world';
  return Response.json({ message: `Hello, ${name}!`, servedAt: new Date().toISOString() });
}
