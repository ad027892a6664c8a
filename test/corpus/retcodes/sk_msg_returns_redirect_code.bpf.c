// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: an sk_msg program returning 2 (the kernel-internal __SK_REDIRECT)
 * instead of calling bpf_msg_redirect_map().  Observed: the verifier does
 * not range-check sk_msg return values on either kernel, so the mistake
 * loads and is only caught at run time.
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

SEC("sk_msg")
int redirect_all(struct sk_msg_md *msg)
{
	if (msg->size < 64)
		return 1;	/* SK_PASS */
	return 2;	/* meant: redirect */
}

char LICENSE[] SEC("license") = "GPL";
