// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: a tc program reserves a ring buffer event for a sampled packet,
 * fills it, then tail-calls the next pipeline stage before submitting it
 * (the submit was meant to happen in the next stage): a tail call cannot
 * carry the reservation, "tail_call would lead to reference leak".
 * EXPECT: reject
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct lt_sample {
	__u32 ifindex;
	__u32 len;
	__u32 mark;
};

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 256 * 1024);
} samples SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PROG_ARRAY);
	__uint(max_entries, 2);
	__uint(key_size, sizeof(__u32));
	__uint(value_size, sizeof(__u32));
} pipeline SEC(".maps");

SEC("tc")
int tc_sample(struct __sk_buff *skb)
{
	struct lt_sample *e;

	if (skb->hash & 0xff)
		return 0;
	e = bpf_ringbuf_reserve(&samples, sizeof(*e), 0);
	if (!e)
		return 0;
	e->ifindex = skb->ifindex;
	e->len = skb->len;
	e->mark = skb->mark;
	bpf_tail_call(skb, &pipeline, 1); /* BUG: e still reserved */
	bpf_ringbuf_submit(e, 0);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
