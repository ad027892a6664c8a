// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: a container egress policy at tc egress, the way a runtime's
 * network agent enforces "only the workload's supervisor may talk to the
 * control plane": the socket's cgroup comes from bpf_skb_cgroup_id() and
 * bpf_cgroup_from_id() (acquired, maybe NULL), the policy's supervisor
 * task from bpf_task_from_pid() on the pid the agent stored (acquired,
 * maybe NULL), membership from bpf_task_under_cgroup(); the port/CIDR
 * matching is a static __noinline subprogram called while both references
 * are held, and denials go to a ring buffer record that is reserved,
 * filled and submitted after the references are released.
 * EXPECT: 6.18 accept, 6.12 accept, 6.1 reject (kfuncs missing)
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

#define TC_ACT_OK 0
#define TC_ACT_SHOT 2
#define ETH_P_IP 0x0800
#define ETH_HLEN 14

extern struct task_struct *bpf_task_from_pid(s32 pid) __ksym __weak;
extern void bpf_task_release(struct task_struct *p) __ksym __weak;
extern struct cgroup *bpf_cgroup_from_id(u64 cgid) __ksym __weak;
extern void bpf_cgroup_release(struct cgroup *cgrp) __ksym __weak;
extern long bpf_task_under_cgroup(struct task_struct *task, struct cgroup *ancestor) __ksym __weak;

struct egress_policy {
	__u32 supervisor_pid;
	__u32 cp_net;      /* control-plane network, big endian */
	__u32 cp_mask;
	__u16 cp_port_lo;
	__u16 cp_port_hi;
	__u32 flags;       /* 1: audit only */
};

struct denial {
	__u64 cgid;
	__u32 daddr;
	__u16 dport;
	__u16 reason;
	__u32 supervisor_pid;
	__u32 pad;
};

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 1024);
	__type(key, __u64);              /* cgroup id */
	__type(value, struct egress_policy);
} egress_policies SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 256 * 1024);
} denials SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 6);
	__type(key, __u32);
	__type(value, __u64);
} egress_stats SEC(".maps");

enum { R_ALLOWED, R_NO_CGROUP, R_NO_SUPERVISOR, R_OUTSIDE, R_CONTROL_PLANE, R_PARSE };

static __always_inline void stat_inc(__u32 idx)
{
	__u64 *c = bpf_map_lookup_elem(&egress_stats, &idx);

	if (c)
		*c += 1;
}

/* 1 when the destination is the policy's control plane. */
static __noinline int hits_control_plane(const struct egress_policy *pol,
					 __u32 daddr, __u16 dport)
{
	if ((daddr & pol->cp_mask) != (pol->cp_net & pol->cp_mask))
		return 0;
	if (!pol->cp_port_lo && !pol->cp_port_hi)
		return 1;
	return dport >= pol->cp_port_lo && dport <= pol->cp_port_hi;
}

SEC("tc")
int tc_egress_policy(struct __sk_buff *skb)
{
	struct egress_policy *pol;
	struct task_struct *sup;
	struct cgroup *cg;
	struct denial *d;
	struct iphdr ip;
	__u16 ports[2];
	__u64 cgid;
	__u16 reason = R_ALLOWED, dport;
	int hit;

	if (skb->protocol != bpf_htons(ETH_P_IP))
		return TC_ACT_OK;
	cgid = bpf_skb_cgroup_id(skb);
	pol = bpf_map_lookup_elem(&egress_policies, &cgid);
	if (!pol)
		return TC_ACT_OK;
	if (bpf_skb_load_bytes(skb, ETH_HLEN, &ip, sizeof(ip)) < 0 || ip.ihl != 5) {
		stat_inc(R_PARSE);
		return TC_ACT_OK;
	}
	if (ip.protocol != IPPROTO_TCP && ip.protocol != IPPROTO_UDP)
		return TC_ACT_OK;
	if (bpf_skb_load_bytes(skb, ETH_HLEN + sizeof(ip), ports, sizeof(ports)) < 0) {
		stat_inc(R_PARSE);
		return TC_ACT_OK;
	}
	dport = bpf_ntohs(ports[1]);

	cg = bpf_cgroup_from_id(cgid);
	if (!cg) {
		stat_inc(R_NO_CGROUP);
		return TC_ACT_OK;
	}
	sup = bpf_task_from_pid(pol->supervisor_pid);
	if (!sup) {
		bpf_cgroup_release(cg);
		reason = R_NO_SUPERVISOR;
		goto deny;
	}
	if (!bpf_task_under_cgroup(sup, cg))
		reason = R_OUTSIDE;
	else if (hits_control_plane(pol, ip.daddr, dport))
		reason = R_CONTROL_PLANE;
	bpf_task_release(sup);
	bpf_cgroup_release(cg);
	if (reason == R_ALLOWED || reason == R_OUTSIDE) {
		stat_inc(reason);
		return TC_ACT_OK;
	}
deny:
	stat_inc(reason);
	d = bpf_ringbuf_reserve(&denials, sizeof(*d), 0);
	if (d) {
		d->cgid = cgid;
		d->daddr = ip.daddr;
		d->dport = dport;
		d->reason = reason;
		d->supervisor_pid = pol->supervisor_pid;
		d->pad = 0;
		bpf_ringbuf_submit(d, 0);
	}
	return pol->flags & 1 ? TC_ACT_OK : TC_ACT_SHOT;
}

char LICENSE[] SEC("license") = "GPL";
