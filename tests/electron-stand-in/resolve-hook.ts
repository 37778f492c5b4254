/** A module resolve hook (node:module register) that points `electron` at the stand-in. */
let electronUrl = '';

export function initialize(data: { electronUrl: string }): void {
  electronUrl = data.electronUrl;
}

export async function resolve(
  specifier: string,
  context: unknown,
  next: (specifier: string, context: unknown) => Promise<unknown>,
): Promise<unknown> {
  if (specifier === 'electron') return { url: electronUrl, format: 'module', shortCircuit: true };
  return next(specifier, context);
}
