/**
 * 라이브 레슨(퀴즈, 실험 조건, 다이어그램, 규칙·트레이스 보기)의 한국어 문자열.
 * 한국 엔지니어가 쓰는 말(파드, 노드, 서비스, 엔드포인트, 노드포트)로 썼고, 자리표시자
 * 뒤에는 받침에 따라 달라지는 조사를 피했습니다.
 */
import type { LiveStrings } from './en';

export const liveKo = {
  live: {
    heading: '직접 실험해 보기',
    lead: '이 클러스터는 브라우저 안에서 돌아갑니다. 연결 하나하나가 kube-proxy가 쓰는 것과 똑같은 iptables 규칙을 지나가고, 여러분의 답은 그 연결들이 실제로 간 곳을 보고 채점합니다.',
    leadDatapath:
      '이 클러스터는 브라우저 안에서 돌아갑니다. 연결 하나하나가 고른 데이터패스가 노드마다 만드는 규칙이나 테이블을 그대로 지나가고, 여러분의 답은 그 연결들이 실제로 간 곳을 보고 채점합니다.',
    noscript:
      '실험은 자바스크립트가 있어야 돌아갑니다. 아래 정답과 해설을 포함해 이 페이지의 나머지는 자바스크립트 없이도 읽을 수 있습니다.',
    deeper: '안을 들여다보기',
  },
  quiz: {
    answer: '내 답',
    size: '보낼 연결 수',
    sizeOption: '연결 {n}개',
    run: '실험 실행',
    runAgain: '새 시드로 다시 실행',
    cancel: '취소',
    loading: '라우팅 엔진을 불러오는 중…',
    progress: '보낸 연결',
    progressText: '연결 {total}개 중 {done}개 보냄',
    cancelled: '연결 {total}개 중 {done}개를 보낸 뒤 멈췄습니다. 새로 채점한 것은 없습니다.',
    failed: '실행에 실패했습니다: {message}',
    results: '결과',
    empty: '아직 실행하지 않았습니다. 답을 고른 다음 실험을 실행해 보세요.',
    loadingResult: '실행 결과를 채점하는 중…',
    seeRun: '실행 결과 보기',
    about: '연결 {total}개, {settings}, 시드 {seed}.',
    stale: '이전 조건의 결과입니다. 새 조건으로 다시 실행하는 중입니다.',
    chart: '연결이 도착한 곳',
    toPod: '{node}의 {pod}',
    dropped: '드롭됨',
    share: '{pod} 파드가 처리한 비율: {share}',
    interval: '99.9% 윌슨 신뢰구간: {low} ~ {high}',
    exact: '규칙에서 계산한 정확한 확률: {p}',
    correct: '정답입니다. 보기 {picked}을(를) 골랐고, 실행 결과도 보기 {correct}을(를) 뒷받침합니다.',
    wrong: '이번엔 아닙니다. 보기 {picked}을(를) 골랐지만, 실행 결과는 보기 {correct}을(를) 뒷받침합니다.',
    unanswered:
      '답을 고르면 채점합니다. 위 결과는 연결이 어디로 갔는지만 보여 줍니다. 판정과 이유는 답을 고른 뒤에 나옵니다.',
    inconclusive:
      '연결이 너무 적어 판정할 수 없습니다. 보기 {supported} 모두 관찰한 결과와 맞습니다. 연결을 더 보내 보세요.',
    markCorrect: '정답',
    markWrong: '오답',
    markInfo: '참고',
    why: '이유',
    whyCluster:
      'externalTrafficPolicy가 Cluster이면 {node} 노드는 새 연결마다 서비스의 엔드포인트 {endpoints}개 가운데 하나로 보냅니다. 엔드포인트가 어느 노드에 있는지는 따지지 않습니다. `-m statistic` 규칙이 무작위로 고르기 때문에 {pod} 파드는 대략 {endpoints}번에 한 번꼴로 연결을 받습니다. 다른 노드로 넘어가는 연결은 나가는 길에 마스커레이드되므로, 파드에는 클라이언트가 아니라 노드 주소가 보입니다.',
    whyLocalHere:
      'externalTrafficPolicy가 Local이면 {node} 노드는 클러스터 밖에서 온 연결을 KUBE-SVL 체인을 거쳐 자기 노드에 있는 엔드포인트로만 보냅니다(이 노드에는 {pods}). 모든 연결이 {node} 노드 안에 머물고, 파드에는 클라이언트의 원래 주소가 그대로 보입니다.',
    whyLocalNone:
      'externalTrafficPolicy가 Local이면 {node} 노드는 클러스터 밖에서 온 연결을 자기 노드의 엔드포인트로만 보내는데, 이 노드에는 엔드포인트가 없습니다. filter 테이블의 규칙(“has no local endpoints”)이 이 연결을 드롭하므로 어떤 파드도 응답하지 않습니다.',
    solution: '전체 해설 읽기',
    replay: '이 실행으로 가는 링크',
    seed: '시드 {seed}',
    noticeInvalid: '링크에 든 {param} 값을 알아볼 수 없어 무시했습니다(“{value}”). {help}',
    noticeRepeated: '링크에 {param} 값이 여러 번 들어 있어(“{value}”) 무시했습니다. {help}',
    noticeTooLong: '링크에 든 {param} 값이 너무 길어 무시했습니다. {help}',
    helpAnswer: 'a, b, c, d 중 하나를 쓰세요.',
    helpControl: '다음 중 하나를 쓰세요: {values}.',
    helpSeed: '0부터 4294967295까지의 정수를 쓰세요.',
    helpN: '1000, 10000, 100000 중 하나를 쓰세요.',
    shareServed: '처리된 연결의 비율: {share}',
    shareSource: '처리된 연결 중 출발지 주소가 {address}인 비율: {share}',
    shareSticky: '클라이언트마다 가장 많이 간 파드로 간 연결의 비율: {share}',
    shareAnswered: '에코 응답을 받은 ping의 비율: {share}',
    unreachable: 'Destination Unreachable(도달 불가)',
    noReply: '응답 없음',
    chartPing: '각 ping에 돌아온 것',
    aboutPing: 'ping(ICMP 에코 요청) {total}개, {settings}, 시드 {seed}.',
    whyExactPing: '규칙대로라면 ping 하나는 이렇게 끝납니다: {shares}.',
    refused: '거부됨',
    timedOut: '시간 초과',
    unknown: '판정 불가',
    whyExact: '규칙대로라면 새 연결 하나는 이렇게 끝납니다: {shares}.',
    secondTry:
      '다시 시도한 답입니다. 처음 채점받은 답(보기 {first})의 결과는 {result}입니다. 진행 기록에는 처음 답이 남습니다.',
    firstRight: '정답',
    firstWrong: '오답',
    discarded:
      '이전에 저장된 결과가 이 레슨과 맞지 않아(없는 파드나 노드, 맞지 않는 개수) 채점하지 않고 버렸습니다. 실험을 다시 실행해 보세요.',
    dismiss: '닫기',
  },
  controls: {
    legend: '실험 조건 바꾸기',
    externalTrafficPolicy: 'externalTrafficPolicy 설정',
    internalTrafficPolicy: 'internalTrafficPolicy 설정',
    sessionAffinity: 'sessionAffinity 설정',
    sessionAffinityTimeout: '어피니티 타임아웃',
    entryNode: '요청을 보낼 노드',
    client: '클라이언트',
    datapath: 'kube-proxy 모드',
    datapathAny: '데이터패스',
    datapathIpvs: 'IPVS',
    datapathCilium: 'Cilium(kube-proxy 없음)',
    endpointReadiness: '{pod} 파드의 엔드포인트',
    policyCluster: 'Cluster (기본값)',
    policyLocal: 'Local (로컬 엔드포인트만)',
    seconds: '{n}초',
    ready: '준비됨',
    notReady: '준비 안 됨',
    terminating: '종료 중',
    note: '결과가 있을 때 조건을 바꾸면 실험을 다시 실행합니다.',
  },
  diagram: {
    title: '지금 클러스터: externalTrafficPolicy {policy}, 요청을 받는 node-{node}',
    titleAt: '지금 클러스터: 트래픽이 들어오는 node-{node}',
    desc: '노드 {n}대가 한 LAN에 있습니다({pods}). 트래픽은 node-{node}에서 클러스터로 들어옵니다. 카운터는 마지막 실행에서 파드마다 받은 연결 수입니다.',
    descPod: '{node}의 {pod}',
    descClient: '{node}의 클라이언트 파드 {pod}',
    counter: '연결 {count}개',
    noRun: '아직 실행 전',
    clientPod: '클라이언트 파드',
    dropped: '드롭됨: {count}개',
    narration: '연결 하나가 지나간 길',
    replay: '애니메이션 다시 보기',
    restart: '첫 단계로',
    stepOf: '{n}단계 중 {i}단계.',
    back: '이전',
    next: '다음 단계',
    reply:
      '응답은 연결이 온 길을 그대로 되돌아갑니다. conntrack이 주소 변환을 모두 되돌리므로 클라이언트 {src}에는 응답이 {dst}에서 온 것으로 보입니다.',
    waiting: '마지막 실행 뒤에 조건이 바뀌었습니다. 다음 실행이 끝나면 연결을 다시 그립니다.',
    snat: 'SNAT: 새 출발지 {src}',
    legendRequest: '클라이언트에서 요청을 받는 노드로',
    legendLocal: '같은 노드의 파드로 전달',
    legendForwarded: '다른 노드로 넘어감 (SNAT)',
    legendDropped: '드롭됨',
  },
  path: {
    arrive: '클라이언트 {src}에서 node-{node}의 노드포트({dst})에 연결을 엽니다.',
    arrivePod: 'node-{node}의 파드 {src}에서 목적지 {dst}에 연결을 엽니다.',
    arrivePing:
      'node-{node}의 파드 {src}에서 목적지 {dst}에 ICMP 에코 요청(ping)을 보냅니다. 이 요청에는 포트가 없습니다.',
    dnat: 'node-{node}의 nat 규칙이 엔드포인트로 {pod} 파드를 고르고, DNAT이 목적지를 바꿉니다. 새 목적지는 {to}입니다.',
    route: '패킷이 LAN을 건너 node-{from}에서 node-{to}에 도착합니다.',
    masq: 'node-{node}에서 나가는 길에 마스커레이드가 출발지 주소를 바꿉니다. 새 출발지는 {src}입니다.',
    deliver: 'node-{node}의 {pod} 파드가 연결을 받습니다. 파드에는 연결이 {src}에서 온 것으로 보입니다.',
    drop: 'node-{node}에서 연결이 드롭됩니다: `{reason}`',
    kept: '출발지를 바꾼 규칙이 없어서 파드에는 클라이언트의 원래 주소가 보입니다.',
    unreachable:
      'node-{node}에서 에코 요청이 거부되고(`{reason}`), 출발지 주소가 {from}인 ICMP Destination Unreachable({name}) 메시지가 돌아갑니다.',
    noAnswer:
      'node-{node}에는 목적지가 {dst}인 에코 요청에 매치되는 규칙이 없어 주소를 바꾸는 것이 없습니다. 요청은 그대로 노드를 떠나 {dst} 쪽으로 가고, 클러스터 안에서는 아무도 응답하지 않습니다.',
  },
  trace: {
    heading: '연결 하나를 단계별로',
    lead: '연결의 첫 패킷이 지나간 모든 노드에서 만난 규칙을 순서대로 보여 줍니다.',
    another: '다른 연결 보기',
    summaryPod: '샘플 연결 {n}: 클라이언트 포트 {sport}, {node}의 {pod} 파드가 처리.',
    summaryDropped: '샘플 연결 {n}: 클라이언트 포트 {sport}, 드롭됨.',
    summaryUnreachable: '샘플 ping {n}: ICMP Destination Unreachable, 보낸 주소 {from}.',
    summaryNoReply: '샘플 ping {n}: 응답 없음.',
    summaryEchoReply: '샘플 ping {n}: {pod} 파드의 에코 응답.',
    caption: '샘플 연결 {n}: 지나간 규칙',
    step: '단계',
    node: '노드',
    where: '훅 / 테이블 / 체인',
    rule: '규칙',
    match: '매치',
    verdict: '결과',
    yes: '예',
    no: '아니요',
    policy: '체인 기본 정책',
    returned: '체인 끝',
    loading: '연결을 따라가는 중…',
  },
  rules: {
    heading: '그 뒤에 있는 규칙',
    fired: '샘플 연결이 {node}에서 만난 규칙 (체인별)',
    firedNone:
      '샘플 연결은 이 노드의 nat 테이블을 지나지 않았습니다. 연결을 받은 노드를 고르거나 아래에서 테이블 전체를 펼쳐 보세요.',
    fullDump: 'kube-proxy가 {node}에 쓴 nat 테이블 전체',
    lead: '고른 노드의 nat 테이블을 kube-proxy가 쓰는 표기 그대로 보여 줍니다. 노드에서 `iptables-save -t nat`으로 보면 같은 규칙이 `-p tcp`가 앞에 오고, 주소에 `/32`가 붙고, 확률은 소수점 아래 11자리로 나옵니다. 샘플 연결이 지나간 길은 강조하고 순서대로 번호를 붙였습니다. pkts는 `iptables -t nat -L -v -n`처럼, 마지막 실행에서 각 규칙에 걸린 패킷 수입니다.',
    leadNftables:
      '고른 노드의 규칙 전체를 kube-proxy가 `nft -f`에 넘기는 트랜잭션 그대로 보여 줍니다. 노드에서 `nft list table ip kube-proxy`로 보면 같은 규칙이 테이블 하나 안에 중첩되어 나옵니다. 샘플 연결이 어떤 규칙을 지났는지는 아래 추적에서 차례로 볼 수 있습니다.',
    leadIpvs:
      'IPVS 모드가 고른 노드에 만드는 그대로입니다. 가상 서버와 실제 서버(`ipvsadm -Ln`), ipset, 그리고 이 모드에서도 kube-proxy가 쓰는 iptables 규칙을 보여 줍니다.',
    leadCilium:
      '고른 노드의 Cilium 서비스 맵과 백엔드 맵입니다(`cilium-dbg service list`, `cilium-dbg bpf lb list`). Cilium은 kube-proxy를 대신하므로 서비스를 위한 netfilter 규칙이 없습니다.',
    fullDumpOther: '{node}의 규칙과 테이블 전체(데이터패스가 출력하는 그대로)',
    noCountersDump: 'pkts 카운터는 iptables 모드의 nat 테이블에만 표시합니다.',
    node: '규칙을 볼 노드',
    copy: '규칙 복사',
    copied: '클립보드에 복사했습니다.',
    copyFailed: '복사하지 못했습니다. 텍스트를 선택해 두었으니 Ctrl+C(맥에서는 ⌘C)를 누르세요.',
    pkts: 'pkts(패킷)',
    counters: '마지막 실행의 pkts: 연결 {total}개.',
    noCounters: '실험을 실행하면 pkts 카운터가 채워집니다.',
    hint: '줄에 마우스를 올리거나, 포커스하거나, 탭하면 설명이 나옵니다.',
    walked: '샘플 연결의 {n}단계',
    missed: '샘플 연결이 검사했지만 매치되지 않음',
    loading: '규칙을 만드는 중…',
    failed: '규칙을 만들지 못했습니다: {message}',
    table:
      'nat 테이블의 시작입니다. 주소를 바꾸는 테이블이며, 연결의 첫 패킷만 이 테이블을 지나고 나머지 패킷은 conntrack이 같은 결과를 적용합니다.',
    commit: '테이블의 끝입니다. iptables-restore는 위의 내용을 한 번에 적용합니다.',
    chainPREROUTING:
      '기본 체인입니다. 노드에 도착한 모든 패킷이 라우팅 전에 이곳을 지납니다. kube-proxy는 여기에 KUBE-SERVICES를 연결합니다.',
    chainINPUT:
      '라우팅 후 노드 자신에게 온 패킷이 지나는 기본 체인입니다. kube-proxy는 nat 테이블의 이 체인에 아무것도 넣지 않습니다.',
    chainOUTPUT:
      '노드 자신이 보내는 패킷이 지나는 기본 체인입니다. 노드에서 서비스를 쓸 수 있도록 kube-proxy가 여기에도 KUBE-SERVICES를 연결합니다.',
    chainPOSTROUTING:
      '노드를 나가는 모든 패킷이 지나는 기본 체인입니다. kube-proxy는 마크가 찍힌 패킷을 마스커레이드하려고 여기에 KUBE-POSTROUTING을 연결합니다.',
    chainServices:
      'kube-proxy의 입구 체인입니다. 서비스의 클러스터 IP와 포트마다 규칙이 하나씩 있고, 맨 끝 규칙은 이 노드로 온 패킷을 KUBE-NODEPORTS로 보냅니다.',
    chainNodePorts: '노드포트마다 규칙이 하나씩 있습니다. 목적지 포트가 맞으면 그 서비스의 외부 체인으로 점프합니다.',
    chainExt:
      '{service}의 외부 체인입니다. 클러스터 밖에서 서비스로 들어온 트래픽을 마스커레이드할지, 어느 엔드포인트 목록을 쓸지 정합니다.',
    chainSvc:
      '{service}의 서비스 체인입니다. 어느 노드에 있든 클러스터의 준비된 엔드포인트를 모두 담고 있고, -m statistic으로 골라서 엔드포인트마다 같은 몫을 받습니다.',
    chainSvl:
      '{service}의 로컬 엔드포인트 체인입니다(externalTrafficPolicy Local). 이 노드에 있는 엔드포인트만 담습니다.',
    chainSep: '{service}의 엔드포인트 {endpoint} 하나를 맡는 체인입니다. 목적지를 이 파드로 바꿉니다.',
    chainMarkMasq:
      '패킷에 0x4000 마크를 찍습니다. “나갈 때 마스커레이드하라”는 뜻이고, 여기서 다른 일은 하지 않습니다.',
    chainPostrouting:
      '나가는 길입니다. 0x4000 마크가 찍힌 패킷은 마스커레이드되어 출발지 주소가 바뀌고, 나머지는 그대로 돌아갑니다.',
    chainCanary: '누군가 kube-proxy의 테이블을 비웠는지 알아차리려고 kube-proxy가 만들어 두는 빈 체인입니다.',
    chainOther: 'kube-proxy가 관리하지 않는 체인입니다.',
    ruleHookServices: '모든 패킷을 kube-proxy의 KUBE-SERVICES 체인으로 보냅니다.',
    ruleHookPostrouting: '나가는 모든 패킷을 KUBE-POSTROUTING으로 보냅니다.',
    ruleClusterIP: '{service}의 클러스터 IP {address}(으)로 가는 연결을 잡아 서비스 체인으로 보냅니다.',
    ruleNodePortsLast:
      '마지막 규칙입니다. 이 노드 자신의 주소(--dst-type LOCAL)로 온 패킷은 KUBE-NODEPORTS로 넘어갑니다.',
    ruleNodePort: '{service}의 노드포트인 TCP {port}번 포트를 잡아 외부 체인으로 보냅니다.',
    ruleNodePortLocalhost:
      '같은 노드포트에 127.0.0.0/8 주소로 접속한 경우입니다(localhostNodePorts). nfacct로 수를 셉니다.',
    ruleMasqExternal:
      '외부에서 온 모든 연결에 마스커레이드 마크를 찍습니다. 파드에는 클라이언트 대신 노드 주소가 보이게 됩니다.',
    ruleToSvc: '연결을 서비스 체인으로 보내고, 그곳에서 전체 엔드포인트 가운데 하나를 고릅니다.',
    rulePodTraffic: '파드 대역 {cidr}에서 온 트래픽은 클러스터 내부 트래픽처럼 모든 엔드포인트로 보냅니다.',
    ruleMasqLocal: '노드 자신이 만든 연결(--src-type LOCAL)에는 마스커레이드 마크를 찍습니다.',
    ruleRouteLocal: '노드 자신이 만든 연결은 모든 엔드포인트로 보냅니다.',
    ruleToSvl:
      '나머지, 즉 외부 클라이언트는 마스커레이드 없이 로컬 엔드포인트로만 보냅니다. 클라이언트 주소가 그대로 남습니다.',
    ruleClusterIPMasq: '파드 네트워크({cidr}) 밖에서 클러스터 IP로 온 연결에 마스커레이드 마크를 찍습니다.',
    ruleProbability:
      '{p}의 확률로 연결을 {endpoint} 엔드포인트로 보내고, 아니면 다음 규칙으로 넘어갑니다. 목록을 끝까지 내려가면 엔드포인트마다 같은 몫을 받습니다.',
    ruleLastEndpoint: '확률 조건이 없습니다. 위 규칙들이 고르지 않은 연결은 모두 {endpoint} 엔드포인트로 갑니다.',
    ruleOnlyEndpoint: '엔드포인트가 하나뿐입니다. 모든 연결이 {endpoint} 엔드포인트로 갑니다.',
    ruleHairpin:
      '파드가 서비스를 거쳐 자기 자신에게 접속하면(출발지 {address}) 마스커레이드 마크를 찍습니다. 그렇지 않으면 응답이 노드를 거치지 않습니다.',
    ruleDnat:
      'DNAT: 목적지를 바꿉니다. 새 목적지는 {to}입니다. conntrack이 이 변경을 기억해 연결의 나머지 패킷에도 적용합니다.',
    ruleSetMark: '{mark} 마크를 찍습니다. 이 패킷은 노드를 나갈 때 마스커레이드됩니다.',
    ruleReturnUnmarked: '0x4000 마크가 없는 패킷은 여기서 돌아갑니다. 출발지 주소를 바꾸지 않습니다.',
    ruleClearMark: '마크를 지웁니다. 패킷이 다시 라우팅되더라도 마크가 남지 않게 하려는 것입니다.',
    ruleMasquerade:
      'MASQUERADE: 출발지 주소를 패킷이 나가는 인터페이스의 주소로 바꿉니다. --random-fully는 출발지 포트를 무작위로 고릅니다.',
    ruleJump: '{target} 체인으로 점프합니다.',
    ruleDrop: '패킷을 드롭합니다.',
    ruleReject: '패킷을 거부합니다.',
    ruleOther: '이 화면에 설명이 없는 규칙입니다. 규칙의 내용을 참고하세요.',
  },
} as const satisfies LiveStrings;
