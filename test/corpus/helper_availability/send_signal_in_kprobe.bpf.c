// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: the accepted twin of send_signal_in_tc: bpf_send_signal() from a
 * kprobe on the connect path, where "current" is the sender.
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

const volatile __u32 banned_uid = 65534;

SEC("kprobe/tcp_v4_connect")
int kill_sender(struct pt_regs *ctx)
{
	if ((__u32)bpf_get_current_uid_gid() == banned_uid)
		bpf_send_signal(9);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
