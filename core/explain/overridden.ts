import type { Explanation } from './types';

/** The user clicked through the warning: the page shows, but nothing is fixed. */
export function withOverride(explanation: Explanation, host: string): Explanation {
  return {
    ...explanation,
    happened: [
      `You clicked through the certificate warning for ${host}: the page is shown, but the site is still failing.`,
      ...explanation.happened,
    ],
    adminActions: [
      ...explanation.adminActions,
      'Treat the connection as unprotected until the site is fixed, and remove the exception once it is.',
    ],
    severity: explanation.severity === 'info' ? 'warning' : explanation.severity,
  };
}
