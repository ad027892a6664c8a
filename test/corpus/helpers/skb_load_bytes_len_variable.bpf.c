// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: bpf_skb_load_bytes() with a length derived from the packet (an
 * option length byte), bounded only from above by a comparison against
 * the buffer size.  The upper bound is right, but the length may also be
 * 0 and bpf_skb_load_bytes() takes no zero-length copies (its size is
 * ARG_CONST_SIZE, not ..._OR_ZERO): the check must also exclude 0.  Both
 * kernels refuse it; 6.18's message also prints the range.
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

SEC("tc")
int read_option(struct __sk_buff *skb)
{
	__u8 optlen;
	__u8 opt[40];

	if (bpf_skb_load_bytes(skb, 54, &optlen, 1))
		return 0;
	if (optlen > sizeof(opt))
		return 0;
	if (bpf_skb_load_bytes(skb, 55, opt, optlen))
		return 0;
	return opt[0] == 1 ? 2 /* TC_ACT_SHOT */ : 0;
}

char LICENSE[] SEC("license") = "GPL";
