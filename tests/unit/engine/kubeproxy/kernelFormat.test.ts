/** The "kernel" spelling: kube-proxy's rules as iptables-save prints them back. */
import { describe, expect, it } from 'vitest';
import { kernelRule } from '../../../../src/engine/kubeproxy';
import { saveString } from '../../../../src/engine/kubeproxy/iptables/kernelFormat';

describe('kernelRule', () => {
  it.each([
    [
      '-A KUBE-SERVICES -m comment --comment "default/kubernetes:https cluster IP" -m tcp -p tcp -d 10.96.0.1 --dport 443 -j KUBE-SVC-NPX46M4PTMTKRN6Y',
      '-A KUBE-SERVICES -d 10.96.0.1/32 -p tcp -m comment --comment "default/kubernetes:https cluster IP" -m tcp --dport 443 -j KUBE-SVC-NPX46M4PTMTKRN6Y',
    ],
    [
      '-A KUBE-SVC-X -m comment --comment "ns/svc:p cluster IP" -m tcp -p tcp -d 10.96.0.10 --dport 53 ! -s 10.244.0.0/16 -j KUBE-MARK-MASQ',
      '-A KUBE-SVC-X ! -s 10.244.0.0/16 -d 10.96.0.10/32 -p tcp -m comment --comment "ns/svc:p cluster IP" -m tcp --dport 53 -j KUBE-MARK-MASQ',
    ],
    [
      '-A KUBE-SEP-X -m comment --comment kube-system/kube-dns:dns -s 10.244.0.3 -j KUBE-MARK-MASQ',
      '-A KUBE-SEP-X -s 10.244.0.3/32 -m comment --comment "kube-system/kube-dns:dns" -j KUBE-MARK-MASQ',
    ],
    [
      '-A KUBE-SEP-X -m comment --comment ns/svc:p -m recent --name KUBE-SEP-X --set -m tcp -p tcp -j DNAT --to-destination 10.244.0.3:53',
      '-A KUBE-SEP-X -p tcp -m comment --comment "ns/svc:p" -m recent --set --name KUBE-SEP-X --mask 255.255.255.255 --rsource -m tcp -j DNAT --to-destination 10.244.0.3:53',
    ],
    [
      '-A KUBE-SVC-X -m comment --comment "ns/svc:p -> 10.0.0.1:80" -m recent --name KUBE-SEP-Y --rcheck --seconds 10800 --reap -j KUBE-SEP-Y',
      '-A KUBE-SVC-X -m comment --comment "ns/svc:p -> 10.0.0.1:80" -m recent --rcheck --seconds 10800 --reap --name KUBE-SEP-Y --mask 255.255.255.255 --rsource -j KUBE-SEP-Y',
    ],
    [
      '-A KUBE-SVC-X -m comment --comment "a -> b" -m statistic --mode random --probability 0.3333333333 -j KUBE-SEP-Y',
      '-A KUBE-SVC-X -m comment --comment "a -> b" -m statistic --mode random --probability 0.33333333349 -j KUBE-SEP-Y',
    ],
    ['-A KUBE-MARK-MASQ -j MARK --or-mark 0x4000', '-A KUBE-MARK-MASQ -j MARK --set-xmark 0x4000/0x4000'],
    ['-A KUBE-POSTROUTING -j MARK --xor-mark 0x4000', '-A KUBE-POSTROUTING -j MARK --set-xmark 0x4000/0x0'],
    [
      '-A KUBE-POSTROUTING -m mark ! --mark 0x4000/0x4000 -j RETURN',
      '-A KUBE-POSTROUTING -m mark ! --mark 0x4000/0x4000 -j RETURN',
    ],
    [
      '-A KUBE-SERVICES -m comment --comment "ns/svc:p has no endpoints" -m tcp -p tcp -d 10.96.0.5 --dport 80 -j REJECT',
      '-A KUBE-SERVICES -d 10.96.0.5/32 -p tcp -m comment --comment "ns/svc:p has no endpoints" -m tcp --dport 80 -j REJECT --reject-with icmp-port-unreachable',
    ],
    [
      '-A KUBE-FIREWALL -m comment --comment "block incoming localnet connections" -d 127.0.0.0/8 ! -s 127.0.0.0/8 -m conntrack ! --ctstate RELATED,ESTABLISHED,DNAT -j DROP',
      '-A KUBE-FIREWALL ! -s 127.0.0.0/8 -d 127.0.0.0/8 -m comment --comment "block incoming localnet connections" -m conntrack ! --ctstate RELATED,ESTABLISHED,DNAT -j DROP',
    ],
    [
      '-A KUBE-NODEPORTS -m comment --comment ns/svc:p -m tcp -p tcp -d 127.0.0.0/8 --dport 30080 -m nfacct --nfacct-name localhost_nps_accepted_pkts -j KUBE-EXT-X',
      '-A KUBE-NODEPORTS -d 127.0.0.0/8 -p tcp -m comment --comment "ns/svc:p" -m tcp --dport 30080 -m nfacct --nfacct-name  localhost_nps_accepted_pkts -j KUBE-EXT-X',
    ],
    [
      '-A INPUT -m conntrack --ctstate NEW -m comment --comment "kubernetes load balancer firewall" -j KUBE-PROXY-FIREWALL',
      '-A INPUT -m conntrack --ctstate NEW -m comment --comment "kubernetes load balancer firewall" -j KUBE-PROXY-FIREWALL',
    ],
    [
      '-A KUBE-FW-X -m comment --comment "other traffic to ns/svc:p will be dropped by KUBE-PROXY-FIREWALL"',
      '-A KUBE-FW-X -m comment --comment "other traffic to ns/svc:p will be dropped by KUBE-PROXY-FIREWALL"',
    ],
  ])('%s', (input, expected) => {
    expect(kernelRule(input)).toBe(expected);
  });

  it('quotes like xtables_save_string', () => {
    expect(saveString('plain_word-1')).toBe('plain_word-1');
    expect(saveString('a/b:c')).toBe('"a/b:c"');
    expect(saveString('say "hi"')).toBe('"say \\"hi\\""');
  });
});
