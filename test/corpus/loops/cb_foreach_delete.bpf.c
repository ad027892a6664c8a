// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: pruning a hash map from a bpf_for_each_map_elem() callback: the
 * callback passes its key pointer to bpf_map_delete_elem() on the map it
 * got as first argument (a map key pointer is valid key memory), and
 * returns 0 to go on.
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct conn {
	__u64 last_seen;
	__u64 bytes;
};

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 8192);
	__type(key, __u64);
	__type(value, struct conn);
} conns SEC(".maps");

struct prune_ctx {
	__u64 now;
	__u32 dropped;
};

__u32 dropped_total;

static long prune_old(struct bpf_map *map, __u64 *key, struct conn *c,
		      struct prune_ctx *pc)
{
	if (pc->now - c->last_seen > 30ULL * 1000000000ULL) {
		bpf_map_delete_elem(map, key);
		pc->dropped++;
	}
	return 0;
}

SEC("perf_event")
int prune(void *ctx)
{
	struct prune_ctx pc = { .now = bpf_ktime_get_ns() };

	bpf_for_each_map_elem(&conns, prune_old, &pc, 0);
	dropped_total += pc.dropped;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
