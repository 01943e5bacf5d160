// GET /: what this API offers.
export function GET(request: Request) {
  const origin = new URL(request.url).origin;
  return Response.json({
    name: 'Nexxo API',
    endpoints: {
      health: `GET ${origin}/api/health`,
      listTodos: `GET ${origin}/api/todos?done=true|false`,
      createTodo: `POST ${origin}/api/todos {"title": "…"}`,
      getTodo: `GET ${origin}/api/todos/:id`,
      updateTodo: `PATCH ${origin}/api/todos/:id {"title"?: "…", "done"?: true}`,
      deleteTodo: `DELETE ${origin}/api/todos/:id`,
    },
  });
}
