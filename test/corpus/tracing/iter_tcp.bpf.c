// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: a TCP socket iterator in the style of the kernel's bpf_iter_tcp4
 * sample: it reads the family, ports and state of each sock_common and
 * prints them with bpf_seq_printf.
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include <bpf/bpf_endian.h>

#define AF_INET 2

SEC("iter/tcp")
int dump_tcp4(struct bpf_iter__tcp *ctx)
{
	struct sock_common *skc = ctx->sk_common;
	struct seq_file *seq = ctx->meta->seq;
	u16 srcp, destp;

	if (!skc)
		return 0;
	if (skc->skc_family != AF_INET)
		return 0;
	srcp = skc->skc_num;
	destp = bpf_ntohs(skc->skc_dport);
	BPF_SEQ_PRINTF(seq, "%4d: %08X:%04X %08X:%04X %02X\n", ctx->meta->seq_num,
		       skc->skc_rcv_saddr, srcp, skc->skc_daddr, destp, skc->skc_state);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
