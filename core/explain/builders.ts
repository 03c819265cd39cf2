import type { Cause } from '../causes';
import { localClockWrong, serverClockSkew } from './clock-causes';
import { expired, issuerExpired, notYetValid } from './dates';
import { hostnameMismatch, inconsistentBackends, interceptionSuspected } from './identity';
import { connectionFailed, dnsFailure, handshakeFailure, protocolMismatch, timeout } from './network';
import { ctRequired, pinningFailure, revoked, validityTooLong, weakKey, weakSignature } from './policy';
import { incompleteChain, selfSigned, unknownIssuer, untrustedRoot } from './trust';
import type { Builder } from './types';

/** The explanation of each certain cause. */
export const BUILDERS: Readonly<Record<Cause, Builder>> = {
  expired,
  not_yet_valid: notYetValid,
  issuer_expired: issuerExpired,
  hostname_mismatch: hostnameMismatch,
  self_signed: selfSigned,
  unknown_issuer: unknownIssuer,
  incomplete_chain: incompleteChain,
  untrusted_root: untrustedRoot,
  revoked,
  weak_signature: weakSignature,
  weak_key: weakKey,
  validity_too_long: validityTooLong,
  ct_required: ctRequired,
  pinning_failure: pinningFailure,
  protocol_mismatch: protocolMismatch,
  handshake_failure: handshakeFailure,
  local_clock_wrong: localClockWrong,
  server_clock_skew: serverClockSkew,
  inconsistent_backends: inconsistentBackends,
  interception_suspected: interceptionSuspected,
  connection_failed: connectionFailed,
  dns_failure: dnsFailure,
  timeout,
};
