#!/usr/bin/env node
// Entry of `npx huiqi …`: loads the TypeScript CLI through tsx so a fresh clone needs no build step.
import { register } from 'tsx/esm/api';

register();
await import('../../../src/cli/main.ts');
