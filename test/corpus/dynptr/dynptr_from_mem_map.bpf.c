// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: a local dynptr over a map value (bpf_dynptr_from_mem), read back
 * with bpf_dynptr_read() and written with bpf_dynptr_write(): a per-CPU
 * scratch buffer used as a bounded byte stream.
 * EXPECT: accept
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

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u64);
} last_word SEC(".maps");

SEC("tracepoint/syscalls/sys_enter_openat")
int stream_scratch(void *ctx)
{
	struct bpf_dynptr stream;
	struct scratch *s;
	__u32 zero = 0;
	__u64 word = 0, *out;
	char comm[16];

	s = bpf_map_lookup_elem(&scratch_map, &zero);
	if (!s)
		return 0;
	bpf_dynptr_from_mem(s->buf, sizeof(s->buf), 0, &stream);
	bpf_get_current_comm(comm, sizeof(comm));
	if (bpf_dynptr_write(&stream, 8, comm, sizeof(comm), 0))
		return 0;
	if (bpf_dynptr_read(&word, sizeof(word), &stream, 8, 0))
		return 0;
	out = bpf_map_lookup_elem(&last_word, &zero);
	if (out)
		*out = word;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
