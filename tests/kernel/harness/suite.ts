import { describe } from 'vitest';
import { engineRulesFor } from './engine';
import { kernelSupport } from './environment';
import type { RulesMode } from './rules';

/**
 * Why a kernel scenario cannot run in `mode` here ("" when it can): the machine's support, or
 * an engine that does not generate that mode's rules.
 */
export function skipReason(mode: RulesMode = 'iptables'): string {
  const support = kernelSupport();
  const machine = mode === 'nftables' ? support.nftReason : support.reason;
  if (machine) return machine;
  return engineRulesFor(mode) ? '' : `engine does not generate ${mode} rules yet`;
}

/**
 * `describe` for a kernel scenario: runs it where the machine allows, otherwise registers it
 * as skipped with the reason in its name and on the console, so a skip is never mistaken for
 * a pass.
 */
export function describeKernel(name: string, body: () => void, mode: RulesMode = 'iptables'): void {
  const reason = skipReason(mode);
  if (reason === '') {
    describe(`${name} [${mode}]`, body);
  } else {
    console.warn(`kernel suite: SKIPPED "${name}" [${mode}]: ${reason}`);
    describe.skip(`${name} [${mode}] — SKIPPED: ${reason}`, body);
  }
}
