import { validate, ValidationSeverity, type ValidatorSettings } from 'dockerfile-utils';
import { isPinnedImage } from './image-reference';

export interface Instruction {
  readonly keyword: string;
  readonly args: string;
  /** 1-based line where the instruction starts. */
  readonly line: number;
}

// dockerfile-utils' own style checks, all as findings rather than hints.
const LINT_SETTINGS: ValidatorSettings = {
  deprecatedMaintainer: ValidationSeverity.ERROR,
  directiveCasing: ValidationSeverity.ERROR,
  emptyContinuationLine: ValidationSeverity.ERROR,
  instructionCasing: ValidationSeverity.ERROR,
  instructionCmdMultiple: ValidationSeverity.ERROR,
  instructionEntrypointMultiple: ValidationSeverity.ERROR,
  instructionHealthcheckMultiple: ValidationSeverity.ERROR,
  instructionJSONInSingleQuotes: ValidationSeverity.ERROR,
  instructionWorkdirRelative: ValidationSeverity.ERROR,
};

/**
 * A Dockerfile through the dockerfile-utils linter (the Dockerfile language server's validator: syntax,
 * instruction arguments and flags), then explicit rules, since hadolint cannot be installed here:
 * - every base image is pinned to a tag other than `latest`, or a digest (global ARG defaults resolved);
 * - no ADD of a URL (unverified downloads at build time);
 * - the final stage switches to a non-root USER and declares a HEALTHCHECK.
 */
export function dockerfileProblems(text: string): string[] {
  const problems = validate(text, LINT_SETTINGS).map((d) => `line ${d.range.start.line + 1}: ${d.message}`);
  const instructions = parseInstructions(text);
  const args = globalArgDefaults(instructions);
  const stageNames = new Set<string>();
  let finalStage: Instruction[] = [];

  for (const instruction of instructions) {
    if (instruction.keyword === 'FROM') {
      const { image, stage } = parseFrom(instruction.args);
      const resolved = substitute(image, args);
      if (resolved === null) problems.push(`line ${instruction.line}: base image ${image} uses an ARG without a default`);
      else if (!stageNames.has(resolved) && resolved !== 'scratch' && !isPinnedImage(resolved)) {
        problems.push(`line ${instruction.line}: base image ${resolved} is not pinned to a tag (other than latest) or a digest`);
      }
      if (stage) stageNames.add(stage);
      finalStage = [];
      continue;
    }
    finalStage.push(instruction);
    if (instruction.keyword === 'ADD' && /(^|\s)(https?|git):\/\//i.test(instruction.args)) {
      problems.push(`line ${instruction.line}: ADD of a URL; download with a checksum in a RUN, or COPY from the context`);
    }
  }

  const user = finalStage.filter((i) => i.keyword === 'USER').pop();
  const account = user?.args.trim().split(':')[0];
  if (!user) problems.push('the final stage runs as root: it has no USER instruction');
  else if (account === 'root' || account === '0') problems.push(`line ${user.line}: the final stage runs as root (USER ${user.args.trim()})`);
  const healthcheck = finalStage.filter((i) => i.keyword === 'HEALTHCHECK').pop();
  if (!healthcheck || /^NONE\b/i.test(healthcheck.args.trim())) problems.push('the final stage declares no HEALTHCHECK');
  return problems;
}

/** Instructions with their continuation lines joined; comments and parser directives skipped. */
export function parseInstructions(text: string): Instruction[] {
  const instructions: Instruction[] = [];
  let pending: { parts: string[]; line: number } | null = null;
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (line.startsWith('#') || (line === '' && !pending)) return;
    const continues = line.endsWith('\\');
    const content = continues ? line.slice(0, -1) : line;
    if (pending) pending.parts.push(content);
    else pending = { parts: [content], line: index + 1 };
    if (continues) return;
    const joined = pending.parts.join(' ').trim();
    const [keyword, ...rest] = joined.split(/\s+/);
    instructions.push({ keyword: keyword.toUpperCase(), args: rest.join(' '), line: pending.line });
    pending = null;
  });
  return instructions;
}

function globalArgDefaults(instructions: readonly Instruction[]): Map<string, string> {
  const defaults = new Map<string, string>();
  for (const instruction of instructions) {
    if (instruction.keyword === 'FROM') break;
    if (instruction.keyword !== 'ARG') continue;
    const [name, ...value] = instruction.args.trim().split('=');
    if (value.length > 0) defaults.set(name, value.join('=').replace(/^"(.*)"$/, '$1'));
  }
  return defaults;
}

function parseFrom(args: string): { image: string; stage: string | null } {
  const words = args.split(/\s+/).filter((w) => w && !w.startsWith('--'));
  const as = words.findIndex((w) => w.toUpperCase() === 'AS');
  return { image: words[0] ?? '', stage: as >= 0 ? (words[as + 1] ?? null) : null };
}

/** `${NAME}` and `$NAME` replaced by the ARG defaults; null when one has none. */
function substitute(value: string, args: ReadonlyMap<string, string>): string | null {
  let unresolved = false;
  const result = value.replace(/\$\{(\w+)\}|\$(\w+)/g, (_match, braced: string | undefined, bare: string | undefined) => {
    const name = (braced ?? bare) as string;
    const found = args.get(name);
    if (found === undefined) unresolved = true;
    return found ?? '';
  });
  return unresolved ? null : result;
}
