/**
 * kube-proxy's nftables traffic-policy packet-flow tests (TestInternalTrafficPolicy, the
 * terminating-endpoint tests, TestInternalExternalMasquerade), replayed through our generator
 * with kube-proxy's nftables tracer and with the engine (helpers/nftFlows.ts).
 */
import { describeNftSuites } from '../helpers/nftFlows';
import { MASQUERADE_SUITES } from './flows/masquerade';
import { POLICY_SUITES } from './flows/policies';

describeNftSuites(POLICY_SUITES);
describeNftSuites(MASQUERADE_SUITES);
