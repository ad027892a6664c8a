// SPDX-License-Identifier: GPL-2.0
/*
 * Externs: what BPF_KSYSCALL does, written out by hand as older tools do:
 * LINUX_HAS_SYSCALL_WRAPPER says whether the kprobe's first argument is a
 * pointer to the user's pt_regs (read with bpf_probe_read_kernel) or the
 * registers themselves. The kill() signal number is counted per signal.
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include <bpf/bpf_core_read.h>

extern bool LINUX_HAS_SYSCALL_WRAPPER __kconfig;

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 64);
	__type(key, __u32);
	__type(value, __u64);
} signals SEC(".maps");

SEC("kprobe/__x64_sys_kill")
int kill_entry(struct pt_regs *ctx)
{
	struct pt_regs *regs = ctx;
	unsigned long sig = 0;
	__u32 key;
	__u64 *v;

	if (LINUX_HAS_SYSCALL_WRAPPER) {
		regs = (struct pt_regs *)PT_REGS_PARM1(ctx);
		bpf_probe_read_kernel(&sig, sizeof(sig), &regs->si);
	} else {
		sig = PT_REGS_PARM2(ctx);
	}
	key = sig & 63;
	v = bpf_map_lookup_elem(&signals, &key);
	if (v)
		__sync_fetch_and_add(v, 1);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
