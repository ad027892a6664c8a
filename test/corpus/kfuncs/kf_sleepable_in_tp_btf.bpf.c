// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: a sleepable kfunc (bpf_copy_from_user_str, KF_SLEEPABLE) from a
 * non-sleepable tp_btf program: "program must be sleepable to call
 * sleepable kfunc".
 * EXPECT: 6.18 reject, 6.12 reject, 6.1 reject (kfunc missing)
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include <bpf/bpf_core_read.h>

extern int bpf_copy_from_user_str(void *dst, u32 dst__sz, const void *unsafe_ptr__ign,
				  u64 flags) __ksym __weak;

char last_path[64];

SEC("tp_btf/sys_enter")
int BPF_PROG(on_enter, struct pt_regs *regs, long id)
{
	const char *upath;

	if (id != 257 /* openat */)
		return 0;
	upath = (const char *)PT_REGS_PARM2_CORE(regs);
	bpf_copy_from_user_str(last_path, sizeof(last_path), upath, 0);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
