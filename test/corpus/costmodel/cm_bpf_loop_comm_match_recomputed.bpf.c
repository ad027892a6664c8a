// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: the bpf_loop() variant of a comm filter: a list of up to 16
 * command names in a map value is compared, one entry per callback
 * invocation, against the current task's comm with an inner bounded
 * strncmp-like loop; the callback returns 1 (stop) on the first match.
 * The author checks "idx >= MAX_NAMES" but clang recomputes the
 * zero-extension of idx from the callback argument after the check, so
 * the register used for "name[idx]" carries no bound: the kernel rejects
 * the unbounded map-value access (a classic of real tools).
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

#define TASK_COMM_LEN 16
#define MAX_NAMES 16

struct name_list {
	__u32 count;
	char name[MAX_NAMES][TASK_COMM_LEN];
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct name_list);
} watched SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, MAX_NAMES);
	__type(key, __u32);
	__type(value, __u64);
} matches SEC(".maps");

struct match_ctx {
	struct name_list *nl;
	char comm[TASK_COMM_LEN];
	int hit;
};

static int match_one(__u32 idx, struct match_ctx *mc)
{
	const char *want;
	int j;

	if (idx >= MAX_NAMES || idx >= mc->nl->count)
		return 1;
	want = mc->nl->name[idx];
	for (j = 0; j < TASK_COMM_LEN; j++) {
		if (want[j] != mc->comm[j])
			return 0;
		if (!want[j])
			break;
	}
	mc->hit = idx;
	return 1;
}

SEC("tracepoint/syscalls/sys_enter_write")
int count_writes_by_name(void *ctx)
{
	struct match_ctx mc = { .hit = -1 };
	__u32 zero = 0, key;
	__u64 *cnt;

	mc.nl = bpf_map_lookup_elem(&watched, &zero);
	if (!mc.nl)
		return 0;
	bpf_get_current_comm(mc.comm, sizeof(mc.comm));
	bpf_loop(MAX_NAMES, match_one, &mc, 0);
	if (mc.hit < 0)
		return 0;
	key = mc.hit;
	cnt = bpf_map_lookup_elem(&matches, &key);
	if (cnt)
		*cnt += 1;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
