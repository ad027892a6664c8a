// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: bpf_get_current_pid_tgid() in a socket filter, to drop packets
 * delivered while a given process runs.  Same question as the XDP case,
 * another program type.
 */
// EXPECT: 6.1 reject, 6.18 accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

const volatile __u32 blocked_tgid = 0;

SEC("socket")
int filter_by_tgid(struct __sk_buff *skb)
{
	if ((bpf_get_current_pid_tgid() >> 32) == blocked_tgid)
		return 0;
	return skb->len;
}

char LICENSE[] SEC("license") = "GPL";
