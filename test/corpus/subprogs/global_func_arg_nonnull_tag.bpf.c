// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: a global function's pointer argument marked arg:nonnull (libbpf's
 * __arg_nonnull), so the callee may dereference it without a NULL check;
 * the caller must then pass a non-NULL pointer. Kernels that predate the
 * tag treat the argument as possibly NULL and reject the unchecked write.
 * EXPECT: 6.1 reject, 6.18 accept
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

#ifndef __arg_nonnull
#define __arg_nonnull __attribute__((btf_decl_tag("arg:nonnull")))
#endif

struct counters {
	__u64 rx;
	__u64 tx;
};

__noinline int bump_rx(struct counters *c __arg_nonnull)
{
	c->rx++;
	return 0;
}

SEC("tc")
int tc_rx(struct __sk_buff *skb)
{
	struct counters c = {};

	bump_rx(&c);
	return c.rx == 1 ? 0 : 2;
}

char LICENSE[] SEC("license") = "GPL";
