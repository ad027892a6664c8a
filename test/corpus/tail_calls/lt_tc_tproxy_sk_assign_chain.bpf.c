// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: a tc ingress transparent-proxy chain as service meshes build it:
 * the entry classifier parses IPv4/TCP with direct packet access, builds
 * the bpf_sock_tuple in a static __noinline subprogram (stack pointers in
 * and out), looks an established socket up with bpf_skc_lookup_tcp()
 * (an acquired reference, maybe NULL) and releases it with
 * bpf_sk_release() before tail-calling the redirect stage from a
 * BPF_MAP_TYPE_PROG_ARRAY; the redirect stage looks the proxy's
 * listener up with bpf_sk_lookup_tcp(), assigns it with bpf_sk_assign()
 * and releases it. No reference is held across either tail call.
 * EXPECT: accept
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

#define TC_ACT_OK 0
#define TC_ACT_SHOT 2
#define ETH_P_IP 0x0800
#define BPF_F_CURRENT_NETNS (-1L)

enum { STAGE_REDIRECT = 0, NR_STAGES = 1 };

struct proxy_cfg {
	__u32 addr;      /* listener, big endian */
	__u16 port;      /* big endian */
	__u16 pad;
};

struct {
	__uint(type, BPF_MAP_TYPE_PROG_ARRAY);
	__uint(max_entries, NR_STAGES);
	__uint(key_size, sizeof(__u32));
	__uint(value_size, sizeof(__u32));
} tproxy_stages SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 256);
	__type(key, __u16);            /* intercepted destination port, big endian */
	__type(value, struct proxy_cfg);
} intercept SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 6);
	__type(key, __u32);
	__type(value, __u64);
} tproxy_stats SEC(".maps");

static __always_inline int stat(__u32 idx, int verdict)
{
	__u64 *c = bpf_map_lookup_elem(&tproxy_stats, &idx);

	if (c)
		*c += 1;
	return verdict;
}

static __noinline int fill_tuple(const struct iphdr *ip, const struct tcphdr *tcp,
				 struct bpf_sock_tuple *t)
{
	if (!ip || !tcp || !t)
		return -1;
	t->ipv4.saddr = ip->saddr;
	t->ipv4.daddr = ip->daddr;
	t->ipv4.sport = tcp->source;
	t->ipv4.dport = tcp->dest;
	return 0;
}

SEC("tc")
int tproxy_classify(struct __sk_buff *skb)
{
	void *data = (void *)(long)skb->data;
	void *data_end = (void *)(long)skb->data_end;
	struct ethhdr *eth = data;
	struct iphdr *ip = (void *)(eth + 1);
	struct tcphdr *tcp = (void *)(ip + 1);
	struct bpf_sock_tuple tuple = {};
	struct iphdr iph;
	struct tcphdr tcph;
	struct bpf_sock *sk;

	if ((void *)(tcp + 1) > data_end)
		return TC_ACT_OK;
	if (eth->h_proto != bpf_htons(ETH_P_IP) || ip->ihl != 5 ||
	    ip->protocol != IPPROTO_TCP)
		return TC_ACT_OK;
	if (!bpf_map_lookup_elem(&intercept, &tcp->dest))
		return TC_ACT_OK;
	/* subprogs take stack copies: packet pointers may not cross a call */
	__builtin_memcpy(&iph, ip, sizeof(iph));
	__builtin_memcpy(&tcph, tcp, sizeof(tcph));
	if (fill_tuple(&iph, &tcph, &tuple) < 0)
		return stat(0, TC_ACT_OK);

	sk = bpf_skc_lookup_tcp(skb, &tuple, sizeof(tuple.ipv4), BPF_F_CURRENT_NETNS, 0);
	if (sk) {
		int established = sk->state != BPF_TCP_LISTEN;

		bpf_sk_release(sk);
		if (established)
			return stat(1, TC_ACT_OK);  /* already proxied or local */
	}
	skb->cb[0] = tcph.dest;
	bpf_tail_call(skb, &tproxy_stages, STAGE_REDIRECT);
	return stat(2, TC_ACT_OK);
}

SEC("tc")
int tproxy_redirect(struct __sk_buff *skb)
{
	struct bpf_sock_tuple tuple = {};
	struct proxy_cfg *cfg;
	struct bpf_sock *sk;
	__u16 dport = skb->cb[0];
	long err;

	cfg = bpf_map_lookup_elem(&intercept, &dport);
	if (!cfg)
		return stat(3, TC_ACT_OK);
	tuple.ipv4.daddr = cfg->addr;
	tuple.ipv4.dport = cfg->port;
	sk = bpf_sk_lookup_tcp(skb, &tuple, sizeof(tuple.ipv4), BPF_F_CURRENT_NETNS, 0);
	if (!sk)
		return stat(4, TC_ACT_SHOT);  /* proxy down: fail closed */
	if (sk->state != BPF_TCP_LISTEN) {
		bpf_sk_release(sk);
		return stat(4, TC_ACT_SHOT);
	}
	err = bpf_sk_assign(skb, sk, 0);
	bpf_sk_release(sk);
	return err ? stat(5, TC_ACT_SHOT) : stat(5, TC_ACT_OK);
}

char LICENSE[] SEC("license") = "GPL";
