// SPDX-License-Identifier: GPL-2.0
/*
 * netfilter: count packets per netfilter hook number, read from
 * ctx->state (a trusted kernel pointer to struct nf_hook_state).
 * ORACLE-VMLINUX: 6.18
 */
// EXPECT: accept on 6.12 and 6.18; load_error on 6.1 (no netfilter program type)
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 8);
	__type(key, __u32);
	__type(value, __u64);
} per_hook SEC(".maps");

SEC("netfilter")
int nf_per_hook(struct bpf_nf_ctx *ctx)
{
	__u32 hook = ctx->state->hook;
	__u64 *cnt = bpf_map_lookup_elem(&per_hook, &hook);

	if (cnt)
		__sync_fetch_and_add(cnt, 1);
	return 1;
}

char LICENSE[] SEC("license") = "GPL";
