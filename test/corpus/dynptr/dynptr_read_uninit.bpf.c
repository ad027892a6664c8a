// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: bpf_dynptr_read() from a dynptr that was only set up on one path
 * (the map lookup failed on the other): an uninitialized dynptr.
 * EXPECT: reject
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct scratch {
	char buf[64];
};

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct scratch);
} scratch_map SEC(".maps");

SEC("tracepoint/syscalls/sys_enter_openat")
int stream_scratch(void *ctx)
{
	struct bpf_dynptr stream;
	struct scratch *s;
	__u32 zero = 0;
	__u64 word = 0;

	s = bpf_map_lookup_elem(&scratch_map, &zero);
	if (s)
		bpf_dynptr_from_mem(s->buf, sizeof(s->buf), 0, &stream);
	/* BUG: stream is not set up when the lookup failed */
	bpf_dynptr_read(&word, sizeof(word), &stream, 0, 0);
	return word == 0;
}

char LICENSE[] SEC("license") = "GPL";
