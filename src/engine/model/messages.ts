/**
 * The text of every manifest-loading problem, in English and Korean. The loader records a
 * code and its parameters; the UI picks the language. Templates use {name} placeholders.
 */

import { fill } from '../../text/fill';

/** Parameters substituted into a message template. */
export type MessageParams = Readonly<Record<string, string | number>>;

const CATALOGUE = {
  'yaml-syntax': {
    en: 'not valid YAML or JSON ({reason}): {detail}',
    ko: 'YAML 또는 JSON 문법 오류: {reason}',
  },
  'input-too-large': {
    en: 'the input is {size} bytes; the limit is {limit} bytes',
    ko: '입력이 {size}바이트입니다. 최대 {limit}바이트까지 읽을 수 있습니다',
  },
  'yaml-too-deep': {
    en: 'the YAML nests deeper than {limit} levels (a manifest needs about 10); not read',
    ko: 'YAML이 {limit}단계보다 깊게 중첩되어 읽지 않았습니다(매니페스트는 보통 10단계 안팎입니다)',
  },
  'no-objects': {
    en: 'no Kubernetes objects found',
    ko: '쿠버네티스 오브젝트를 찾지 못했습니다',
  },
  'not-an-object': {
    en: 'expected a Kubernetes object (a mapping with apiVersion and kind), found {found}',
    ko: '쿠버네티스 오브젝트(apiVersion과 kind가 있는 매핑)가 와야 하는데 {found}이(가) 있습니다',
  },
  'missing-field': {
    en: 'required field is missing',
    ko: '필수 필드가 없습니다',
  },
  'wrong-type': {
    en: 'expected {expected}, found {found}',
    ko: '{expected} 값이어야 하는데 {found}입니다',
  },
  'invalid-ip': {
    en: '"{value}" is not an IPv4 address',
    ko: '"{value}"은(는) IPv4 주소가 아닙니다',
  },
  'ipv6-unsupported': {
    en: '"{value}" is IPv6, but this field takes the IPv4 family; put IPv6 addresses beside it (clusterIPs, podIPs, a second InternalIP)',
    ko: '"{value}"은(는) IPv6 주소인데 이 필드에는 IPv4 주소가 와야 합니다. IPv6 주소는 clusterIPs, podIPs, 두 번째 InternalIP처럼 옆에 따로 적어 주세요',
  },
  'invalid-ipv6': {
    en: '"{value}" is not an IPv6 address',
    ko: '"{value}"은(는) IPv6 주소가 아닙니다',
  },
  'invalid-cidr6': {
    en: '"{value}" is not an IPv6 CIDR such as fd00:10:244::/56',
    ko: '"{value}"은(는) fd00:10:244::/56 같은 IPv6 CIDR이 아닙니다',
  },
  'ipv6-only-service': {
    en: 'a single-stack IPv6 Service is not modelled: the simulated cluster is IPv4, with IPv6 beside it; give the Service an IPv4 ClusterIP too (ipFamilyPolicy PreferDualStack)',
    ko: '단일 스택 IPv6 서비스는 다루지 않습니다. 시뮬레이션하는 클러스터는 IPv4 위에 IPv6을 더한 구성이므로 서비스에 IPv4 ClusterIP도 주세요(ipFamilyPolicy PreferDualStack)',
  },
  'cluster-ips-first': {
    en: 'spec.clusterIPs[0] must equal spec.clusterIP ("{clusterIP}"), as the API server requires',
    ko: 'API 서버 규칙대로 spec.clusterIPs[0]은 spec.clusterIP("{clusterIP}")와 같아야 합니다',
  },
  'cluster-ips-families': {
    en: 'spec.clusterIPs holds at most one address per family (one IPv4, one IPv6)',
    ko: 'spec.clusterIPs에는 패밀리마다 주소를 하나씩만(IPv4 하나, IPv6 하나) 적을 수 있습니다',
  },
  'ip-family-mismatch': {
    en: 'ipFamilies[{index}] is {family}, but clusterIPs[{index}] "{value}" is not',
    ko: 'ipFamilies[{index}]은(는) {family}인데 clusterIPs[{index}] "{value}"은(는) 그 패밀리가 아닙니다',
  },
  'single-stack-two-ips': {
    en: 'ipFamilyPolicy SingleStack allows one ClusterIP, but spec.clusterIPs has two',
    ko: 'ipFamilyPolicy가 SingleStack이면 ClusterIP는 하나만 둘 수 있는데 spec.clusterIPs에 두 개가 있습니다',
  },
  'invalid-cidr': {
    en: '"{value}" is not an IPv4 CIDR such as 10.244.0.0/16',
    ko: '"{value}"은(는) 10.244.0.0/16 같은 IPv4 CIDR이 아닙니다',
  },
  'cidr-not-normalized': {
    en: '"{value}" has host bits set; kube-proxy uses it as {normalized}',
    ko: '"{value}"에 호스트 비트가 있습니다. kube-proxy는 {normalized}(으)로 씁니다',
  },
  'ip-leading-zeros': {
    en: '"{value}" has leading zeros; the API rejects this for new objects and kube-proxy reads it as {normalized}',
    ko: '"{value}"에 앞자리 0이 있습니다. 새 오브젝트라면 API가 거부하며, kube-proxy는 {normalized}(으)로 읽습니다',
  },
  'invalid-port': {
    en: '{value} is not a port number (1-65535)',
    ko: '{value}은(는) 포트 번호(1-65535)가 아닙니다',
  },
  'invalid-enum': {
    en: '"{value}" is not one of: {allowed}',
    ko: '"{value}"은(는) 허용되는 값({allowed})이 아닙니다',
  },
  'invalid-name': {
    en: '"{value}" is not a valid name (lower-case letters, digits, "-" and ".", at most {max} characters)',
    ko: '"{value}"은(는) 올바른 이름이 아닙니다(소문자, 숫자, "-", "."만, 최대 {max}자)',
  },
  'invalid-port-name': {
    en: '"{value}" is not a valid port name (at most 15 lower-case letters, digits and "-", with a letter)',
    ko: '"{value}"은(는) 올바른 포트 이름이 아닙니다(소문자·숫자·"-" 최대 15자, 글자 하나 이상 포함)',
  },
  'label-not-string': {
    en: 'label "{key}" must be a string (quote it: "{value}")',
    ko: '레이블 "{key}"의 값은 문자열이어야 합니다(따옴표로 감싸세요: "{value}")',
  },
  'duplicate-object': {
    en: '{kind} {name} is defined more than once',
    ko: '{kind} {name}이(가) 두 번 이상 정의되었습니다',
  },
  'duplicate-port-name': {
    en: 'port name "{name}" is used by more than one port',
    ko: '포트 이름 "{name}"을(를) 여러 포트가 쓰고 있습니다',
  },
  'duplicate-port': {
    en: 'port {port}/{protocol} is listed more than once',
    ko: '포트 {port}/{protocol}이(가) 두 번 이상 나옵니다',
  },
  'port-name-required': {
    en: 'a Service with more than one port must name every port',
    ko: '포트가 둘 이상인 서비스는 모든 포트에 이름이 있어야 합니다',
  },
  'duplicate-cluster-ip': {
    en: 'clusterIP {ip} is already used by Service {other}',
    ko: 'clusterIP {ip}은(는) 이미 서비스 {other}이(가) 쓰고 있습니다',
  },
  'duplicate-node-port': {
    en: 'nodePort {port}/{protocol} is already used by Service {other}',
    ko: '노드포트 {port}/{protocol}은(는) 이미 서비스 {other}이(가) 쓰고 있습니다',
  },
  'node-port-not-allowed': {
    en: 'nodePort may not be set on a Service of type ClusterIP',
    ko: 'ClusterIP 타입 서비스에는 nodePort를 지정할 수 없습니다',
  },
  'node-port-missing': {
    en: 'a {type} Service needs a nodePort; the API server would pick a random one, so write the allocated port here',
    ko: '{type} 서비스에는 nodePort가 필요합니다. API 서버가 임의로 고르는 값이므로 할당된 포트를 직접 적어 주세요',
  },
  'node-port-out-of-range': {
    en: 'nodePort {port} is outside the default range 30000-32767 (fine only if the API server uses another --service-node-port-range)',
    ko: '노드포트 {port}은(는) 기본 범위 30000-32767 밖입니다(API 서버의 --service-node-port-range를 바꾼 경우에만 괜찮습니다)',
  },
  'cluster-ip-missing': {
    en: 'spec.clusterIP is missing; the API server allocates it, so write the allocated address (or "None" for a headless Service)',
    ko: 'spec.clusterIP가 없습니다. API 서버가 할당하는 값이므로 할당된 주소(헤드리스 서비스라면 "None")를 적어 주세요',
  },
  'unknown-kind': {
    en: 'kind "{kind}" ({apiVersion}) does not affect Service routing; ignored',
    ko: '"{kind}"({apiVersion}) 오브젝트는 서비스 라우팅과 관계가 없어 무시합니다',
  },
  'endpoints-kind-ignored': {
    en: 'kube-proxy reads EndpointSlices, not the legacy Endpoints object; ignored (endpoints are taken from EndpointSlices or derived from Pods)',
    ko: 'kube-proxy는 예전 Endpoints 오브젝트가 아니라 엔드포인트슬라이스를 읽으므로 무시합니다(엔드포인트는 엔드포인트슬라이스에서 읽거나 파드에서 만듭니다)',
  },
  'unsupported-api-version': {
    en: 'apiVersion "{apiVersion}" is not supported for kind {kind}; use {expected}',
    ko: '{kind}에는 apiVersion "{apiVersion}"을(를) 쓸 수 없습니다. {expected}을(를) 쓰세요',
  },
  'proxy-config-version': {
    en: 'KubeProxyConfiguration apiVersion "{apiVersion}" is read as kubeproxy.config.k8s.io/v1alpha1',
    ko: 'KubeProxyConfiguration apiVersion "{apiVersion}"을(를) kubeproxy.config.k8s.io/v1alpha1로 읽습니다',
  },
  'external-name-ignored': {
    en: 'ExternalName Services are DNS aliases; kube-proxy writes no rules for them',
    ko: 'ExternalName 서비스는 DNS 별칭이라 kube-proxy가 규칙을 만들지 않습니다',
  },
  'pod-not-scheduled': {
    en: 'pod has no spec.nodeName (not scheduled), so it is not an endpoint; skipped',
    ko: '파드에 spec.nodeName이 없어(스케줄되지 않음) 엔드포인트가 될 수 없으므로 건너뜁니다',
  },
  'pod-no-ip': {
    en: 'pod has no status.podIP, so it is not an endpoint; skipped',
    ko: '파드에 status.podIP가 없어 엔드포인트가 될 수 없으므로 건너뜁니다',
  },
  'pod-finished': {
    en: 'pod is {phase}, so the EndpointSlice controller leaves it out; skipped',
    ko: '파드가 {phase} 상태라 엔드포인트슬라이스 컨트롤러가 제외하므로 건너뜁니다',
  },
  'pod-conditions-missing': {
    en: 'pod has no status.conditions; assumed Ready (kubectl output always has them)',
    ko: '파드에 status.conditions가 없어 준비됨(Ready)으로 간주합니다(kubectl 출력에는 항상 있습니다)',
  },
  'pod-ip-outside-cidr': {
    en: 'pod IP {ip} is outside podCIDR {cidr} of node {node}',
    ko: '파드 IP {ip}이(가) 노드 {node}의 podCIDR {cidr} 밖에 있습니다',
  },
  'unknown-node': {
    en: 'node "{node}" is not among the Node objects',
    ko: '노드 "{node}"에 해당하는 노드 오브젝트가 없습니다',
  },
  'endpoint-unknown-node': {
    en: 'endpoint is on node "{node}", which is not among the Node objects',
    ko: '엔드포인트가 있는 노드 "{node}"에 해당하는 노드 오브젝트가 없습니다',
  },
  'node-no-internal-ip': {
    en: 'node has no IPv4 InternalIP in status.addresses',
    ko: '노드의 status.addresses에 IPv4 InternalIP가 없습니다',
  },
  'node-no-pod-cidr': {
    en: 'node has no IPv4 spec.podCIDR; the simulator routes pod traffic by podCIDR, so add it',
    ko: '노드에 IPv4 spec.podCIDR가 없습니다. 시뮬레이터는 podCIDR로 파드 트래픽을 라우팅하므로 추가해 주세요',
  },
  'duplicate-node-ip': {
    en: 'InternalIP {ip} is also used by node {other}',
    ko: 'InternalIP {ip}을(를) 노드 {other}도 쓰고 있습니다',
  },
  'overlapping-pod-cidr': {
    en: 'podCIDR {cidr} overlaps podCIDR {otherCidr} of node {other}',
    ko: 'podCIDR {cidr}이(가) 노드 {other}의 podCIDR {otherCidr}과(와) 겹칩니다',
  },
  'slice-no-service-label': {
    en: 'EndpointSlice has no kubernetes.io/service-name label, so kube-proxy ignores it',
    ko: '엔드포인트슬라이스에 kubernetes.io/service-name 레이블이 없어 kube-proxy가 무시합니다',
  },
  'slice-address-type': {
    en: 'addressType {type} is not proxied by kube-proxy (only IPv4 and IPv6 are); EndpointSlice ignored',
    ko: 'kube-proxy는 addressType {type}을(를) 프록시하지 않습니다(IPv4와 IPv6만). 엔드포인트슬라이스를 무시합니다',
  },
  'slice-port-ignored': {
    en: 'port has no number, so kube-proxy ignores it',
    ko: '포트 번호가 없어 kube-proxy가 이 포트를 무시합니다',
  },
  'no-nodes': {
    en: 'no Node objects: at least one node is needed to generate its rules',
    ko: '노드 오브젝트가 없습니다. 규칙을 만들려면 노드가 하나 이상 있어야 합니다',
  },
  'no-proxy-config': {
    en: 'no KubeProxyConfiguration: using kube-proxy defaults (iptables mode, masqueradeBit 14, no clusterCIDR so pod traffic is not detected as local)',
    ko: 'KubeProxyConfiguration이 없어 kube-proxy 기본값을 씁니다(iptables 모드, masqueradeBit 14, clusterCIDR가 없어 파드 트래픽을 로컬로 판별하지 않음)',
  },
  'multiple-proxy-configs': {
    en: 'more than one KubeProxyConfiguration; give exactly one',
    ko: 'KubeProxyConfiguration이 여러 개입니다. 하나만 주세요',
  },
  'proxy-mode-not-simulated': {
    en: 'mode "{mode}" is not simulated; rules are generated as kube-proxy writes them in iptables mode',
    ko: '"{mode}" 모드는 시뮬레이션하지 않습니다. iptables 모드의 kube-proxy가 쓰는 규칙으로 만듭니다',
  },
  'detect-local-unsupported': {
    en: 'detectLocalMode "{mode}" is not simulated; use ClusterCIDR, NodeCIDR or None',
    ko: 'detectLocalMode "{mode}"은(는) 시뮬레이션하지 않습니다. ClusterCIDR, NodeCIDR, None 중 하나를 쓰세요',
  },
  'cluster-cidr-missing': {
    en: 'detectLocalMode ClusterCIDR without clusterCIDR: kube-proxy then cannot tell pod traffic apart (no "! -s" masquerade rule, no pod short-circuit)',
    ko: 'clusterCIDR 없이 detectLocalMode가 ClusterCIDR입니다. 이러면 kube-proxy가 파드 트래픽을 구분하지 못합니다("! -s" 마스커레이드 규칙과 파드 단축 규칙이 없음)',
  },
  'integer-range': {
    en: '{value} is outside the allowed range {min}-{max}',
    ko: '{value}은(는) 허용 범위 밖입니다(허용 범위: {min}-{max})',
  },
  'health-check-port-missing': {
    en: 'a LoadBalancer Service with externalTrafficPolicy Local has no healthCheckNodePort; kube-proxy then opens none',
    ko: 'externalTrafficPolicy가 Local인 LoadBalancer 서비스에 healthCheckNodePort가 없습니다. 이러면 kube-proxy가 헬스 체크 포트를 열지 않습니다',
  },
  'health-check-port-ignored': {
    en: 'healthCheckNodePort is used only by LoadBalancer Services with externalTrafficPolicy Local; kube-proxy ignores it here',
    ko: 'healthCheckNodePort는 externalTrafficPolicy가 Local인 LoadBalancer 서비스만 씁니다. 여기서는 kube-proxy가 무시합니다',
  },
  'lb-ingress-no-ip': {
    en: 'load-balancer ingress without an ip (hostname only) is not programmed by kube-proxy',
    ko: 'ip 없이 hostname만 있는 로드 밸런서 ingress는 kube-proxy가 규칙을 만들지 않습니다',
  },
  'target-port-unresolved': {
    en: 'pod {pod} has no {protocol} container port named "{name}", so it is left out of port {port}',
    ko: '파드 {pod}에 이름이 "{name}"인 {protocol} 컨테이너 포트가 없어 포트 {port}의 엔드포인트에서 빠집니다',
  },
  'internal-error': {
    en: 'could not read this object: {detail}',
    ko: '이 오브젝트를 읽지 못했습니다: {detail}',
  },
} as const satisfies Record<string, { en: string; ko: string }>;

/** Every message code the loader can report. */
export type MessageCode = keyof typeof CATALOGUE;

/** All codes, for tests that check every code has both languages. */
export const MESSAGE_CODES = Object.keys(CATALOGUE) as MessageCode[];

/** The raw template for a code in a language ("{name}" placeholders unfilled). */
export function messageTemplate(code: MessageCode, language: 'en' | 'ko'): string {
  return CATALOGUE[code][language];
}

/** Words used as parameter values ("term:list"), translated along with the template. */
const TERMS = {
  null: { en: 'nothing (null)', ko: '빈 값(null)' },
  list: { en: 'a list', ko: '리스트' },
  mapping: { en: 'a mapping', ko: '매핑' },
  string: { en: 'a string', ko: '문자열' },
  integer: { en: 'an integer', ko: '정수' },
  number: { en: 'a number', ko: '숫자' },
  boolean: { en: 'true or false', ko: 'true 또는 false' },
  // The YAML parser's error codes (the `yaml` package's ErrorCode): its messages are English,
  // so a Korean page says what went wrong from the code instead.
  'yaml-ALIAS_PROPS': {
    en: 'an alias cannot have a tag or anchor',
    ko: '별칭(alias)에는 태그나 앵커를 붙일 수 없습니다',
  },
  'yaml-BAD_ALIAS': { en: 'an alias names no anchor', ko: '별칭(alias)이 가리키는 앵커가 없습니다' },
  'yaml-BAD_DIRECTIVE': { en: 'a bad % directive', ko: '% 지시어가 올바르지 않습니다' },
  'yaml-BAD_DQ_ESCAPE': {
    en: 'a bad escape in a double-quoted string',
    ko: '큰따옴표 문자열의 이스케이프가 올바르지 않습니다',
  },
  'yaml-BAD_INDENT': { en: 'the indentation does not line up', ko: '들여쓰기가 맞지 않습니다' },
  'yaml-BAD_PROP_ORDER': {
    en: 'anchors and tags must come before the value',
    ko: '앵커와 태그는 값보다 앞에 와야 합니다',
  },
  'yaml-BAD_SCALAR_START': {
    en: 'a plain value cannot start with this character',
    ko: '따옴표 없는 값을 이 문자로 시작할 수 없습니다',
  },
  'yaml-BLOCK_AS_IMPLICIT_KEY': { en: 'a block value used as a key', ko: '블록 값을 키로 쓸 수 없습니다' },
  'yaml-BLOCK_IN_FLOW': { en: 'a block value inside [ ] or { }', ko: '[ ] 또는 { } 안에 블록 값이 있습니다' },
  'yaml-DUPLICATE_KEY': { en: 'the same key twice in one mapping', ko: '한 매핑에 같은 키가 두 번 있습니다' },
  'yaml-IMPOSSIBLE': { en: 'a structure the parser cannot read', ko: '파서가 읽을 수 없는 구조입니다' },
  'yaml-KEY_OVER_1024_CHARS': { en: 'a key over 1024 characters', ko: '키가 1024자를 넘습니다' },
  'yaml-MISSING_CHAR': { en: 'a closing quote or bracket is missing', ko: '닫는 따옴표나 괄호가 빠졌습니다' },
  'yaml-MULTILINE_IMPLICIT_KEY': { en: 'an unquoted key spans lines', ko: '따옴표 없는 키가 여러 줄에 걸쳐 있습니다' },
  'yaml-MULTIPLE_ANCHORS': { en: 'two anchors on one value', ko: '한 값에 앵커가 둘 이상 있습니다' },
  'yaml-MULTIPLE_DOCS': {
    en: 'several documents where one is expected',
    ko: '문서가 하나만 와야 하는 자리에 여러 개가 있습니다',
  },
  'yaml-MULTIPLE_TAGS': { en: 'two tags on one value', ko: '한 값에 태그가 둘 이상 있습니다' },
  'yaml-NON_STRING_KEY': { en: 'a key that is not a string', ko: '문자열이 아닌 키가 있습니다' },
  'yaml-RESOURCE_EXHAUSTION': { en: 'aliases expand too far', ko: '별칭이 너무 많이 펼쳐집니다' },
  'yaml-TAB_AS_INDENT': { en: 'a tab used for indentation', ko: '들여쓰기에 탭을 썼습니다(YAML은 공백만 허용합니다)' },
  'yaml-TAG_RESOLVE_FAILED': { en: 'a tag that cannot be resolved', ko: '태그를 해석하지 못했습니다' },
  'yaml-UNEXPECTED_TOKEN': { en: 'something that cannot stand here', ko: '이 자리에 올 수 없는 내용이 있습니다' },
  'yaml-BAD_COLLECTION_TYPE': { en: 'a collection of the wrong type', ko: '컬렉션 타입이 올바르지 않습니다' },
  'yaml-other': { en: 'the text is not valid YAML', ko: '문법이 올바르지 않습니다' },
} as const satisfies Record<string, { en: string; ko: string }>;

/** The translatable reason for one of the YAML parser's error codes. */
export function yamlReason(code: string): string {
  const name = `yaml-${code}`;
  return term(name in TERMS ? (name as Term) : 'yaml-other');
}

/** A translatable word to pass as a parameter value. */
export type Term = keyof typeof TERMS;

/** Marks a parameter value as a translatable term. */
export function term(name: Term): string {
  return `term:${name}`;
}

/**
 * Fills a code's template, terms in the message's language; unknown placeholders are left
 * visible rather than dropped. Korean templates write `{value}은(는)`, and the particle that
 * fits the filled-in value replaces the pair.
 */
export function formatMessage(code: MessageCode, params: MessageParams, language: 'en' | 'ko'): string {
  const values: Record<string, string> = {};
  for (const [name, value] of Object.entries(params)) {
    const text = String(value);
    const entry = text.startsWith('term:')
      ? (TERMS as Record<string, { en: string; ko: string }>)[text.slice(5)]
      : undefined;
    values[name] = entry === undefined ? text : entry[language];
  }
  return fill(messageTemplate(code, language), values);
}
