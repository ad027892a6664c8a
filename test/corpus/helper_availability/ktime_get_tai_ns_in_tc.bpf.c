// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: bpf_ktime_get_tai_ns() (helper 208, new in 6.1) in a tc program,
 * stamping packets with TAI time for a TSN/ETF qdisc.  Both kernels have
 * it in the base set.
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

SEC("tc")
int stamp_tai(struct __sk_buff *skb)
{
	skb->tstamp = bpf_ktime_get_tai_ns() + 1000000;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
