// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: the trampoline helpers of fentry/fexit programs:
 * bpf_get_func_arg_cnt, bpf_get_func_arg, bpf_get_func_ret and
 * bpf_get_func_ip, as generic argument dumpers (retsnoop-like) use them.
 */
// EXPECT: accept (6.18: load_error)
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

SEC("fexit/do_unlinkat")
int BPF_PROG(dump_args)
{
	u64 nr = bpf_get_func_arg_cnt(ctx), a0 = 0, ret = 0;
	u64 ip = bpf_get_func_ip(ctx);

	if (nr > 0)
		bpf_get_func_arg(ctx, 0, &a0);
	bpf_get_func_ret(ctx, &ret);
	bpf_printk("%lx: %lu args, a0=%lx ret=%ld", ip, nr, a0, ret);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
