// Turns content/ (scenarios, personas, hidden briefs, as YAML) into src/coach/scenarios/generated.ts,
// because Workers have no filesystem: Node, the Worker and the tests all import the same data. The
// content is checked against the zod schemas first, so a mistake fails the build, naming the file,
// line and field, rather than a session at run time. Run by scripts/build-prompts.mjs (`npm run prompts`),
// which skips it while the stamp on line 2 of the module matches its inputs.
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import type { CheckId } from '../src/coach/rubric.js';
import { ContentSchema, type Content, type HiddenBrief, type Persona, type Scenario } from '../src/coach/scenarios/content-schema.js';
import { FACT_IDS, PERSONA_IDS, SCENARIO_IDS, type FactId, type PersonaId, type ScenarioId } from '../src/coach/scenarios/ids.js';
import { contentInputsStamp } from './build-prompts.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const contentDir = join(root, 'content');
const outFile = join(root, 'src', 'coach', 'scenarios', 'generated.ts');
const SECTIONS = ['personas', 'briefs'] as const;

/** A content problem, already worded for the person editing the file. */
class ContentError extends Error {
  override name = 'ContentError';
}

interface Source {
  file: string;
  doc: Document;
  lineCounter: LineCounter;
}

function readYaml(path: string): Source {
  const file = relative(root, path);
  const lineCounter = new LineCounter();
  const doc = parseDocument(readFileSync(path, 'utf8'), { lineCounter, prettyErrors: true, uniqueKeys: true });
  // Warnings too (an unknown tag, say): content that half-parses is not worth shipping.
  const problems = [...doc.errors, ...doc.warnings];
  if (problems.length > 0) throw new ContentError(problems.map((e) => `${file}: ${e.message}`).join('\n'));
  return { file, doc, lineCounter };
}

/** Every file of content/ by the key its issues are reported under: `scenarios`, `personas.<id>`, `briefs.<id>`. */
function readSources(): Map<string, Source> {
  const sources = new Map<string, Source>();
  const unexpected: string[] = [];
  for (const name of readdirSync(contentDir).sort()) {
    if (name === 'README.md') continue;
    if (name === 'scenarios.yaml') sources.set('scenarios', readYaml(join(contentDir, name)));
    else if (!(SECTIONS as readonly string[]).includes(name) || !statSync(join(contentDir, name)).isDirectory()) unexpected.push(`content/${name}`);
  }
  for (const section of SECTIONS) {
    const dir = join(contentDir, section);
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir).sort()) {
      if (name.endsWith('.yaml')) sources.set(`${section}.${name.slice(0, -'.yaml'.length)}`, readYaml(join(dir, name)));
      else unexpected.push(`content/${section}/${name}`);
    }
  }
  if (unexpected.length > 0) throw new ContentError(unexpected.map((f) => `${f}: unexpected file (see content/README.md for the layout)`).join('\n'));
  return sources;
}

/** The key of `readSources` for a path of `ContentSchema`: the file the path points into. */
function sourceKey([section, id]: readonly PropertyKey[]): string | undefined {
  if (section === 'scenarios') return 'scenarios';
  return section === undefined || id === undefined ? undefined : `${String(section)}.${String(id)}`;
}

function fileOf(key: string): string {
  const [section, id] = key.split('.');
  return section === 'scenarios' ? 'content/scenarios.yaml' : `content/${section}/${id}.yaml`;
}

const formatPath = (path: readonly PropertyKey[]): string =>
  path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`)).join('');

/** `file:line: field`, the line being that of the deepest part of the path the file has. */
function locate(path: readonly PropertyKey[], sources: ReadonlyMap<string, Source>): string {
  const key = sourceKey(path);
  if (key === undefined) return `content/${path.map(String).join('/')}`;
  const source = sources.get(key);
  if (!source) return fileOf(key);
  const field = path.slice(key === 'scenarios' ? 1 : 2);
  let line: number | undefined;
  for (let n = field.length; n >= 0 && line === undefined; n--) {
    const node = source.doc.getIn(field.slice(0, n), true) as { range?: [number, number, number] } | undefined;
    if (node?.range) line = source.lineCounter.linePos(node.range[0]).line;
  }
  return `${source.file}${line === undefined ? '' : `:${line}`}${field.length === 0 ? '' : `: ${formatPath(field)}`}`;
}

function describeIssue(issue: z.core.$ZodIssue, sources: ReadonlyMap<string, Source>): string[] {
  // A key no id list has: a stray entry in scenarios.yaml, or a file named for no persona.
  if (issue.code === 'unrecognized_keys' && issue.path.length === 1) {
    const kind = issue.path[0] === 'scenarios' ? 'scenario' : 'persona';
    return issue.keys.map((key) => `${locate([...issue.path, key], sources)}: not a ${kind} id listed in src/coach/scenarios/ids.ts`);
  }
  const key = sourceKey(issue.path);
  if (key !== undefined && !sources.has(key)) return [`${fileOf(key)}: missing`];
  return [`${locate(issue.path, sources)}: ${issue.message}`];
}

/** The content as `ContentSchema` reads it: one object, a key per file. */
function parseContent(sources: ReadonlyMap<string, Source>): Content {
  const raw: Record<string, unknown> = { personas: {}, briefs: {} };
  for (const [key, source] of sources) {
    const [section, id] = key.split('.');
    const value: unknown = source.doc.toJS();
    if (id === undefined) raw[key] = value;
    else (raw[section as string] as Record<string, unknown>)[id] = value;
  }
  const result = ContentSchema.safeParse(raw);
  if (!result.success) throw new ContentError(result.error.issues.flatMap((issue) => describeIssue(issue, sources)).join('\n'));
  return result.data;
}

const inOrder = <K extends string, V>(keys: readonly K[], record: Partial<Record<K, V>>): Partial<Record<K, V>> =>
  Object.fromEntries(keys.flatMap((k) => (record[k] === undefined ? [] : [[k, record[k]]]))) as Partial<Record<K, V>>;

/** The public shapes of `index.ts`, in id order whatever order the files list things in. */
function assemble(content: Content) {
  const scenarios = {} as Record<ScenarioId, Scenario>;
  const earnedBy = {} as Record<ScenarioId, Record<FactId, readonly CheckId[]>>;
  for (const id of SCENARIO_IDS) {
    const { earnedBy: moves, ...fields } = content.scenarios[id];
    scenarios[id] = { id, ...fields };
    earnedBy[id] = moves;
  }
  const personas = {} as Record<PersonaId, Persona>;
  for (const id of PERSONA_IDS) {
    const { lines, ...fields } = content.personas[id];
    // zod writes exhaustive records in key order, partial ones in the file's order.
    const opening = lines.opening && inOrder(SCENARIO_IDS, lines.opening);
    // ContentSchema checked each persona as the side its id belongs to, which TypeScript cannot follow here.
    personas[id] = { id, ...fields, lines: { ...lines, ...(opening && { opening }) } } as Persona;
  }
  const briefs: HiddenBrief[] = PERSONA_IDS.flatMap((personaId) =>
    SCENARIO_IDS.flatMap((scenarioId) => {
      const brief = content.briefs[personaId][scenarioId];
      if (!brief) return [];
      const facts = FACT_IDS.map((id) => ({ id, ...brief.facts[id], earnedBy: earnedBy[scenarioId][id] }));
      return [{ personaId, scenarioId, situation: brief.situation, facts, ...(brief.answers && { answers: brief.answers }) }];
    }),
  );
  return { scenarios, personas, earnedBy, briefs };
}

function render(content: Content): string {
  const { scenarios, personas, earnedBy, briefs } = assemble(content);
  const json = (value: unknown) => JSON.stringify(value, null, 2);
  return [
    '// Generated by scripts/build-content.ts from content/; do not edit.',
    contentInputsStamp(),
    "import type { CheckId } from '../rubric.js';",
    "import type { HiddenBrief, Persona, Scenario } from './content-schema.js';",
    "import type { FactId, PersonaId, ScenarioId } from './ids.js';",
    '',
    '/** The role-play scenarios (content/scenarios.yaml). */',
    `export const SCENARIOS: Record<ScenarioId, Scenario> = ${json(scenarios)};`,
    '',
    '/** The people the user rehearses with (content/personas/). */',
    `export const PERSONAS: Record<PersonaId, Persona> = ${json(personas)};`,
    '',
    '/** Which user moves earn each fact of a brief, per scenario (`earnedBy` in content/scenarios.yaml). */',
    `export const EARNED_BY: Record<ScenarioId, Record<FactId, readonly CheckId[]>> = ${json(earnedBy)};`,
    '',
    '/** Every hidden brief, by persona then scenario (content/briefs/). */',
    `export const BRIEFS: readonly HiddenBrief[] = ${json(briefs)};`,
    '',
  ].join('\n');
}

/** Validates content/ and writes the generated module; throws a `ContentError` listing every problem found. */
function buildContent(): void {
  const source = render(parseContent(readSources()));
  mkdirSync(dirname(outFile), { recursive: true });
  const current = existsSync(outFile) ? readFileSync(outFile, 'utf8') : '';
  // Rewriting an identical file would wake every watcher for nothing.
  if (current !== source) writeFileSync(outFile, source);
}

try {
  buildContent();
} catch (err) {
  if (!(err instanceof ContentError)) throw err;
  console.error(`content/ is not valid:\n${err.message}`);
  process.exitCode = 1;
}
