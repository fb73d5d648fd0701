const GUID = /^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/;

/** What is wrong with the MicrosoftAppId setting, if anything. */
export function appIdProblems(appId: string | undefined): string[] {
  if (appId === undefined || appId === '') {
    return ["MicrosoftAppId is required: set it to the Azure Bot's app id (a GUID)"];
  }
  return GUID.test(appId)
    ? []
    : [
        `MicrosoftAppId must be the Azure Bot's app id, a GUID such as 00000000-0000-0000-0000-000000000000; got ${JSON.stringify(appId)}`,
      ];
}

/** One problem per practice.yaml field that still holds a shipped placeholder. */
export function placeholderProblems(placeholders: readonly string[]): string[] {
  return placeholders.map(
    (field) =>
      `practice.yaml "${field}" still holds the shipped placeholder; set the practice's real value (or pass --allow-placeholders for a local test package)`,
  );
}
