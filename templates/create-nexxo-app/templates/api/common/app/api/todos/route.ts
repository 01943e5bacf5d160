import { createTodo, listTodos } from '@/lib/todos';
import { errorResponse, readJsonObject } from '@/lib/http';

// GET /api/todos?done=true
export function GET(request: Request) {
  const done = new URL(request.url).searchParams.get('done');
  if (done !== null && done !== 'true' && done !== 'false') return errorResponse(400, `?done must be true or false, not "${done}".`);
  return Response.json({ todos: listTodos(done === null ? {} : { done: done === 'true' }) });
}

// POST /api/todos {"title": "Buy milk"}
export async function POST(request: Request) {
  const body = await readJsonObject(request);
  if (body instanceof Response) return body;
  const title = typeof body.title === 'string' ? body.title.trim() : '';
  if (!title) return errorResponse(422, '"title" must be a non-empty string.');
  const todo = createTodo(title);
  return Response.json(todo, { status: 201, headers: { Location: `/api/todos/${todo.id}` } });
}
