/**
 * The Korean of every message the rule readers write (iptables-save and nft dumps, the packet's
 * fields), keyed by the engine's English template: `{0}`, `{1}`… are the values in the order the
 * English sentence has them. Backticked parts are shown as code. A unit test reads the engine's
 * source and fails on a message that is missing here, so the table cannot fall behind.
 */
export const ruleMessagesKo: Readonly<Record<string, string>> = {
  // Reading the dump: sections, chains and commands.
  'line is longer than {0} characters': '줄이 {0}자를 넘습니다',
  'table {0} has no COMMIT before line {1}': '`{0}` 테이블에 {1}번째 줄 전까지 `COMMIT`이 없습니다',
  'unknown table "{0}"; its lines are skipped': '알 수 없는 테이블 “{0}”입니다. 이 테이블의 줄은 건너뜁니다',
  'COMMIT outside a table': '테이블 밖에 `COMMIT`이 있습니다',
  'line outside any *table section': '어느 `*테이블` 구역에도 속하지 않는 줄입니다',
  'table {0} has no COMMIT at the end of the dump': '`{0}` 테이블이 덤프 끝까지 `COMMIT` 없이 끝납니다',
  'bad chain name "{0}"': '체인 이름 “{0}”이(가) 올바르지 않습니다',
  'extra words after the chain declaration': '체인 선언 뒤에 남는 단어가 있습니다',
  'chain {0} is declared twice': '`{0}` 체인이 두 번 선언되었습니다',
  'built-in chain {0} needs policy ACCEPT or DROP, not "{1}"; ACCEPT assumed by the kernel default':
    '기본 체인 `{0}`의 정책은 `ACCEPT`나 `DROP`이어야 하는데 “{1}”입니다. 커널 기본값인 `ACCEPT`로 봅니다',
  'user chain {0} cannot have a policy ("{1}")': '사용자 체인 `{0}`에는 정책(“{1}”)을 둘 수 없습니다',
  'bad chain counters "{0}"': '체인 카운터 “{0}”이(가) 올바르지 않습니다',
  '-N needs a chain name': '`-N`에는 체인 이름이 필요합니다',
  'chain {0} already exists': '`{0}` 체인이 이미 있습니다',
  'chain {0} does not exist in table {1}': '`{1}` 테이블에 `{0}` 체인이 없습니다',
  '{0} needs a chain': '`{0}`에는 체인이 필요합니다',
  'cannot insert at position {0} of {1} (it has {2} rules)':
    '`{1}`의 {0}번 위치에 넣을 수 없습니다(규칙이 {2}개뿐입니다)',
  'cannot delete chain {0}: it does not exist': '`{0}` 체인을 지울 수 없습니다. 그런 체인이 없습니다',
  'cannot delete built-in chain {0}': '기본 체인 `{0}`은(는) 지울 수 없습니다',
  'cannot delete chain {0}: it is not empty': '`{0}` 체인을 지울 수 없습니다. 체인이 비어 있지 않습니다',
  'cannot flush chain {0}: it does not exist': '`{0}` 체인을 비울 수 없습니다. 그런 체인이 없습니다',
  '-P needs a built-in chain of table {0}': '`-P`에는 `{0}` 테이블의 기본 체인이 필요합니다',
  'policy must be ACCEPT or DROP, not "{0}"': '정책은 `ACCEPT`나 `DROP`이어야 하는데 “{0}”입니다',
  'unsupported command "{0}"': '지원하지 않는 명령 “{0}”입니다',
  'jump loop: {0}': '점프가 순환합니다: {0}',
  'jump loop: {0} → {1}': '점프가 순환합니다: {0} → {1}',
  'table {0} is parsed but not walked (it labels packets for SELinux and does not decide where a connection goes)':
    '`{0}` 테이블은 읽기만 하고 추적에는 쓰지 않습니다(SELinux 레이블을 붙일 뿐, 연결이 갈 곳을 정하지 않습니다)',
  'table {0} appears twice; the later one is used': '`{0}` 테이블이 두 번 나옵니다. 뒤의 것을 씁니다',
  'unterminated quoted string': '따옴표로 연 문자열이 닫히지 않았습니다',
  '{0} jumps to itself': '`{0}`이(가) 자기 자신으로 점프합니다',
  'chains {0}{1} jump into each other': '`{0}{1}` 체인이 서로에게 점프합니다',

  // Reading one rule: words, matches and targets.
  '"!" given twice': '“!”가 두 번 있습니다',
  '{0} needs a value': '`{0}`에는 값이 필요합니다',
  'packet counter': '패킷 카운터',
  'byte counter': '바이트 카운터',
  '{0} needs two counters': '`{0}`에는 카운터 두 개가 필요합니다',
  '-m needs a module name': '`-m`에는 모듈 이름이 필요합니다',
  'match module "-m {0}" is not supported': '매치 모듈 `-m {0}`은(는) 지원하지 않습니다',
  '"!" before -m {0}': '`-m {0}` 앞에 “!”가 있습니다',
  '{0} needs a target': '`{0}`에는 타깃이 필요합니다',
  'more than one target': '타깃이 둘 이상입니다',
  'target "{0}" is neither a supported target nor a chain of this table':
    '“{0}”은(는) 지원하는 타깃도, 이 테이블의 체인도 아닙니다',
  'unexpected word "{0}"': '뜻밖의 단어 “{0}”이(가) 있습니다',
  'option "{0}" is not supported here': '이 자리에서는 옵션 “{0}”을(를) 지원하지 않습니다',
  '{0} needs {1} value{2}': '`{0}`에는 값이 {1}개 필요합니다',
  '{0} cannot be negated': '`{0}`은(는) “!”로 뒤집을 수 없습니다',
  '"!" at the end of the rule': '규칙 끝에 “!”가 있습니다',
  '{0} "{1}" is not an IPv4 or IPv6 address or prefix (host names are not resolved)':
    '`{0}`의 “{1}”은(는) IPv4나 IPv6 주소 또는 프리픽스가 아닙니다(호스트 이름은 풀지 않습니다)',
  'option {0} outside any match': '옵션 `{0}`이(가) 어느 매치에도 속하지 않습니다',
  '-m {0}: {1}': '`-m {0}`: {1}',
  '-m {0} needs "-p {1}"': '`-m {0}`에는 `-p {1}`이(가) 필요합니다',
  'options after -j {0}': '`-j {0}` 뒤에 옵션이 있습니다',
  '-g needs a chain, "{0}" is a target': '`-g`에는 체인이 와야 하는데 “{0}”은(는) 타깃입니다',
  '-j {0}: {1}': '`-j {0}`: {1}',
  '-m {0} {1} is not modelled': '`-m {0} {1}`은(는) 이 엔진이 다루지 않습니다',
  'unknown TCP flag "{0}"': '알 수 없는 TCP 플래그 “{0}”입니다',
  'unknown {0} type "{1}"': '알 수 없는 {0} 유형 “{1}”입니다',
  '{0} is required': '{0} 옵션이 필요합니다',
  'unknown address type "{0}"': '알 수 없는 주소 유형 “{0}”입니다',
  'address type {0} depends on routes that are not modelled':
    '주소 유형 `{0}`은(는) 이 엔진이 다루지 않는 라우트에 달려 있습니다',
  'unknown connection state "{0}"': '알 수 없는 연결 상태 “{0}”입니다',
  'multiport needs exactly one of --sports, --dports, --ports':
    '`multiport`에는 `--sports`, `--dports`, `--ports` 중 딱 하나가 필요합니다',
  '--limit-iface-in and --limit-iface-out cannot be combined':
    '`--limit-iface-in`과 `--limit-iface-out`은 함께 쓸 수 없습니다',
  '-m comment needs --comment': '`-m comment`에는 `--comment`가 필요합니다',
  '--mode random needs --probability': '`--mode random`에는 `--probability`가 필요합니다',
  '--probability "{0}" is not a number between 0 and 1': '`--probability`의 “{0}”은(는) 0과 1 사이의 수가 아닙니다',
  '--mode nth needs --every': '`--mode nth`에는 `--every`가 필요합니다',
  '--packet p must satisfy 0 <= p <= n-1 for --every n': '`--every n`일 때 `--packet p`는 0 ≤ p ≤ n-1이어야 합니다',
  '-m statistic needs --mode random or nth': '`-m statistic`에는 `--mode random`이나 `--mode nth`가 필요합니다',
  '-m mark needs --mark': '`-m mark`에는 `--mark`가 필요합니다',
  '-m recent needs exactly one of --set, --rcheck, --update, --remove':
    '`-m recent`에는 `--set`, `--rcheck`, `--update`, `--remove` 중 딱 하나가 필요합니다',
  '--reap needs --seconds': '`--reap`에는 `--seconds`가 필요합니다',
  '--hitcount above 20 exceeds the kernel default ip_pkt_list_tot':
    '`--hitcount`가 20을 넘으면 커널 기본값 `ip_pkt_list_tot`보다 큽니다',
  '-m conntrack without --ctstate is not modelled': '`--ctstate` 없는 `-m conntrack`은 이 엔진이 다루지 않습니다',
  '-m state needs --state': '`-m state`에는 `--state`가 필요합니다',
  '-m set needs --match-set': '`-m set`에는 `--match-set`이 필요합니다',
  'bad --match-set flags "{0}"': '`--match-set` 플래그 “{0}”이(가) 올바르지 않습니다',
  '-m nfacct needs --nfacct-name': '`-m nfacct`에는 `--nfacct-name`이 필요합니다',
  'ipset "{0}" is not supplied, so -m set cannot be judged':
    'ipset “{0}”이(가) 주어지지 않아 `-m set`을 판단할 수 없습니다',
  'set {0}: member "{1}" does not have the {2} parts of {3}':
    '세트 `{0}`: 멤버 “{1}”에 `{3}`의 {2}개 부분이 다 있지 않습니다',
  'set {0}: "{1}" in member "{2}" is not a valid {3}':
    '세트 `{0}`: 멤버 “{2}”의 “{1}”은(는) 올바른 `{3}` 값이 아닙니다',
  '"{0}" is not an IPv4 or IPv6 address or range': '“{0}”은(는) IPv4나 IPv6 주소 또는 주소 범위가 아닙니다',
  'address range "{0}" mixes IPv4 and IPv6': '주소 범위 “{0}”에 IPv4와 IPv6이 섞여 있습니다',
  "an IPv{0} address in an {1} dump: {2} rules are a separate dump (paste one family's rules)":
    'IPv{0} 주소가 {1} 덤프에 있습니다. {2} 규칙은 따로 덤프됩니다(한 패밀리의 규칙만 붙여 넣으세요)',
  'address range "{0}" is reversed': '주소 범위 “{0}”의 앞뒤가 뒤집혀 있습니다',
  'port range "{0}" is reversed': '포트 범위 “{0}”의 앞뒤가 뒤집혀 있습니다',
  'empty NAT mapping "{0}"': 'NAT 매핑 “{0}”이(가) 비어 있습니다',
  '{0} needs exactly one {1} (several ranges were removed from the kernel)':
    '`{0}`에는 `{1}`이(가) 딱 하나 필요합니다(여러 범위는 커널에서 빠졌습니다)',
  'MARK needs exactly one of --set-xmark, --set-mark, --or-mark, --and-mark, --xor-mark':
    '`MARK`에는 `--set-xmark`, `--set-mark`, `--or-mark`, `--and-mark`, `--xor-mark` 중 딱 하나가 필요합니다',
  'CT is only modelled with --notrack': '`CT`는 `--notrack`과 함께 쓸 때만 이 엔진이 다룹니다',
  '"{0}" is not a port number (service names are not resolved)':
    '“{0}”은(는) 포트 번호가 아닙니다(서비스 이름은 풀지 않습니다)',
  'port {0} is above 65535': '포트 {0}은(는) 65535보다 큽니다',
  'multiport takes at most 15 ports, "{0}" has {1}':
    '`multiport`에는 포트를 15개까지 쓸 수 있는데 “{0}”에는 {1}개가 있습니다',
  '"{0}" is not a 32-bit number': '“{0}”은(는) 32비트 수가 아닙니다',
  '{0} "{1}" is not a whole number': '{0} “{1}”은(는) 0 이상의 정수가 아닙니다',
  'unknown protocol "{0}"': '알 수 없는 프로토콜 “{0}”입니다',
  'interface {0}: "{1}" is not an IPv4 or IPv6 address with prefix':
    '인터페이스 `{0}`: “{1}”은(는) 프리픽스가 붙은 IPv4나 IPv6 주소가 아닙니다',

  // Walking the rules with a packet.
  '{0} {1} rule {2} (line {3}): {4}': '`{0}` 테이블 `{1}` 체인의 {2}번 규칙({3}번째 줄): {4}',
  "more than {0} rule evaluations in one hook: the chains' jumps fan out too much to follow":
    '한 훅에서 규칙을 {0}번 넘게 평가했습니다. 체인의 점프가 너무 많이 갈라져 따라갈 수 없습니다',
  'not understood': '읽지 못한 규칙',
  'REJECT is only valid in INPUT, FORWARD and OUTPUT, not {0}':
    '`REJECT`는 `INPUT`, `FORWARD`, `OUTPUT`에서만 쓸 수 있는데 여기는 `{0}`입니다',
  'jump to a chain that does not exist': '없는 체인으로 점프합니다',
  'chains nest deeper than {0}': '체인이 {0}단계보다 깊게 중첩됩니다',
  '{0} is only valid in {1}, not {2}': '`{0}`은(는) `{1}`에서만 쓸 수 있는데 여기는 `{2}`입니다',
  'DROP (no address to masquerade to)': '`DROP`(마스커레이드할 주소가 없음)',
  '{0} is only valid in the raw table': '`{0}`은(는) `raw` 테이블에서만 쓸 수 있습니다',
  'NOTRACK (no conntrack entry, so no NAT)': '`NOTRACK`(conntrack 항목이 없으니 NAT도 없음)',
  'notrack does nothing here: conntrack has already seen the packet':
    '여기서는 `notrack`이 아무 일도 하지 않습니다. conntrack이 이미 패킷을 봤습니다',

  // The kernel's own drops on the way (the playground says the same in its reasons table).
  'pod {0}/{1} drops a packet whose source is its own address (martian source)':
    '파드 {0}/{1}은(는) 출발지가 자기 주소인 패킷을 드롭합니다(martian source)',
  '{0} drops a packet from outside whose source {1} is its own address (martian source)':
    '{0}은(는) 밖에서 왔는데 출발지 {1}이(가) 자기 주소인 패킷을 드롭합니다(martian source)',
  '{0} drops the packet: TTL exceeded (routing loop)': '{0}에서 TTL이 다 되어 패킷이 드롭됩니다(라우팅 루프)',
  '{0} has no address to send from on {1}': '{0}에는 {1}(으)로 보낼 때 쓸 출발지 주소가 없습니다',
  'the client has no route to {0}: it reaches only the LAN (name the node it goes through)':
    '클라이언트에서 {0}(으)로 가는 경로가 없습니다. 클라이언트는 LAN에만 닿으니 거쳐 갈 노드를 지정하세요',

  // nftables: tables, chains, sets and statements.
  'family {0} is not walked (IPv4 packets see ip and inet tables, IPv6 packets ip6 and inet)':
    '`{0}` 패밀리는 추적하지 않습니다(IPv4 패킷은 `ip`와 `inet` 테이블만, IPv6 패킷은 `ip6`와 `inet` 테이블만 지납니다)',
  'no chain "{0}"': '“{0}” 체인이 없습니다',
  'the engine could not read this rule ({0})': '엔진이 이 규칙을 읽지 못했습니다({0})',
  'expected "type <type> hook <hook> priority <priority>"': '`type <타입> hook <훅> priority <우선순위>`가 와야 합니다',
  'a policy (accept or drop) needs a base chain': '정책(`accept`나 `drop`)은 베이스 체인에만 둘 수 있습니다',
  'chain option "{0}" is not modelled': '체인 옵션 “{0}”은(는) 이 엔진이 다루지 않습니다',
  'typeof sets are not modelled; declare them with "type"':
    '`typeof` 세트는 이 엔진이 다루지 않습니다. `type`으로 선언해 주세요',
  'unsupported {0} option "{1}"': '지원하지 않는 `{0}` 옵션 “{1}”입니다',
  'no chain "{0}" in table {1} {2}': '`{1} {2}` 테이블에 “{0}” 체인이 없습니다',
  'rule placement "{0}" is not modelled; the rule is appended':
    '규칙 위치 지정 “{0}”은(는) 이 엔진이 다루지 않아 규칙을 체인 끝에 붙입니다',
  '{0} chain {1} rule {2} (line {3}): {4}': '`{0}` `{1}` 체인의 {2}번 규칙({3}번째 줄): {4}',
  '{0} chain {1} rule {2}: no chain "{3}"': '`{0}` `{1}` 체인의 {2}번 규칙: “{3}” 체인이 없습니다',
  '{0}: chains nest deeper than {1}': '`{0}`: 체인이 {1}단계보다 깊게 중첩됩니다',
  "{0} chain {1} rule {2} (line {3}): more than {4} rule evaluations in one hook: the chains' jumps fan out too much to follow":
    '`{0}` `{1}` 체인의 {2}번 규칙({3}번째 줄): 한 훅에서 규칙을 {4}번 넘게 평가했습니다. 체인의 점프가 너무 많이 갈라져 따라갈 수 없습니다',
  'unsupported command "{0} table"': '지원하지 않는 명령 `{0} table`입니다',
  'no {0} "{1}"': '`{0}` “{1}”이(가) 없습니다',
  '"{0}" is not modelled here': '이 자리의 “{0}”은(는) 이 엔진이 다루지 않습니다',
  'the rule ends where a selector was expected': '셀렉터가 와야 할 자리에서 규칙이 끝납니다',
  '"{0}" in a match is not modelled (only and/&)':
    '매치 안의 “{0}”은(는) 이 엔진이 다루지 않습니다(`and`/`&`만 다룹니다)',
  'comparison "{0}" is not modelled': '비교 연산 “{0}”은(는) 이 엔진이 다루지 않습니다',
  '"{0}" does not fit {1}': '“{0}”이(가) `{1}` 형식에 맞지 않습니다',
  '"{0}" is not a valid {1} value': '“{0}”은(는) 올바른 `{1}` 값이 아닙니다',
  'vmap element "{0}" has no ": verdict"': '`vmap` 원소 “{0}”에 `: 판정`이 없습니다',
  '"{0}" is not a verdict': '“{0}”은(는) 판정이 아닙니다',
  'vmap key "{0}" does not fit {1}': '`vmap` 키 “{0}”이(가) `{1}` 형식에 맞지 않습니다',
  'expected "table [family] name {"': '`table [패밀리] 이름 {`이 와야 합니다',
  'expected a table name': '테이블 이름이 와야 합니다',
  'expected a {0} name': '`{0}` 이름이 와야 합니다',
  'no set or map "{0}" in table {1} {2}': '`{1} {2}` 테이블에 “{0}” 세트나 맵이 없습니다',
  'unsupported command "{0} {1}"': '지원하지 않는 명령 `{0} {1}`입니다',
  'the rule ends too early': '규칙이 너무 일찍 끝납니다',
  'expected "{0}", found "{1}"': '“{0}”이(가) 와야 하는데 “{1}”이(가) 있습니다',
  'fib lookups with "." (iif/oif/mark) are not modelled':
    '“.”을 쓰는 `fib` 조회(`iif`/`oif`/`mark`)는 이 엔진이 다루지 않습니다',
  'numgen {0} is not modelled (only numgen random)':
    '`numgen {0}`은(는) 이 엔진이 다루지 않습니다(`numgen random`만 다룹니다)',
  'numgen random mod needs a positive integer': '`numgen random mod`에는 양의 정수가 필요합니다',
  'key type not modelled (known: {0})': '이 엔진이 다루지 않는 키 타입입니다(다루는 타입: {0})',
  'element of {0} does not fit its type {1}{2}': '`{0}`의 원소가 타입 `{1}{2}`에 맞지 않습니다',
  'unexpected string "{0}"': '뜻밖의 문자열 “{0}”이(가) 있습니다',
  '{0} to "{1}" is not modelled (only an address with an optional port)':
    '`{0} to` “{1}”은(는) 이 엔진이 다루지 않습니다(주소 하나와, 있다면 포트만 다룹니다)',
  '{0} option "{1}" is not modelled': '`{0}` 옵션 “{1}”은(는) 이 엔진이 다루지 않습니다',
  'masquerade to :ports is not modelled': '`masquerade to :포트`는 이 엔진이 다루지 않습니다',
  'mark set needs a number': '`mark set`에는 수가 필요합니다',
  'expected @set after update/add, found "{0}"': '`update`/`add` 뒤에는 `@세트`가 와야 하는데 “{0}”이(가) 있습니다',
  'unsupported key in update @{0}': '`update @{0}`의 키는 지원하지 않습니다',
  'unsupported table item "{0}"': '지원하지 않는 테이블 항목 “{0}”입니다',

  // The packet's fields, when the engine cannot place them on the node.
  '{0} is not a port (0-65535)': '{0}은(는) 포트(0–65535)가 아닙니다',
  'no node "{0}" (nodes: {1})': '“{0}” 노드가 없습니다(있는 노드: {1})',
  '"{0}" is not an IPv4 or IPv6 address': '“{0}”은(는) IPv4나 IPv6 주소가 아닙니다',
  'the network has no IPv6 LAN, so there is no default IPv6 client; give one':
    '이 네트워크에는 IPv6 LAN이 없어 기본 IPv6 클라이언트도 없습니다. 클라이언트 주소를 직접 주세요',
  '{0} is IPv{1} but to.ip {2} is IPv{3}: a connection stays in one family':
    '{0}은(는) IPv{1}인데 to.ip {2}은(는) IPv{3}입니다. 연결 하나는 한 패밀리 안에서만 오갑니다',
  '{0} modelled for IPv4 only; give an IPv4 address': '{0} IPv4만 다룹니다. IPv4 주소를 주세요',
  '"{0}" is not tcp, udp, sctp or icmp': '“{0}”은(는) `tcp`, `udp`, `sctp`, `icmp` 중 하나가 아닙니다',
  'an icmp echo request has no port; leave out {0}': '`icmp` 에코 요청에는 포트가 없습니다. {0}을(를) 빼 주세요',
  'a {0} connection needs a port': '`{0}` 연결에는 포트가 필요합니다',
  '{0} belongs to a node; use a node source': '{0}은(는) 노드의 주소입니다. 출발지를 노드로 골라 주세요',
  'no pod "{0}{1}"': '“{0}{1}” 파드가 없습니다',
  'pod name "{0}" exists in several namespaces; give one':
    '파드 이름 “{0}”이(가) 여러 네임스페이스에 있습니다. 네임스페이스를 하나 정해 주세요',
  '"{0}" is not an address of node {1}': '“{0}”은(는) 노드 {1}의 주소가 아닙니다',
  'unknown source kind "{0}"': '알 수 없는 출발지 종류 “{0}”입니다',
  // network/echo.ts: why a ping gets nothing back.
  'rejected, but the engine cannot tell which node sent the error':
    '거부되었지만, 어느 노드가 오류를 보냈는지 엔진이 알 수 없습니다',
  '{0} has no address to send the ICMP error from': '{0}에는 ICMP 오류를 보낼 주소가 없습니다',
  'the echo request is stopped': '에코 요청이 멈춥니다',
  '{0} {1}/{2} drops the echo request': '{0}의 {1}/{2}에서 에코 요청을 드롭합니다',
  '{0} {1}/{2} stops the echo request': '{0}의 {1}/{2}에서 에코 요청이 멈춥니다',
  'nothing rewrote the echo request: it leaves the cluster toward {0}, and nothing the engine models answers there':
    '에코 요청을 바꾼 규칙이 없습니다. 요청은 {0} 쪽으로 클러스터를 떠나고, 그곳에서 답할 것은 엔진이 다루는 범위에 없습니다',
  'nothing rewrote the echo request: it leaves the cluster by {0} toward {1}, and nothing the engine models answers there':
    '에코 요청을 바꾼 규칙이 없습니다. 요청은 {0}에서 {1} 쪽으로 클러스터를 떠나고, 그곳에서 답할 것은 엔진이 다루는 범위에 없습니다',
  'the echo reply is lost: {0}': '에코 응답이 사라집니다: {0}',
  'it does not get back': '돌아오지 못합니다',
};
