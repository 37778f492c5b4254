#!/usr/bin/env node
// The headless entry: the same services as the app, from a terminal, without Electron.
// tsx compiles the TypeScript sources on load, so the CLI needs no build step after npm ci.
import { register } from 'tsx/esm/api';

register();
await import('../src/main/cli/index.ts');
