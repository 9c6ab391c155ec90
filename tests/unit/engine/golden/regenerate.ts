// Rewrites the golden dumps from the current generator. Review the diff against proxier.go
// before committing: the golden test exists to catch unintended changes.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { generateIptablesSave } from '../../../../src/engine/kubeproxy';
import { bounceCluster } from '../../../../src/engine/scenarios/bounce';
import { GOLDEN_CASES } from './cases';

for (const c of GOLDEN_CASES) {
  const text = generateIptablesSave(bounceCluster({ externalTrafficPolicy: c.policy }), c.node, { style: c.style });
  writeFileSync(fileURLToPath(new URL(c.file, import.meta.url)), text);
}
