// SPDX-License-Identifier: GPL-2.0
/*
 * syscall: a BPF_PROG_TYPE_SYSCALL program run with BPF_PROG_TEST_RUN,
 * which reads its arguments from the context the caller passed and writes
 * a result back into it.
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct args {
	__u64 a;
	__u64 b;
	__u64 sum;
	int ret;
};

SEC("syscall")
int add_args(struct args *ctx)
{
	ctx->sum = ctx->a + ctx->b;
	ctx->ret = bpf_get_current_pid_tgid() >> 32 ? 0 : -1;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
