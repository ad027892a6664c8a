// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: the same weighted sum as cm_bound_from_map_sum but the author
 * dropped the constant bound and masks the index instead:
 * "for (i = 0; i < cfg->len; i++) acc += w[i & 31]".  Every access is
 * safe, but the loop count is only bounded by a 32-bit value from the
 * map, so the verifier walks iteration after iteration (each with a new
 * constant i) until it exceeds its 1,000,000 instruction budget.
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

#define MAX_WEIGHTS 32

struct scale_config {
	__u32 len;
	__u32 shift;
};

struct weights {
	__u16 w[MAX_WEIGHTS];
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct scale_config);
} scale_cfg SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct weights);
} weights SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u64);
} score SEC(".maps");

SEC("kprobe/tcp_sendmsg")
int BPF_KPROBE(tcp_sendmsg_enter, struct sock *sk, struct msghdr *msg, size_t size)
{
	__u32 zero = 0;
	struct scale_config *cfg = bpf_map_lookup_elem(&scale_cfg, &zero);
	struct weights *wt = bpf_map_lookup_elem(&weights, &zero);
	__u64 *sc, acc = 0;
	__u32 i, len;

	if (!cfg || !wt)
		return 0;
	len = cfg->len;
#pragma clang loop unroll(disable)
	for (i = 0; i < len; i++)
		acc += wt->w[i & (MAX_WEIGHTS - 1)];
	sc = bpf_map_lookup_elem(&score, &zero);
	if (sc)
		*sc += (acc * size) >> (cfg->shift & 31);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
