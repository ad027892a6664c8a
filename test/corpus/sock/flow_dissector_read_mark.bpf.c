// SPDX-License-Identifier: GPL-2.0
/*
 * Sock: a flow dissector may read only data, data_end and flow_keys of
 * its __sk_buff; reading skb->mark is refused.
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

#define BPF_OK 0
#define BPF_DROP 2

SEC("flow_dissector")
int dissect_mark(struct __sk_buff *skb)
{
	if (skb->mark)
		return BPF_DROP;
	return BPF_OK;
}

char LICENSE[] SEC("license") = "GPL";
