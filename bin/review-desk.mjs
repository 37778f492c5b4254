#!/usr/bin/env node
// The headless entry: the same services as the app, from a terminal, without Electron. It runs
// the CLI built under out/cli/ (scripts/build-cli.mjs), building it first when the sources have
// no build yet, so `npx review-desk` works right after npm ci and after any edit.
import { pathToFileURL } from 'node:url';
import { currentCli } from '../scripts/build-cli.mjs';

await import(pathToFileURL(await currentCli()).href);
