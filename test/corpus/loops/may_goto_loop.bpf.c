// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: an unbounded-looking loop made acceptable with may_goto (the
 * instruction behind the can_loop macro, kernel 6.9+): the kernel bounds
 * the number of iterations at run time, so the verifier can stop after
 * converging states.  Written as inline asm because libbpf's headers here
 * do not have can_loop yet.  6.1 does not know the opcode.
 */
// EXPECT: 6.1 reject, 6.18 accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u64);
} list_len SEC(".maps");

__u64 walked;

SEC("kprobe/do_nanosleep")
int walk(struct pt_regs *ctx)
{
	__u32 zero = 0;
	__u64 *n = bpf_map_lookup_elem(&list_len, &zero);
	__u64 i = 0;

	if (!n)
		return 0;
	while (i < *n) {
		asm volatile goto("may_goto %l[out]" :::: out);
		i++;
	}
out:
	walked = i;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
