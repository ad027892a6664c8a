// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: like tail_call_from_static_subprog, but the caller keeps a 300
 * byte buffer on its stack before calling the subprogram that tail-calls.
 * With tail calls in subprograms the stack of the frames below the tail
 * call is limited to 256 bytes.
 * EXPECT: reject
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_PROG_ARRAY);
	__uint(max_entries, 8);
	__uint(key_size, sizeof(__u32));
	__uint(value_size, sizeof(__u32));
} handlers SEC(".maps");

static __noinline int run_handler(struct __sk_buff *skb, __u32 idx)
{
	bpf_tail_call(skb, &handlers, idx);
	return 1;
}

SEC("tc")
int tc_entry(struct __sk_buff *skb)
{
	char hdr[300];
	int ret;

	if (bpf_skb_load_bytes(skb, 0, hdr, sizeof(hdr)))
		return 0;
	ret = run_handler(skb, hdr[12] & 7);
	return ret + hdr[299];
}

char LICENSE[] SEC("license") = "GPL";
