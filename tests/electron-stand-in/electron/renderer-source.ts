/** The page runtime (page/renderer-runtime.ts) as an IIFE, compiled in by the launcher's build. */
declare const __RENDERER_RUNTIME_IIFE__: string;

/** An expression whose value is installRendererRuntime, without leaking a global into the page. */
export function rendererRuntimeSource(): string {
  return `(() => { ${__RENDERER_RUNTIME_IIFE__}; return __electronStandInRenderer.installRendererRuntime; })()`;
}
