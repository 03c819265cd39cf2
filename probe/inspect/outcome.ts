import type { InspectReport } from '../../core/probe-report';
import type { ProbeError } from '../errors';
import type { Target } from '../target';

/** An inspection that ran (its report, whatever the target did) or a target the guard refused before connecting. */
export type InspectOutcome = { ok: true; report: InspectReport } | { ok: false; error: ProbeError };

/** Inspects one validated target. */
export type InspectFn = (target: Target) => Promise<InspectOutcome>;
