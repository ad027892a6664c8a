// SPDX-License-Identifier: GPL-2.0
/*
 * Externs: a strong typeless ksym (`extern const void init_task __ksym`):
 * libbpf looks the symbol up in /proc/kallsyms at load. Debian's 6.1 and
 * 6.12 list data symbols there and the program loads; the live 6.18 build
 * has no CONFIG_KALLSYMS_ALL, so the extern stays unresolved and the load
 * fails before verification.
 */
// EXPECT: 6.18 load_error, 6.12 accept, 6.1 accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

extern const void init_task __ksym;

SEC("kprobe/do_exit")
int BPF_KPROBE(exit_entry)
{
	int pid = -1;

	bpf_probe_read_kernel(&pid, sizeof(pid), &((struct task_struct *)&init_task)->pid);
	return pid == 0;
}

char LICENSE[] SEC("license") = "GPL";
