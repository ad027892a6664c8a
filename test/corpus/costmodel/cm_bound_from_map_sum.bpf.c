// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: the open-coded "for (i = 0; i < N && i < cfg->len; i++)" form
 * with the bound read from a config map: a kprobe sums the first
 * cfg->len weights of a 48-entry weight table (another map value) and
 * stores a weighted sample.  The constant N keeps the loop bounded
 * whatever user space writes into len.
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

#define MAX_WEIGHTS 48

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
	int i;

	if (!cfg || !wt)
		return 0;
	for (i = 0; i < MAX_WEIGHTS && i < cfg->len; i++)
		acc += wt->w[i];
	sc = bpf_map_lookup_elem(&score, &zero);
	if (sc)
		*sc += (acc * size) >> (cfg->shift & 31);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
