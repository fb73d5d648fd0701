import { ToBotFromBotOrEmulatorTokenValidationParameters } from 'botframework-connector';

/**
 * botframework-connector 4.23.3 adds four issuers to one process-wide list for every `tid` claim
 * it has not seen, before it checks any signature, and never removes them: unauthenticated
 * requests could grow the list, and the scan of it each request makes, until the process runs out
 * of memory. The SDK copies the list in the same tick as it adds to it, so cutting it back to its
 * shipped length after each request keeps every check it makes, and only stops one request's
 * unverified claims from changing how the next token is read.
 */
export function createTenantIssuerReset(
  issuers = ToBotFromBotOrEmulatorTokenValidationParameters.issuer as string[],
): () => void {
  const shipped = issuers.length;
  return () => {
    if (issuers.length > shipped) issuers.length = shipped;
  };
}
