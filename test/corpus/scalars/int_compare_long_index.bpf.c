// SPDX-License-Identifier: GPL-2.0
/*
 * Scalars: a 64-bit syscall argument is range-checked through an (unsigned
 * int) cast but the full 64-bit value is used as the index.  Only the low
 * 32 bits are bounded; the upper ones are unknown, so the index is not.
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct per_fd {
	__u64 calls[64];
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct per_fd);
} fds SEC(".maps");

SEC("tracepoint/syscalls/sys_enter_close")
int close_fd(struct trace_event_raw_sys_enter *ctx)
{
	__u32 key = 0;
	unsigned long fd = ctx->args[0];
	struct per_fd *p = bpf_map_lookup_elem(&fds, &key);

	if (!p)
		return 0;
	if ((unsigned int)fd < 64)
		p->calls[fd]++;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
