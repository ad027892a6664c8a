// SPDX-License-Identifier: GPL-2.0
/*
 * Externs: CONFIG_BPF_SYSCALL is a bool option ("y"), declared here as an
 * int. libbpf refuses to put a y/n/m value into an integer extern and the
 * object fails to load before any program reaches the verifier.
 */
// EXPECT: load_error
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

extern int CONFIG_BPF_SYSCALL __kconfig;

SEC("kprobe/__sys_bpf")
int BPF_KPROBE(bpf_calls)
{
	if (!CONFIG_BPF_SYSCALL)
		return 0;
	bpf_printk("bpf() by %d", (int)(bpf_get_current_pid_tgid() >> 32));
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
