// SPDX-License-Identifier: GPL-2.0
/*
 * Fleet: counts the '/' characters of every path passed to openat(), with
 * an open-coded numeric iterator (bpf_iter_num_new/next/destroy kfuncs,
 * new in 6.4; what libbpf's bpf_for() expands to).
 * ORACLE-VMLINUX: 6.18
 * EXPECT: accept on 6.12 and 6.18; load_error on 6.1 (no such kfuncs)
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

extern int bpf_iter_num_new(struct bpf_iter_num *it, int start, int end) __ksym;
extern int *bpf_iter_num_next(struct bpf_iter_num *it) __ksym;
extern void bpf_iter_num_destroy(struct bpf_iter_num *it) __ksym;

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 64);
	__type(key, __u32);
	__type(value, __u64);
} depth SEC(".maps");

SEC("tracepoint/syscalls/sys_enter_openat")
int openat_bpf_for(struct trace_event_raw_sys_enter *ctx)
{
	char path[64];
	struct bpf_iter_num it;
	__u32 slashes = 0;
	__u64 *n;
	int *i;

	if (bpf_probe_read_user_str(path, sizeof(path), (const char *)ctx->args[1]) < 0)
		return 0;
	bpf_iter_num_new(&it, 0, sizeof(path));
	while ((i = bpf_iter_num_next(&it))) {
		if (*i < 0 || *i >= (int)sizeof(path))
			break;
		if (path[*i] == 0)
			break;
		if (path[*i] == '/')
			slashes++;
	}
	bpf_iter_num_destroy(&it);
	n = bpf_map_lookup_elem(&depth, &slashes);
	if (n)
		__sync_fetch_and_add(n, 1);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
