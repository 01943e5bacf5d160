// GET /api/health: for load balancers and uptime checks.
export function GET() {
  return Response.json({ status: 'ok', time: new Date().toISOString() }, { headers: { 'Cache-Control': 'no-store' } });
}
