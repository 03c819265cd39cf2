#!/usr/bin/env node
// The certglance-probe command: registers tsx so Node runs the TypeScript sources, then runs the CLI.
import { register } from 'tsx/esm/api';

register();
const { run } = await import('./cli.ts');
await run(process.argv.slice(2));
