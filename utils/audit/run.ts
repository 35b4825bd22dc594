/** Runs every registered check on one ad. A check that throws is a bug; it shows as a failed check, never as a broken page. */
import { CHECKS } from './checks/index';
import { outcome, words, type AuditCheck, type CheckInput, type CheckResult } from './types';

export function runChecks(input: CheckInput, checks: readonly AuditCheck[] = CHECKS): CheckResult[] {
  return checks.map((check) => {
    try {
      return { id: check.id, ...check.run(input) };
    } catch (error) {
      return { id: check.id, ...outcome('fail', words('dash_reason_check_crashed', (error instanceof Error ? error.message : String(error)).slice(0, 300))) };
    }
  });
}
