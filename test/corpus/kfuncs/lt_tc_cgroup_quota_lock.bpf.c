// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: per-container egress byte quotas at tc egress, as a bandwidth
 * manager keeps them: the packet's cgroup is taken with
 * bpf_cgroup_from_id(bpf_skb_cgroup_id()) (acquired, maybe NULL), the
 * container's top cgroup with bpf_cgroup_ancestor() at the configured
 * level (a second acquired reference, maybe NULL), its id read from the
 * trusted cgroup's kernfs node; both are released before the quota record
 * of that container is charged under the bpf_spin_lock in its hash-map
 * value. The refill arithmetic is a static __noinline subprogram called
 * outside the lock.
 * EXPECT: 6.18 accept, 6.12 accept, 6.1 reject (kfuncs missing)
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

#define TC_ACT_OK 0
#define TC_ACT_SHOT 2
#define NSEC_PER_SEC 1000000000ull

extern struct cgroup *bpf_cgroup_from_id(u64 cgid) __ksym __weak;
extern struct cgroup *bpf_cgroup_ancestor(struct cgroup *cgrp, int level) __ksym __weak;
extern void bpf_cgroup_release(struct cgroup *cgrp) __ksym __weak;

struct quota {
	struct bpf_spin_lock lock;
	__u64 budget;       /* bytes left in this period */
	__u64 period_start;
	__u64 rate;         /* bytes per second */
	__u64 dropped;
	__u64 passed;
};

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 4096);
	__type(key, __u64);          /* container cgroup id */
	__type(value, struct quota);
} quotas SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 4);
	__type(key, __u32);
	__type(value, __u64);
} quota_stats SEC(".maps");

const volatile int container_level = 2;

static __always_inline void stat_inc(__u32 idx)
{
	__u64 *c = bpf_map_lookup_elem(&quota_stats, &idx);

	if (c)
		*c += 1;
}

/* Budget for a new period given the elapsed time; capped at 2s worth. */
static __noinline __u64 refill(__u64 rate, __u64 elapsed_ns)
{
	__u64 secs = elapsed_ns / NSEC_PER_SEC;

	if (secs > 2)
		secs = 2;
	if (!secs)
		secs = 1;
	return rate * secs;
}

SEC("tc")
int tc_cgroup_quota(struct __sk_buff *skb)
{
	struct cgroup *cg, *top;
	struct quota *q;
	__u64 cgid, top_id, now, elapsed = 0, fresh;
	int level = container_level, over;

	cgid = bpf_skb_cgroup_id(skb);
	if (!cgid)
		return TC_ACT_OK;
	cg = bpf_cgroup_from_id(cgid);
	if (!cg) {
		stat_inc(0);
		return TC_ACT_OK;
	}
	if (cg->level < level) {
		bpf_cgroup_release(cg);
		return TC_ACT_OK;      /* not inside a container */
	}
	top = bpf_cgroup_ancestor(cg, level);
	bpf_cgroup_release(cg);
	if (!top) {
		stat_inc(1);
		return TC_ACT_OK;
	}
	top_id = top->kn ? top->kn->id : 0;
	bpf_cgroup_release(top);

	q = bpf_map_lookup_elem(&quotas, &top_id);
	if (!q)
		return TC_ACT_OK;
	now = bpf_ktime_get_ns();
	if (now - q->period_start >= NSEC_PER_SEC)
		elapsed = now - q->period_start;
	fresh = elapsed ? refill(q->rate, elapsed) : 0;

	bpf_spin_lock(&q->lock);
	if (fresh) {
		q->budget = fresh;
		q->period_start = now;
	}
	over = q->budget < skb->len;
	if (over) {
		q->dropped++;
	} else {
		q->budget -= skb->len;
		q->passed++;
	}
	bpf_spin_unlock(&q->lock);

	if (over) {
		stat_inc(2);
		return TC_ACT_SHOT;
	}
	stat_inc(3);
	return TC_ACT_OK;
}

char LICENSE[] SEC("license") = "GPL";
