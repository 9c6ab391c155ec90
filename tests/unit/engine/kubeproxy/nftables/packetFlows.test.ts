/**
 * kube-proxy's nftables packet-flow tests (TestNoEndpointsReject, TestClusterIPGeneral,
 * TestLoadBalancer, TestNodePorts, TestExternalTrafficPolicyLocal/Cluster), replayed through
 * our generator with kube-proxy's nftables tracer and with the engine (helpers/nftFlows.ts).
 */
import { describeNftSuites } from '../helpers/nftFlows';
import { GENERAL_SUITES } from './flows/general';
import { NODE_PORT_SUITES } from './flows/nodePorts';

describeNftSuites(GENERAL_SUITES);
describeNftSuites(NODE_PORT_SUITES);
