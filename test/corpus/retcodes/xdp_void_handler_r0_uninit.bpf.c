// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: an XDP handler written as `void`, so nothing sets R0 before
 * exit.  The body only bumps a global counter (no helper call that would
 * leave something in R0), and the verifier refuses to read the never
 * written return register.
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

__u64 packets;

SEC("xdp")
void count_all(struct xdp_md *ctx)
{
	packets++;
}

char LICENSE[] SEC("license") = "GPL";
