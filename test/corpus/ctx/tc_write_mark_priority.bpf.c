// SPDX-License-Identifier: GPL-2.0
/*
 * Context: a tc classifier marks bulk traffic: writes skb->mark,
 * skb->priority and skb->tc_classid, all writable for tc programs.
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

#define TC_ACT_OK 0

SEC("tc")
int mark_bulk(struct __sk_buff *skb)
{
	if (skb->len > 1000) {
		skb->mark = 0xb01c;
		skb->priority = 1;
		skb->tc_classid = 0x10002;
	}
	return TC_ACT_OK;
}

char LICENSE[] SEC("license") = "GPL";
