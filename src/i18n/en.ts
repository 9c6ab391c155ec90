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
  'nav.trace': 'Trace',
  'nav.playground': 'Playground',
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
  'home.next': 'Next for you: challenge {n}, {title}',
  'home.done': 'You have solved every challenge so far. New ones are on their way.',

  'challenges.title': 'Challenges',
  'challenges.description': 'All Kubernetes networking challenges on bounce.',
  'challenges.lead': 'Each challenge stands on its own. Start anywhere.',
  'challenge.number': 'Challenge {n}',
  'challenge.published': 'Published',
  'challenge.tags': 'Topics',
  'challenge.difficulty': 'Difficulty',
  'difficulty.beginner': 'Beginner',
  'difficulty.intermediate': 'Intermediate',
  'difficulty.advanced': 'Advanced',
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

  'nav.search': 'Search',
  'footer.feed': 'RSS feed',

  'feed.title': 'bounce: Kubernetes networking challenges',
  'feed.description': 'New hands-on Kubernetes networking challenges from bounce, in English.',

  'lessonNav.label': 'More challenges',
  'lessonNav.previous': 'Previous challenge',
  'lessonNav.next': 'Next challenge',
  'lessonNav.newest': 'This is the newest challenge. The next one is on its way.',
  'lessonNav.first': 'This is the first challenge.',
  'lessonNav.all': 'All challenges',
  'lessonNav.share': 'Newsletter kit: a link for each answer',

  'hints.next': 'Show hint {n} of {total}',
  'hints.all': 'Show the remaining hints',
  'hints.shown': 'Hint {n} of {total}',
  'hints.lead': 'Stuck? Take one hint at a time.',

  'progress.heading': 'Your progress',
  'progress.private': 'Kept in this browser only. Nothing is sent anywhere, and there is no account.',
  'progress.summary': '{answered} of {total} challenges answered',
  'progress.notYet': 'Not answered yet',
  'progress.firstRight': 'First answer {option}: right',
  'progress.firstWrong': 'First answer {option}: wrong',
  'progress.bestRight': 'Best run: {n} connections, graded right',
  'progress.bestWrong': 'Best run: {n} connections, not yet right',
  'progress.hints': 'Hints opened: {n}',
  'progress.reset': 'Reset progress',
  'progress.reset.confirm': 'Forget every answer, run and hint recorded in this browser?',
  'progress.reset.yes': 'Yes, reset',
  'progress.reset.cancel': 'Keep it',
  'progress.reset.done': 'Your progress has been reset.',

  'share.crumb': 'Newsletter kit',
  'share.title': 'Newsletter kit: {title}',
  'share.description':
    'Ready-to-paste HTML and Markdown for challenge {n}, with one link per answer and the social card.',
  'share.lead':
    'Paste a snippet into your newsletter. Each answer links to the challenge with that answer picked: the reader lands on the page, the experiment runs in their browser and grades the answer.',
  'share.question': 'The question',
  'share.utm.legend': 'Campaign parameters (optional)',
  'share.utm.help':
    'Added to every link so your newsletter tool can count clicks. bounce itself records nothing and keeps the parameters in the address.',
  'share.utm.source': 'Source (utm_source)',
  'share.utm.medium': 'Medium (utm_medium)',
  'share.utm.campaign': 'Campaign (utm_campaign)',
  'share.preview': 'Preview',
  'share.html': 'HTML snippet',
  'share.markdown': 'Markdown snippet',
  'share.copy': 'Copy {format}',
  'share.copied': '{format} copied.',
  'share.copyFailed': 'Could not copy. Select the text and copy it yourself.',
  'share.noscript': 'Without JavaScript the snippets carry no campaign parameters; add them to the links by hand.',
  'share.card': 'Social card',
  'share.cardHelp': 'Social networks and chat apps show this image when the challenge link is shared. Image address:',
  'share.open': 'Open the challenge',
  'share.pick': 'Pick your answer:',
  'share.localSite':
    'This copy of the site was built without its public address (SITE_URL), so the links in these snippets point at {address}, which only this computer can open. Before you send a newsletter, build the site again with its address:',

  'search.title': 'Search',
  'search.description': 'Search every bounce challenge, in English.',
  'search.lead': 'Search the text of every challenge, explanations included.',
  'search.label': 'Search the challenges',
  'search.submit': 'Search',
  'search.noscript': 'Search needs JavaScript. Every challenge is also listed on the challenges page.',
  'search.loading': 'Loading the search index…',
  'search.none': 'No challenge matches “{query}”.',
  'search.one': '1 result for “{query}”',
  'search.many': '{n} results for “{query}”',
  'search.failed': 'Search could not be loaded. Please reload the page and try again.',
} as const;

/** A key of the UI string table. */
export type UiKey = keyof typeof en;
