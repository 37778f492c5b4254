// Types for scripts/build-cli.mjs, which the benches import (bench/built-child.ts).
export const ROOT: string;
export const WORKER_ENTRIES: Record<string, string>;
export function buildInto(dir: string, entryPoints?: Record<string, string>): Promise<void>;
export function currentCli(): Promise<string>;
