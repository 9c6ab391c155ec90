/**
 * English strings of the trace page ("bring your own rules"), grouped by part of the page.
 * The page resolves them on the server and hands them to the island as props, so no string
 * table ships as JavaScript. `{name}` marks a placeholder; text between backticks is shown as
 * code. Korean (ko.ts) must provide the same groups, keys and placeholders.
 */
export const traceEn = {
  page: {
    title: 'Trace a packet through your rules',
    description:
      'Paste a Kubernetes node’s iptables-save output and trace a packet through it: every rule it meets, and every place it can end up with its probability. Runs in your browser.',
    lead: 'Paste the output of `iptables-save` from a node (or load the example), describe a packet, and trace it. The packet walks through your rules the way the kernel walks it, and you see every place it can end up, with its probability.',
    privacy:
      'Everything runs in your browser. Nothing you paste is sent anywhere, and nothing is stored unless you turn on “Remember”.',
    noscript: 'The tracer needs JavaScript: it runs entirely in your browser.',
  },
  input: {
    heading: 'Rules',
    label: 'iptables-save output of one node',
    help: 'Run `sudo iptables-save` (or `sudo iptables-save -t nat`) on the node and paste the output here, or drop the file on this box.',
    file: 'Open a file',
    example: 'Load the example',
    exampleNote:
      'The example is node 2 of the bounce cluster (externalTrafficPolicy Cluster), as kube-proxy writes it.',
    exampleNft: 'Load the nftables example',
    exampleNftNote:
      'The nftables example is the same node in kube-proxy’s nftables mode (`nft list table ip kube-proxy`).',
    clear: 'Clear',
    remember: 'Remember the rules and the packet on this device',
    rememberHelp: 'Kept in this browser’s local storage until you turn this off. Off by default.',
    rememberFailed:
      'These rules are too large for this browser to remember ({size}); they are kept only until you leave the page.',
    lines: '{lines} lines',
    formatSave: 'Looks like `iptables-save` output.',
    formatNft: 'Looks like an nftables ruleset (`nft list ruleset`), such as kube-proxy’s nftables mode writes.',
    formatList:
      'This looks like `iptables -L` output. The tracer needs `iptables-save` output, which keeps every rule exactly as the kernel has it.',
    formatUnknown:
      'This does not look like `iptables-save` output. It is still read line by line, and every line that cannot be used is listed.',
    fileRead: 'Loaded {name}.',
    fileTooBig: '{name} is larger than the {max} limit, so it was not loaded. Load the rules of one node.',
    pasteTooBig: 'The pasted text is larger than the {max} limit, so it was not pasted. Paste the rules of one node.',
    pasteLoaded:
      'The pasted rules ({size}) replaced the rules. They are kept outside the text box so the page stays quick.',
    loaded: 'Rules loaded: {lines} lines, {size}.',
    reading: 'Reading the rules…',
    show: 'Show the rules',
    hide: 'Hide the rules',
    edit: 'Edit as text',
    editTooBig: 'Rules this large are not edited in the page; change the file and load it again.',
    fileFailed: 'Could not read {name}.',
    dropHere: 'Drop the file to load it',
  },
  packet: {
    heading: 'Packet',
    src: 'Source IP',
    srcHelp:
      'Where the connection comes from. If this is one of the node’s own addresses, a process on the node sends it.',
    fromNode: 'Sent from this node',
    fromNodeHelp:
      'On when the source is one of the node’s LOCAL addresses, 127.0.0.1 or ::1: a process on the node opens the connection, and the packet goes through nat and filter OUTPUT, then POSTROUTING, instead of PREROUTING.',
    dst: 'Destination IP',
    icmp: 'ICMP / ICMPv6 echo (ping)',
    port: 'Destination port',
    protocol: 'Protocol',
    local: 'LOCAL addresses of the node',
    localHelp:
      'The node’s own addresses, the ones `-m addrtype --dst-type LOCAL` matches, separated by commas or spaces. Put the node’s IP first. IPv6 addresses go here too, for an ip6tables-save dump or a table ip6 (one address family per trace). Pre-filled from the rules where they name it.',
    guess: 'Guess from the rules',
    guessed: 'Found in the rules: {ips}.',
    guessedNone:
      'The rules do not name the node’s IP (kube-proxy writes it only when nodePortAddresses is set). Add it yourself, first in the list.',
    runCount: 'Connections in the sampled run',
    runOption: '{n} connections',
    trace: 'Trace the packet',
    cancel: 'Cancel',
    invalid: 'Check the fields marked below.',
  },
  errors: {
    textEmpty: 'Paste the rules first, or load the example.',
    textTooBig: 'The rules are larger than the {max} limit. Paste the rules of one node.',
    required: 'Enter an IPv4 or IPv6 address, such as {example}.',
    notIP:
      '“{value}” is not an IP address: IPv4 is four numbers from 0 to 255 separated by dots, IPv6 is hex groups separated by colons (no brackets, no port).',
    mixedFamily:
      'The source is IPv{srcFamily} and the destination IPv{dstFamily}: a connection stays in one family. Use a source of the destination’s family.',
    port: 'Enter a port from 1 to 65535.',
    icmpPort: 'A ping has no port: leave this empty, or choose TCP, UDP or SCTP.',
    localEmpty: 'Enter at least one address of the node.',
    localBad: '“{value}” is not an IPv4 or IPv6 address.',
    localLoopbackOnly:
      'Add the node’s own address, such as its InternalIP: 127.0.0.1 or ::1 alone never receives packets from other hosts.',
    localTooMany: 'Enter at most {max} addresses.',
  },
  progress: {
    label: 'Progress',
    parse: 'Reading {lines} lines of rules…',
    exact: 'Following every random branch… ({done} paths so far)',
    sample: 'Tracing one packet…',
    run: 'Sending connections: {done} of {total}',
    runEta: 'Sending connections: {done} of {total} ({rate} a second), about {eta} left. Cancel stops it.',
    seconds: '{n} s',
    minutes: '{m} min {s} s',
    starting: 'Starting the tracer…',
    cancelled: 'Stopped. The results below, if any, are from the trace before.',
    failed: 'The trace failed: {message}. This is a bug in the tracer; your rules are still here.',
    stalled: 'The trace made no progress for {seconds} seconds and was stopped.',
    done: 'Traced in {ms} ms: {outcomes} possible outcomes.',
    doneNoExact:
      'Traced in {ms} ms. Exact probabilities were not computed (see below); the sampled run estimates them.',
    doneReused: 'Traced in {ms} ms (rules already read): {outcomes} possible outcomes.',
  },
  results: {
    heading: 'Results',
    none: 'Nothing traced yet.',
    stale: 'The rules or the packet changed after this trace. Trace again to update the results.',
    summary: '{lines} lines, {rules} rules, tables: {tables}. Read in {parse} ms, traced in {walk} ms.',
    fromNode:
      'The source {src} is an address of the node, so the packet was traced as sent by a process on the node (nat OUTPUT, then filter OUTPUT).',
    noKubeTitle: 'No kube-proxy rules here',
    noKube:
      'These rules have no KUBE-* chain (iptables) and no `table ip kube-proxy` (nftables), so kube-proxy has written nothing here. The node may run kube-proxy in IPVS mode, or a replacement such as Cilium; or its rules live in the other iptables backend (compare `iptables-legacy-save` with `iptables-nft-save`, or look at `nft list ruleset`). The trace below still follows the rules you pasted.',
    loopsTitle: 'A loop of jumps',
    loops:
      '{n} rule(s) close a loop: following their jumps leads back to where they started. The kernel refuses to load such rules; here a packet that reaches one stops there, and the trace says so.',
    noTables:
      'No nat or filter table was found, so there is nothing to trace. Paste the full output of `iptables-save`: it has sections that start with `*nat` and `*filter`.',
    tooCostly:
      'Not traced: the chains jump into one another so often that one packet could meet about {estimate} rules, more than this page allows for {lines} lines ({budget}). Look for chains that jump to the same chain many times.',
    tooCostlySite:
      'The fan-out starts at line {line}: {chain} calls {target} {calls} times, and one call into {target} alone can meet {targetBound} rules.',
    connection: 'This packet does not fit the node: {message}',
    engineError:
      'The routing engine failed on these rules: {message}. That is a bug in the engine, not in your rules; the lines it could not handle are worth reporting.',
    empty: 'Nothing to trace: the rules are empty.',
  },
  problems: {
    heading: 'Lines that could not be used ({n})',
    lead: 'These lines are skipped, or stop a packet that reaches them; the rest of the rules are used.',
    line: 'line {n}',
    noLine: 'whole dump',
    error: 'error',
    note: 'note',
    more: '{n} more are not listed.',
    show: 'Show line {n} in the rules',
  },
  exact: {
    heading: 'Every possible outcome',
    lead: 'Exact probabilities: the walk is repeated once for every branch of every random (`-m statistic`) rule.',
    limit:
      'The rules branch into more than {n} paths, so exact probabilities were not computed. The sampled run below still estimates them.',
    outcome: 'Outcome',
    probability: 'Probability',
    masquerade: 'Source rewritten (SNAT/MASQUERADE)',
    sourceSeen: 'Source the destination sees',
    decidedBy: 'Decided by',
    total: 'Probability of a drop: {drop}; of a reject: {reject}.',
    masqueraded: 'a node address toward {dst} *',
    randomPortNote:
      'The masquerading rule says `--random-fully` (nftables: `fully-random`), as kube-proxy writes it, so the kernel also gives each connection a random source port from 1024–65535. Without that flag it keeps the client’s port when no other connection holds it.',
    masqueradeNote:
      '* MASQUERADE gives the connection the address of the interface it leaves by. From pasted rules the page cannot know the node’s interfaces: toward another host that is the address on eth0 (often {ip}), but toward a pod on this node it is the node’s address on the pod network (the bridge, such as 10.244.2.1), which the rules do not name.',
  },
  outcome: {
    external: 'Forwarded to {dst}',
    node: 'Delivered to the node itself at {dst}',
    pod: 'Delivered to {dst}',
    afterDnat: '(after DNAT)',
    drop: 'Dropped',
    reject: 'Rejected',
    unknown: 'Stopped at a rule the tracer does not understand',
    yes: 'yes',
    no: 'no',
    kernel: 'the kernel: {reason}',
    rule: 'line {line}, {chain} rule {rule}',
    policy: 'policy of {chain} (line {line})',
    none: '—',
    echoReply: 'ping: a reply from {from} ({responder} answers)',
    echoUnreachable: 'ping: “Destination Unreachable” ({name}) from {from}, sent by {node}',
    echoSendFails: 'ping also prints “sendmsg: Operation not permitted” for each request.',
    echoNone: 'ping: no answer at all',
    echoPod: 'pod {name}',
    echoNode: 'the node itself',
  },
  sample: {
    heading: 'One sampled packet',
    lead: 'Drawn with seed {seed}: every rule the packet met, in order. Matching rules are highlighted here and in your rules below.',
    another: 'Draw another packet',
    journey: 'The packet’s way',
    arrive: 'arrives on {iface}: {src} → {dst}',
    send: 'is sent by the node: {src} → {dst}',
    route: 'is routed out of {iface}: {src} → {dst}',
    deliver: 'is delivered to the node: {src} → {dst}',
    drop: 'is dropped: {detail}',
    leave: 'leaves through {iface}: {src} → {dst}',
    caption: 'Rules met by the sampled packet',
    step: '#',
    hook: 'Hook',
    chain: 'Table / chain',
    rule: 'Rule',
    match: 'Matched?',
    action: 'Then',
    yes: 'yes',
    no: 'no',
    policy: 'policy of {chain}',
    returned: 'end of {chain}: back to the caller',
    reply: 'answer',
    collapsed: '{n} rules of {chain} did not match (lines {from}–{to}).',
    expand: 'Show them',
    omitted: '{n} more rules were evaluated and are not listed.',
    showMore: 'Show {n} more rows',
    line: 'line {n}',
  },
  run: {
    heading: 'Sampled run',
    lead: '{n} connections drawn with seed {seed}, each from its own source port.',
    outcome: 'Outcome',
    count: 'Connections',
    share: 'Share',
    expected: 'Exact',
    counters: 'Rule counters',
    countersLead:
      'Packets each rule counted during the run, as `iptables -L -v` would show them (first packets only), busiest first.',
    packets: 'Packets',
    rule: 'Rule',
    more: '{n} more rules counted packets and are not listed.',
  },
  dump: {
    heading: 'Your rules',
    lead: 'The rules as traced. Marks: ✓ the sampled packet matched this rule, · it was checked and did not match, ! the line has a problem.',
    label: 'Traced rules, {lines} lines',
    longLine: '… ({n} more characters)',
    matched: 'matched',
    checked: 'checked, no match',
    problem: 'problem',
  },
  details: {
    via: 'via {node}',
    lanHost: 'LAN host',
    gateway: 'default gateway',
    nodeStack: 'node stack',
    nodeSocket: 'node socket',
    local: 'local',
    pod: 'pod',
    host: 'LAN host',
  },
} as const;

/** Widens the literal types of a string table to string, keeping its shape. */
type Widen<T> = { readonly [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

/** The trace page's strings: every locale provides this shape. */
export type TraceStrings = Widen<typeof traceEn>;
