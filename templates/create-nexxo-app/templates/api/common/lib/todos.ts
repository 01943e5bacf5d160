export interface Todo {
  id: string;
  title: string;
  done: boolean;
  createdAt: string;
}

// An in-memory store: it lives as long as the server process (and per instance on serverless
// platforms). Swap these functions for your database.
const todos = new Map<string, Todo>();
let nextId = 1;

for (const title of ['Read the README', 'Add a route handler', 'Deploy']) createTodo(title);

export function listTodos(filter: { done?: boolean } = {}): Todo[] {
  return [...todos.values()].filter((todo) => filter.done === undefined || todo.done === filter.done);
}

export function getTodo(id: string): Todo | undefined {
  return todos.get(id);
}

export function createTodo(title: string): Todo {
  const todo = { id: String(nextId++), title, done: false, createdAt: new Date().toISOString() };
  todos.set(todo.id, todo);
  return todo;
}

export function updateTodo(id: string, changes: Partial<Pick<Todo, 'title' | 'done'>>): Todo | undefined {
  const todo = todos.get(id);
  if (!todo) return undefined;
  const updated = { ...todo, ...changes };
  todos.set(id, updated);
  return updated;
}

export function deleteTodo(id: string): boolean {
  return todos.delete(id);
}
