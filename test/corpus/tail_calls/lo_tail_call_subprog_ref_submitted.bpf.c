// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: the fixed twin of lt_tail_call_subprog_holding_ref: the static
 * subprogram submits its ring buffer record before the tail call, so no
 * reference is held when a successful tail call returns from it (6.18
 * follows that return). Accepted by every kernel.
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct lo_note {
	__u32 ifindex;
	__u32 len;
};

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 64 * 1024);
} notes SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PROG_ARRAY);
	__uint(max_entries, 2);
	__uint(key_size, sizeof(__u32));
	__uint(value_size, sizeof(__u32));
} stages SEC(".maps");

static __noinline int note_and_forward(struct __sk_buff *skb)
{
	struct lo_note *n = bpf_ringbuf_reserve(&notes, sizeof(*n), 0);

	if (n) {
		n->ifindex = skb->ifindex;
		n->len = skb->len;
		bpf_ringbuf_submit(n, 0);
	}
	bpf_tail_call(skb, &stages, 0);
	return 1;
}

SEC("tc")
int tc_note(struct __sk_buff *skb)
{
	return note_and_forward(skb) ? 0 : 2;
}

char LICENSE[] SEC("license") = "GPL";
