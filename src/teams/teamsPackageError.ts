/** The Teams app package cannot be built; `problems` names every field or setting at fault. */
export class TeamsPackageError extends Error {
  override readonly name = 'TeamsPackageError';

  constructor(
    readonly summary: string,
    readonly problems: readonly string[],
  ) {
    super(`${summary}:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}
