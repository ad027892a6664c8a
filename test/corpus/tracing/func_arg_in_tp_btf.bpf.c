// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: bpf_get_func_arg needs a trampoline (fentry/fexit/fmod_ret/lsm);
 * a tp_btf program may not call it.
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

SEC("tp_btf/sched_wakeup")
int BPF_PROG(wakeup_arg)
{
	u64 a0 = 0;

	bpf_get_func_arg(ctx, 0, &a0);
	bpf_printk("%lx", a0);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
