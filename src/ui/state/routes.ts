/** Which screen is showing, as a stack: esc goes back to where the learner came from. */
export type Route =
  | { screen: 'map' }
  | { screen: 'lesson'; id: string }
  | { screen: 'quiz'; id: string }
  | { screen: 'challenge'; id: string }
  | { screen: 'help' };

export type RouteAction = { type: 'push'; route: Route } | { type: 'back' } | { type: 'replace'; route: Route };

export const initialRoutes: Route[] = [{ screen: 'map' }];

export function routesReducer(stack: Route[], action: RouteAction): Route[] {
  switch (action.type) {
    case 'push':
      return [...stack, action.route];
    case 'back':
      // The map is the bottom of the stack: esc there stays there.
      return stack.length > 1 ? stack.slice(0, -1) : stack;
    case 'replace':
      return [...stack.slice(0, -1), action.route];
  }
}

export const currentRoute = (stack: readonly Route[]): Route => stack.at(-1) ?? { screen: 'map' };
