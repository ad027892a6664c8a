// SPDX-License-Identifier: GPL-2.0
/*
 * Context: a socket filter copied from a tc program reads skb->data and
 * skb->data_end for direct packet access.  Socket filters have no direct
 * packet access: those __sk_buff fields are not readable in this program
 * type (bpf_skb_load_bytes() is the way).
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

SEC("socket")
int sock_small_only(struct __sk_buff *skb)
{
	void *data_end = (void *)(long)skb->data_end;
	void *data = (void *)(long)skb->data;

	if (data + 1 > data_end)
		return 0;
	return *(__u8 *)data == 0x45 ? -1 : 0;
}

char LICENSE[] SEC("license") = "GPL";
