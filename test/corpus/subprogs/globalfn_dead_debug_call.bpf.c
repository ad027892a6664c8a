// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: a global debug function with a bug (it reads its pointer argument
 * without a NULL check) is called only behind a .rodata switch that the
 * loader leaves off. Kernels that verify only the global functions the
 * main program reaches never look at it; older kernels verify every
 * global function first, reached or not, and reject.
 * EXPECT: 6.1 reject, 6.18 accept
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

const volatile bool debug = false;

struct dbg_rec {
	__u32 len;
	__u32 proto;
};

__noinline int debug_dump(struct dbg_rec *r)
{
	bpf_printk("len %u proto %u", r->len, r->proto);
	return 0;
}

SEC("tc")
int tc_debug(struct __sk_buff *skb)
{
	struct dbg_rec r = { .len = skb->len, .proto = skb->protocol };

	if (debug)
		debug_dump(&r);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
