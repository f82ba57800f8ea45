/**
 * Names the shapes of the contracts for the OpenAPI document: every exported object schema `ZSomething` is
 * registered in Zod's global registry with the id `Something`, so the document lists it once in
 * `components.schemas` and refers to it wherever a body, an answer or another shape uses it (a generated client
 * then has one type per shape instead of a copy per operation).
 *
 * Queries, path parameters and headers (`…Query`, `…Params`, `…Param`, `…Id`, `…Headers`, `ZPage`) are not named:
 * the document spells them out as parameters. When two modules export the same name, both are named after their
 * module (`ProjectsAttachmentRef`, `SubsidyAttachmentRef`). The names are derived from the export names only, so
 * they stay the same from one start to the next. A name that would still clash (an input and an output form under
 * one name) stops the document from being built, so it is found by the OpenAPI test, not by a client.
 */
import { z } from 'zod';
import * as attachments from './attachments';
import * as audit from './audit';
import * as auth from './auth';
import * as calculators from './calculators';
import * as calendar from './calendar';
import * as common from './common';
import * as enterprises from './enterprises';
import * as errors from './errors';
import * as financing from './financing';
import * as guarantee from './guarantee';
import * as health from './health';
import * as loans from './loans';
import * as notifications from './notifications';
import * as projects from './projects';
import * as reference from './reference';
import * as subsidy from './subsidy';
import * as users from './users';

const MODULES: Record<string, Record<string, unknown>> = {
  attachments,
  audit,
  auth,
  calculators,
  calendar,
  common,
  enterprises,
  errors,
  guarantee,
  financing,
  health,
  loans,
  notifications,
  projects,
  reference,
  subsidy,
  users,
};

const PARAMETER_SHAPE = /(Query|Params|Param|Id|Headers)$/;
const NOT_NAMED = new Set(['ZPage']);

const pascal = (s: string) => s.replace(/(^|-)([a-z])/g, (_m, _d, c: string) => c.toUpperCase());

/** The exported object schemas of the contracts, with the component name each gets. */
export function contractSchemaNames(): Map<z.ZodType, string> {
  const found: { module: string; name: string; schema: z.ZodType }[] = [];
  for (const [module, exports] of Object.entries(MODULES)) {
    for (const [exportName, value] of Object.entries(exports)) {
      if (!/^Z[A-Z]/.test(exportName) || !(value instanceof z.ZodObject)) continue;
      if (PARAMETER_SHAPE.test(exportName) || NOT_NAMED.has(exportName)) continue;
      found.push({ module, name: exportName.slice(1), schema: value });
    }
  }
  // The document names the input form of a schema `<name>Input` itself: `ZZybSubsidyInput` is named `ZybSubsidy`
  // (its body is then `ZybSubsidyInput`), or `PolicyMatchRequest` when `ZPolicyMatch` also exists.
  const exported = new Set(found.map((f) => f.name));
  for (const f of found) {
    if (!f.name.endsWith('Input') || f.name === 'Input') continue;
    const base = f.name.slice(0, -'Input'.length);
    f.name = exported.has(base) ? `${base}Request` : base;
  }
  const count = new Map<string, number>();
  for (const f of found) count.set(f.name, (count.get(f.name) ?? 0) + 1);
  const names = new Map<z.ZodType, string>();
  for (const f of found) {
    if (names.has(f.schema)) continue; // the same schema exported twice keeps its first name
    names.set(f.schema, (count.get(f.name) ?? 0) > 1 ? `${pascal(f.module)}${f.name}` : f.name);
  }
  return names;
}

let named = false;

/** Registers the names once (keeping each schema's description and other metadata). */
export function nameContractSchemas(): void {
  if (named) return;
  named = true;
  for (const [schema, id] of contractSchemaNames()) {
    const meta = z.globalRegistry.get(schema);
    if (meta?.id) continue;
    z.globalRegistry.add(schema, { ...meta, id });
  }
}
