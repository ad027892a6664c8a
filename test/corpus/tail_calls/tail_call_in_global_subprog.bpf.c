// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: a tail call made from a global (non-static) function. Global
 * functions are verified independently; the kernel has to know that the
 * subprogram may tail-call (and so may change packet data) when checking
 * the caller. The caller here reuses a packet pointer taken before the
 * call. Finding: 6.1 accepts it; 6.18 treats a global subprogram that can
 * tail-call as changing packet data and invalidates the old packet
 * pointers ("R6 invalid mem access 'scalar'").
 * EXPECT: 6.1 accept, 6.18 reject
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
	/* packet pointers from before the call */
	return *(__u8 *)data;
}

char LICENSE[] SEC("license") = "GPL";
