import type { UiKey } from './en.ts';

/**
 * Korean UI strings, written for Korean engineers (파드, 노드, 서비스, 노드포트) rather than
 * translated word for word. `satisfies` makes a missing or extra key a type error.
 */
export const ko = {
  'site.name': 'bounce',
  'site.tagline': '브라우저에서 직접 돌려 보는 쿠버네티스 네트워킹 챌린지',
  'skip.link': '본문으로 건너뛰기',
  'nav.label': '주 메뉴',
  'nav.home': '홈',
  'nav.challenges': '챌린지',
  'lang.label': '언어',
  'lang.switch': '이 페이지를 영어로 보기:',
  'footer.privacy': '쿠키도, 추적도, 외부 요청도 없습니다. 모든 파일은 이 사이트에서만 받아 옵니다.',
  'footer.license': 'Apache License 2.0으로 공개된 오픈 소스입니다.',

  'home.title': '패킷 하나로 따라가 보는 쿠버네티스 네트워킹',
  'home.description':
    '영어와 한국어로 읽는 짧은 쿠버네티스 네트워킹 챌린지. 패킷이 어디로 갈지 맞혀 보고, kube-proxy가 실제로 만드는 규칙으로 확인해 보세요.',
  'home.lead':
    '챌린지마다 작은 클러스터 하나와, 패킷이 결국 어디에 도착하는지 묻는 질문 하나가 있습니다. 먼저 답을 고른 다음, 실제 노드에서 kube-proxy가 만드는 것과 같은 규칙을 따라 패킷을 추적해 봅니다.',
  'home.start': '챌린지 {n}부터 시작하기: {title}',
  'home.how.title': '진행 방식',
  'home.how.read': '설정을 읽습니다. 노드 몇 개, 파드 몇 개, 서비스 하나가 전부입니다.',
  'home.how.guess': '해설을 보기 전에 답을 하나 고릅니다.',
  'home.how.check': '해설을 열고 DNAT, 라우팅, SNAT를 거치는 패킷을 따라갑니다.',
  'home.all': '전체 챌린지 보기',

  'challenges.title': '챌린지',
  'challenges.description': 'bounce의 쿠버네티스 네트워킹 챌린지 전체 목록입니다.',
  'challenges.lead': '챌린지는 서로 독립적입니다. 아무 데서나 시작해도 됩니다.',
  'challenge.number': '챌린지 {n}',
  'challenge.published': '게시일',
  'challenge.tags': '주제',
  'challenge.open': '챌린지 {n} 열기',

  'breadcrumb.label': '현재 위치',
  'lesson.options': '보기',
  'lesson.hints': '힌트',
  'lesson.hint': '힌트 {n}',
  'lesson.solution.summary': '정답과 해설 보기',
  'lesson.solution.nudge': '해설에 답이 그대로 나오니, 먼저 답을 정하고 여세요.',
  'lesson.furtherReading': '더 읽을거리',
  'lesson.furtherReading.lead': '이 챌린지와 관련된 쿠버네티스 공식 문서입니다.',

  'diagram.client': '클라이언트',
  'diagram.lan': 'LAN {cidr}',
  'diagram.node.ip': '노드 IP {ip}',
  'diagram.node.pods': '파드 대역 {cidr}',
  'diagram.nodePort': '노드포트 {port}',
  'diagram.noPods': '파드 없음',
  'diagram.legend': '범례',
  'diagram.path.request': 'node-2:{port}로 보낸 요청',
  'diagram.path.local': 'pod-2로 DNAT (약 50%)',
  'diagram.path.bounce': 'pod-1로 DNAT + SNAT (약 50%)',
  'diagram.path.kept': 'pod-2로 DNAT, 클라이언트 IP 유지 (100%)',
  'diagram.path.dropped': 'node-3으로 간 요청: 드롭',
  'diagram.setup.title': '이 챌린지의 클러스터',
  'diagram.setup.desc':
    '같은 LAN에 노드 세 대가 있습니다. pod-1은 node-1에, pod-2는 node-2에서 돌고 node-3에는 파드가 없습니다. 노드포트 {port}를 여는 NodePort 서비스가 두 파드를 모두 선택합니다. 외부 클라이언트가 node-2의 {port} 포트로 요청을 보냅니다.',
  'diagram.cluster.title': 'externalTrafficPolicy: Cluster',
  'diagram.cluster.desc':
    '요청이 node-2에 도착합니다. 연결의 절반 정도는 같은 노드의 pod-2로 목적지가 바뀌고, 나머지 절반은 pod-1로 바뀌어 node-1로 넘어가며 이때 출발지 주소가 node-2의 주소로 바뀝니다.',
  'diagram.local.title': 'externalTrafficPolicy: Local',
  'diagram.local.desc':
    'node-2에 도착한 연결은 모두 pod-2로 가고, pod-2는 클라이언트의 실제 주소를 봅니다. 서비스의 파드가 하나도 없는 node-3으로 보낸 요청은 드롭됩니다.',

  'notFound.title': '페이지를 찾을 수 없습니다',
  'notFound.body': '이 주소에는 아무것도 없습니다. 페이지가 옮겨졌거나 링크에 오타가 있을 수 있습니다.',
  'notFound.home': '홈으로 가기',
  'notFound.challenges': '챌린지 둘러보기',

  'chooser.title': '언어를 선택하세요',
  'chooser.continue': '한국어로 계속하기',
} as const satisfies Record<UiKey, string>;
