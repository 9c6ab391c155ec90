/**
 * English UI strings. This object defines the set of keys: Korean must provide exactly the
 * same ones (enforced by the type of ko.ts and by tests/unit/site/i18n.test.ts).
 * `{name}` marks a placeholder filled by format().
 */
export const en = {
  'site.name': 'bounce',
  'site.tagline': 'Kubernetes networking challenges that run in your browser',
  'skip.link': 'Skip to content',
  'nav.label': 'Main',
  'nav.home': 'Home',
  'nav.challenges': 'Challenges',
  'lang.label': 'Language',
  'lang.switch': 'Read this page in Korean:',
  'footer.privacy': 'No cookies, no tracking, no third-party requests: everything is served from this site.',
  'footer.license': 'Open source under the Apache License 2.0.',

  'home.title': 'Kubernetes networking, one packet at a time',
  'home.description':
    'Short, hands-on Kubernetes networking challenges in English and Korean. Guess where a packet goes, then see the rules kube-proxy writes.',
  'home.lead':
    'Each challenge is a small cluster and one question about where a packet ends up. Make a guess, then follow the packet through the same rules kube-proxy writes on a real node.',
  'home.start': 'Start with challenge {n}: {title}',
  'home.how.title': 'How it works',
  'home.how.read': 'Read the setup: a few nodes, a few pods, one Service.',
  'home.how.guess': 'Pick an answer before you look at the solution.',
  'home.how.check': 'Open the explanation and follow the packet through DNAT, routing and SNAT.',
  'home.all': 'See all challenges',

  'challenges.title': 'Challenges',
  'challenges.description': 'All Kubernetes networking challenges on bounce.',
  'challenges.lead': 'Each challenge stands on its own. Start anywhere.',
  'challenge.number': 'Challenge {n}',
  'challenge.published': 'Published',
  'challenge.tags': 'Topics',
  'challenge.open': 'Open challenge {n}',

  'breadcrumb.label': 'Breadcrumb',
  'lesson.options': 'Your options',
  'lesson.hints': 'Hints',
  'lesson.hint': 'Hint {n}',
  'lesson.solution.summary': 'Show the answer and the explanation',
  'lesson.solution.nudge': 'Settle on an answer first: the explanation gives it away.',
  'lesson.furtherReading': 'Further reading',
  'lesson.furtherReading.lead': 'The Kubernetes documentation on what this challenge touches:',

  'diagram.client': 'client',
  'diagram.lan': 'LAN {cidr}',
  'diagram.node.ip': 'node IP {ip}',
  'diagram.node.pods': 'pods {cidr}',
  'diagram.nodePort': 'NodePort {port}',
  'diagram.noPods': 'no pod here',
  'diagram.legend': 'Legend',
  'diagram.path.request': 'request to node-2:{port}',
  'diagram.path.local': 'DNAT to pod-2 (≈ 50%)',
  'diagram.path.bounce': 'DNAT to pod-1 + SNAT (≈ 50%)',
  'diagram.path.kept': 'DNAT to pod-2, client IP kept (100%)',
  'diagram.path.dropped': 'to node-3: dropped',
  'diagram.setup.title': 'The cluster in this challenge',
  'diagram.setup.desc':
    'Three nodes on one LAN. pod-1 runs on node-1, pod-2 on node-2, node-3 has no pod. A NodePort Service on port {port} selects both pods. An external client sends a request to node-2 on port {port}.',
  'diagram.cluster.title': 'externalTrafficPolicy: Cluster',
  'diagram.cluster.desc':
    'The request reaches node-2. About half of the connections are rewritten to pod-2 on the same node; the other half are rewritten to pod-1 and forwarded to node-1, with their source address replaced by node-2’s.',
  'diagram.local.title': 'externalTrafficPolicy: Local',
  'diagram.local.desc':
    'Every connection that reaches node-2 goes to pod-2, and pod-2 sees the client’s own address. A request sent to node-3, which runs no pod of the Service, is dropped.',

  'notFound.title': 'Page not found',
  'notFound.body': 'There is nothing at this address. It may have moved, or the link has a typo.',
  'notFound.home': 'Go to the home page',
  'notFound.challenges': 'Browse the challenges',

  'chooser.title': 'Choose a language',
  'chooser.continue': 'Continue in English',
} as const;

/** A key of the UI string table. */
export type UiKey = keyof typeof en;
