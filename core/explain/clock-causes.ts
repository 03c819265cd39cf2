import { formatDate } from '../format';
import { formatSkew, formatSkewBound } from '../format-skew';
import { clockSentence, correctTimeSentence, FIX_CLOCK } from './clock-facts';
import { certAt, validity } from './text';
import { CAUSE_TITLES } from './titles';
import { make, type Builder } from './types';

/** The local clock is wrong: the site is fine and the person in front of the browser must set the clock right. */
export const localClockWrong: Builder = (input) => {
  const { host, now, clock } = input;
  const happened: string[] = [];
  const unknowns: string[] = [];
  if (clock) {
    happened.push(clockSentence(clock), correctTimeSentence(now, clock));
  } else {
    happened.push(`Your computer's clock is wrong: it reads ${formatDate(now)}.`);
    unknowns.push(
      'By how much: compare the system clock with a time source (`timedatectl status` on Linux, or an NTP server).',
    );
  }
  const leaf = certAt(input, 0);
  const { notBefore, notAfter } = validity(leaf);
  if (notBefore !== null && notAfter !== null) {
    happened.push(
      `The certificate for ${host} is valid from ${formatDate(notBefore)} until ${formatDate(notAfter)}: ` +
        'the wrong clock puts this computer outside those dates.',
    );
  }
  happened.push(
    `The site is fine: the certificate for ${host} only looks invalid because of your computer's clock.`,
  );
  return make('local_clock_wrong', CAUSE_TITLES.local_clock_wrong, {
    happened,
    reasons: [
      'Automatic time synchronisation is off or cannot reach a time server.',
      'The date, time or time zone was set by hand.',
      'A flat clock battery resets the clock at start-up, or a virtual machine was restored with an old time.',
    ],
    adminActions: [FIX_CLOCK, 'Then reload the page: other sites with date errors will recover too.'],
    ownerActions: [`Nothing: the certificate for ${host} is fine. The problem is the visitor's clock.`],
    unknowns,
  });
};

/**
 * The site's server has a wrong clock. `clock` here compares this computer with the site's server
 * (local - server): positive means the server is behind.
 */
export const serverClockSkew: Builder = (input) => {
  const { host, clock } = input;
  const happened = clock
    ? [
        `The clock of the server for ${host} is ${formatSkew(clock.skewMs)} ${clock.skewMs > 0 ? 'behind' : 'ahead'} ` +
          `(compared with ${clock.basis === 'probe' ? 'the certglance probe' : "this computer's clock, from its HTTP Date header"}, give or take ${formatSkewBound(clock.uncertaintyMs)}).`,
      ]
    : [`The server for ${host} reports a time that differs from the correct time.`];
  happened.push(
    "A wrong server clock does not stop the certificate check, but it breaks what depends on the server's time: " +
      'HTTP caching dates, signed cookies and tokens, stapled OCSP responses, and log times.',
  );
  return make('server_clock_skew', CAUSE_TITLES.server_clock_skew, {
    happened,
    reasons: ['The server does not synchronise its clock: NTP is off, or cannot reach its time servers.'],
    adminActions: ["Nothing to do on your computer: this does not mean your computer's clock is wrong."],
    ownerActions: [
      'Turn on time synchronisation on the server (chrony, systemd-timesyncd or ntpd) and check that it reaches its NTP servers.',
    ],
    severity: 'warning',
  });
};
