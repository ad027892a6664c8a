// SPDX-License-Identifier: GPL-2.0
/*
 * Sock: an sk_msg parser corks until 4 bytes arrive, pulls them into the
 * linear area with bpf_msg_pull_data(), reloads data/data_end, checks the
 * bounds and applies the length prefix with bpf_msg_apply_bytes().
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

#define SK_DROP 0
#define SK_PASS 1

SEC("sk_msg")
int length_prefix(struct sk_msg_md *msg)
{
	void *data, *data_end;
	__u32 len;

	if (msg->size < 4) {
		bpf_msg_cork_bytes(msg, 4);
		return SK_PASS;
	}
	if (bpf_msg_pull_data(msg, 0, 4, 0))
		return SK_DROP;
	data = msg->data;
	data_end = msg->data_end;
	if (data + 4 > data_end)
		return SK_DROP;
	len = bpf_ntohl(*(__u32 *)data);
	bpf_msg_apply_bytes(msg, len + 4);
	return SK_PASS;
}

char LICENSE[] SEC("license") = "GPL";
