/** The golden dumps: every node of the bounce cluster × both policies × both spellings. */
export const GOLDEN_CASES = (['Cluster', 'Local'] as const).flatMap((policy) =>
  ['node-1', 'node-2', 'node-3'].flatMap((node) =>
    (['kube-proxy', 'kernel'] as const).map((style) => ({
      policy,
      node,
      style,
      file: `./bounce-etp-${policy.toLowerCase()}-${node}${style === 'kernel' ? '.kernel' : ''}.txt`,
    })),
  ),
);
