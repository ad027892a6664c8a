// SPDX-License-Identifier: GPL-2.0
/*
 * Sock: an sk_msg policy reads the first byte of the message without
 * comparing msg->data against msg->data_end first.
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

#define SK_DROP 0
#define SK_PASS 1

SEC("sk_msg")
int drop_zero(struct sk_msg_md *msg)
{
	__u8 *data = msg->data;

	return data[0] == 0 ? SK_DROP : SK_PASS;
}

char LICENSE[] SEC("license") = "GPL";
