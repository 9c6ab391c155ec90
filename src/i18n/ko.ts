import type { UiKey } from './en';

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
  'nav.trace': '패킷 추적',
  'nav.playground': '플레이그라운드',
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
  'home.how.read': '설정을 읽습니다. 노드 몇 대, 파드 몇 개, 서비스 하나가 전부입니다.',
  'home.how.guess': '해설을 보기 전에 답을 하나 고릅니다.',
  'home.how.check': '해설을 열고 DNAT, 라우팅, SNAT을 거치는 패킷을 따라갑니다.',
  'home.all': '전체 챌린지 보기',
  'home.next': '다음 차례: 챌린지 {n}, {title}',
  'home.done': '지금까지 나온 챌린지를 모두 풀었습니다. 새 챌린지가 곧 나옵니다.',

  'challenges.title': '챌린지',
  'challenges.description': 'bounce의 쿠버네티스 네트워킹 챌린지 전체 목록입니다.',
  'challenges.lead': '챌린지는 서로 독립적입니다. 아무 데서나 시작해도 됩니다.',
  'challenge.number': '챌린지 {n}',
  'challenge.published': '게시일',
  'challenge.tags': '주제',
  'challenge.difficulty': '난이도',
  'difficulty.beginner': '입문',
  'difficulty.intermediate': '중급',
  'difficulty.advanced': '고급',
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
  'diagram.path.request': 'node-2의 {port}번 포트로 보낸 요청',
  'diagram.path.local': 'pod-2로 DNAT (약 50%)',
  'diagram.path.bounce': 'pod-1로 DNAT + SNAT (약 50%)',
  'diagram.path.kept': 'pod-2로 DNAT, 클라이언트 IP 유지 (100%)',
  'diagram.path.dropped': 'node-3으로 간 요청: 드롭',
  'diagram.setup.title': '이 챌린지의 클러스터',
  'diagram.setup.desc':
    '같은 LAN에 노드 세 대가 있습니다. pod-1은 node-1에, pod-2는 node-2에서 돌고 node-3에는 파드가 없습니다. {port}번 노드포트를 여는 NodePort 서비스가 두 파드를 모두 선택합니다. 외부 클라이언트가 node-2의 {port}번 포트로 요청을 보냅니다.',
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

  'nav.search': '검색',
  'footer.feed': 'RSS 피드',

  'feed.title': 'bounce: 쿠버네티스 네트워킹 챌린지',
  'feed.description': 'bounce에 새로 올라오는 쿠버네티스 네트워킹 챌린지를 한국어로 받아 보세요.',

  'lessonNav.label': '다른 챌린지',
  'lessonNav.previous': '이전 챌린지',
  'lessonNav.next': '다음 챌린지',
  'lessonNav.newest': '가장 최근 챌린지입니다. 다음 챌린지를 준비하고 있습니다.',
  'lessonNav.first': '첫 번째 챌린지입니다.',
  'lessonNav.all': '전체 챌린지',
  'lessonNav.share': '뉴스레터 키트: 보기마다 바로 가는 링크',

  'hints.next': '힌트 {n}/{total} 보기',
  'hints.all': '남은 힌트 모두 보기',
  'hints.shown': '힌트 {n}/{total}',
  'hints.lead': '막혔다면 힌트를 하나씩 열어 보세요.',

  'progress.heading': '내 진행 상황',
  'progress.private': '이 브라우저에만 저장됩니다. 어디로도 전송되지 않으며 계정도 필요 없습니다.',
  'progress.summary': '챌린지 {total}개 중 {answered}개에 답했습니다',
  'progress.notYet': '아직 답하지 않음',
  'progress.firstRight': '첫 답 {option}: 정답',
  'progress.firstWrong': '첫 답 {option}: 오답',
  'progress.bestRight': '최고 기록: 연결 {n}개, 정답 판정',
  'progress.bestWrong': '최고 기록: 연결 {n}개, 아직 정답 아님',
  'progress.hints': '열어 본 힌트: {n}개',
  'progress.reset': '진행 상황 초기화',
  'progress.reset.confirm': '이 브라우저에 기록된 답, 실행 결과, 힌트를 모두 지울까요?',
  'progress.reset.yes': '초기화',
  'progress.reset.cancel': '그대로 두기',
  'progress.reset.done': '진행 상황을 초기화했습니다.',

  'share.crumb': '뉴스레터 키트',
  'share.title': '뉴스레터 키트: {title}',
  'share.description':
    '뉴스레터에 그대로 붙여 넣을 수 있는 챌린지 {n} 소개용 HTML과 마크다운입니다. 보기마다 링크가 하나씩 있고 소셜 카드도 함께 있습니다.',
  'share.lead':
    '뉴스레터에 스니펫을 붙여 넣으세요. 보기마다 그 답을 고른 상태로 챌린지를 여는 링크가 걸려 있습니다. 독자가 링크를 누르면 브라우저에서 실험이 돌고 답이 채점됩니다.',
  'share.question': '문제',
  'share.utm.legend': '캠페인 파라미터 (선택)',
  'share.utm.help':
    '모든 링크에 붙으므로 뉴스레터 도구에서 클릭 수를 셀 수 있습니다. bounce는 아무것도 기록하지 않고, 파라미터는 주소에 그대로 남겨 둡니다.',
  'share.utm.source': '소스 (utm_source)',
  'share.utm.medium': '매체 (utm_medium)',
  'share.utm.campaign': '캠페인 (utm_campaign)',
  'share.preview': '미리 보기',
  'share.html': 'HTML 스니펫',
  'share.markdown': '마크다운 스니펫',
  'share.copy': '{format} 복사',
  'share.copied': '{format}을(를) 복사했습니다.',
  'share.copyFailed': '복사하지 못했습니다. 텍스트를 선택해 직접 복사해 주세요.',
  'share.noscript':
    '자바스크립트가 꺼져 있으면 스니펫에 캠페인 파라미터가 붙지 않습니다. 필요하면 링크에 직접 붙여 주세요.',
  'share.card': '소셜 카드',
  'share.cardHelp': '챌린지 링크를 공유하면 소셜 네트워크와 메신저가 이 이미지를 보여 줍니다. 이미지 주소:',
  'share.open': '챌린지 풀어 보기',
  'share.pick': '답을 골라 보세요:',
  'share.localSite':
    '이 사이트는 공개 주소(SITE_URL) 없이 빌드되어, 스니펫의 링크가 이 컴퓨터에서만 열리는 로컬 주소({address})를 가리킵니다. 뉴스레터를 보내기 전에 공개 주소를 넣어 사이트를 다시 빌드해 주세요:',

  'search.title': '검색',
  'search.description': 'bounce의 한국어 챌린지를 검색합니다.',
  'search.lead': '해설을 포함한 모든 챌린지 본문에서 찾습니다.',
  'search.label': '챌린지 검색',
  'search.submit': '검색',
  'search.noscript': '검색은 자바스크립트가 필요합니다. 전체 챌린지는 챌린지 목록에서도 볼 수 있습니다.',
  'search.loading': '검색 색인을 불러오는 중…',
  'search.none': '“{query}”에 맞는 챌린지가 없습니다.',
  'search.one': '“{query}” 검색 결과 1건',
  'search.many': '“{query}” 검색 결과 {n}건',
  'search.failed': '검색을 불러오지 못했습니다. 페이지를 새로 고친 뒤 다시 시도해 주세요.',
} as const satisfies Record<UiKey, string>;
