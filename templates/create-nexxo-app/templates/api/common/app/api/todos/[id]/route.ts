import { deleteTodo, getTodo, updateTodo } from '@/lib/todos';
import { errorResponse, readJsonObject } from '@/lib/http';

type Context = { params: Promise<{ id: string }> };

// GET /api/todos/1
export async function GET(_request: Request, { params }: Context) {
  const { id } = await params;
  const todo = getTodo(id);
  return todo ? Response.json(todo) : errorResponse(404, `There is no todo with id "${id}".`);
}

// PATCH /api/todos/1 {"done": true}
export async function PATCH(request: Request, { params }: Context) {
  const { id } = await params;
  const body = await readJsonObject(request);
  if (body instanceof Response) return body;
  const changes: { title?: string; done?: boolean } = {};
  if ('title' in body) {
    if (typeof body.title !== 'string' || !body.title.trim()) return errorResponse(422, '"title" must be a non-empty string.');
    changes.title = body.title.trim();
  }
  if ('done' in body) {
    if (typeof body.done !== 'boolean') return errorResponse(422, '"done" must be true or false.');
    changes.done = body.done;
  }
  const todo = updateTodo(id, changes);
  return todo ? Response.json(todo) : errorResponse(404, `There is no todo with id "${id}".`);
}

// DELETE /api/todos/1
export async function DELETE(_request: Request, { params }: Context) {
  const { id } = await params;
  return deleteTodo(id) ? new Response(null, { status: 204 }) : errorResponse(404, `There is no todo with id "${id}".`);
}
