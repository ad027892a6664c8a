// SPDX-License-Identifier: GPL-2.0
/*
 * Maps: the same "constant key, no NULL check" shortcut as
 * array_const_key_no_null_check.bpf.c, but the key (4) is past the array's
 * max_entries (4 slots: 0..3), an off-by-one after the map was shrunk.
 * The lookup really returns NULL, so every kernel must reject it.
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

#define NR_SLOTS 4

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, NR_SLOTS);
	__type(key, __u32);
	__type(value, __u64);
} stats SEC(".maps");

SEC("tracepoint/sched/sched_process_fork")
int on_fork(void *ctx)
{
	__u32 key = NR_SLOTS;	/* meant: the last slot, NR_SLOTS - 1 */
	__u64 *forks;

	forks = bpf_map_lookup_elem(&stats, &key);
	__sync_fetch_and_add(forks, 1);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
