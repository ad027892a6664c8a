// SPDX-License-Identifier: GPL-2.0
/*
 * netfilter: a BPF netfilter hook (Linux 6.4+) that counts packets per
 * CPU and accepts them. Older kernels have no netfilter program type.
 * ORACLE-VMLINUX: 6.18
 */
// EXPECT: accept on 6.12 and 6.18; load_error on 6.1 (no netfilter program type)
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

#define NF_ACCEPT 1

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u64);
} pkts SEC(".maps");

SEC("netfilter")
int nf_count(struct bpf_nf_ctx *ctx)
{
	__u32 key = 0;
	__u64 *cnt = bpf_map_lookup_elem(&pkts, &key);

	if (cnt)
		*cnt += 1;
	return NF_ACCEPT;
}

char LICENSE[] SEC("license") = "GPL";
