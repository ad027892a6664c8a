// SPDX-License-Identifier: GPL-2.0
/*
 * Kprobe family: one uprobe.multi program attached to libc's allocation
 * functions (malloc, calloc, realloc: a glob the loader expands),
 * recording a power-of-two histogram of requested sizes per function
 * address. uprobe.multi needs Linux 6.6 to attach; a 6.1 kernel still
 * loads the program, as a plain kprobe (it does not check the expected
 * attach type of kprobe programs).
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

#define MAX_SLOTS 24

struct hist_key {
	__u64 func_ip;
	__u32 slot;
	__u32 pad;
};

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 1024);
	__type(key, struct hist_key);
	__type(value, __u64);
} alloc_hist SEC(".maps");

SEC("uprobe.multi/libc.so.6:*alloc")
int BPF_KPROBE(alloc_size, __u64 size)
{
	struct hist_key key = {};
	__u64 one = 1, *cnt;
	__u32 slot = 0;

	key.func_ip = bpf_get_func_ip(ctx);
	while (size > 1 && slot < MAX_SLOTS) {
		size >>= 1;
		slot++;
	}
	key.slot = slot;
	cnt = bpf_map_lookup_elem(&alloc_hist, &key);
	if (cnt)
		__sync_fetch_and_add(cnt, 1);
	else
		bpf_map_update_elem(&alloc_hist, &key, &one, BPF_NOEXIST);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
