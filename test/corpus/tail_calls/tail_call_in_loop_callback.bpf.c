// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: a bpf_loop() callback tries to tail-call into one program per
 * iteration, with the ctx pointer passed in through the callback's state
 * struct. A tail call from a callback would unwind the helper's frame.
 * Finding: 6.1 accepts it; 6.18 rejects it (with a "verifier bug:
 * callback unexpected regs" message).
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

struct loop_state {
	struct __sk_buff *skb;
};

static int try_one(__u32 i, void *data)
{
	struct loop_state *st = data;

	bpf_tail_call(st->skb, &handlers, i);
	return 0;
}

SEC("tc")
int tc_entry(struct __sk_buff *skb)
{
	struct loop_state st = { .skb = skb };

	bpf_loop(8, try_one, &st, 0);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
