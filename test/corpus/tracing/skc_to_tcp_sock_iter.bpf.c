// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: a TCP iterator that casts the sock_common to a tcp_sock with
 * bpf_skc_to_tcp_sock (a helper returning a BTF-typed pointer that may be
 * NULL) and prints the congestion window.
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

SEC("iter/tcp")
int dump_cwnd(struct bpf_iter__tcp *ctx)
{
	struct sock_common *skc = ctx->sk_common;
	struct tcp_sock *tp;

	if (!skc)
		return 0;
	tp = bpf_skc_to_tcp_sock(skc);
	if (!tp)
		return 0;
	BPF_SEQ_PRINTF(ctx->meta->seq, "%u %u\n", tp->snd_cwnd, tp->srtt_us);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
