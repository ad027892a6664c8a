// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: a static subprogram reserves a ring buffer record, tail-calls the
 * next stage and only then submits the record. 6.18 checks the references
 * at every tail call ("tail_call would lead to reference leak"); 6.1 and
 * 6.12 checked them only in the main program and accept it.
 * EXPECT: 6.1 accept, 6.18 reject
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct lt_note {
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
	struct lt_note *n = bpf_ringbuf_reserve(&notes, sizeof(*n), 0);

	if (!n)
		return 0;
	n->ifindex = skb->ifindex;
	n->len = skb->len;
	bpf_tail_call(skb, &stages, 0); /* BUG: n is still reserved */
	bpf_ringbuf_submit(n, 0);
	return 0;
}

SEC("tc")
int tc_note(struct __sk_buff *skb)
{
	return note_and_forward(skb);
}

char LICENSE[] SEC("license") = "GPL";
