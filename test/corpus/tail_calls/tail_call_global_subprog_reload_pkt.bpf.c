// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: the fixed twin of tail_call_in_global_subprog: after calling the
 * global function that may tail-call, the caller reloads skb->data and
 * skb->data_end and checks the bounds again before reading the packet.
 * EXPECT: accept
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_PROG_ARRAY);
	__uint(max_entries, 8);
	__uint(key_size, sizeof(__u32));
	__uint(value_size, sizeof(__u32));
} handlers SEC(".maps");

__noinline int run_handler(struct __sk_buff *skb)
{
	bpf_tail_call(skb, &handlers, skb->mark & 7);
	return 1;
}

SEC("tc")
int tc_entry(struct __sk_buff *skb)
{
	void *data, *data_end;

	data = (void *)(long)skb->data;
	data_end = (void *)(long)skb->data_end;
	if (data + 14 > data_end)
		return 0;
	run_handler(skb);
	/* the call may have changed the packet: reload and recheck */
	data = (void *)(long)skb->data;
	data_end = (void *)(long)skb->data_end;
	if (data + 14 > data_end)
		return 0;
	return *(__u8 *)data;
}

char LICENSE[] SEC("license") = "GPL";
