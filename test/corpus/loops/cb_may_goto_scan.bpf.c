// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: may_goto (the can_loop macro, 6.9+) bounding a scan of a map
 * value whose length the verifier cannot bound: the index is checked
 * against the array before each read, and may_goto stops the walk at run
 * time. 6.1 does not know the opcode.
 */
// EXPECT: 6.1 reject, 6.18 accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct buf {
	__u32 len;
	__u32 vals[64];
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct buf);
} data SEC(".maps");

__u64 max_seen;

SEC("kprobe/do_nanosleep")
int scan(struct pt_regs *ctx)
{
	__u32 zero = 0, i = 0;
	struct buf *b = bpf_map_lookup_elem(&data, &zero);
	__u64 m = 0;

	if (!b)
		return 0;
	while (i < b->len) {
		asm volatile goto("may_goto %l[out]" :::: out);
		if (i >= 64)
			break;
		if (b->vals[i] > m)
			m = b->vals[i];
		i++;
	}
out:
	max_seen = m;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
