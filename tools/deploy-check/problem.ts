/** One finding of a deploy check: the file it is in, where in it (a resource, a path, a line) and what is wrong. */
export interface Problem {
  readonly file: string;
  readonly where: string;
  readonly message: string;
}

export function formatProblem(problem: Problem): string {
  return `${problem.file}${problem.where ? ` (${problem.where})` : ''}: ${problem.message}`;
}
