// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: an exec policy on bprm_check_security: it reads the binary's
 * filename through the linux_binprm argument and the current task (from
 * bpf_get_current_task_btf), and denies exec for one uid with -EPERM.
 */
// EXPECT: accept (6.18: load_error)
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

#define EPERM 1

const volatile u32 denied_uid = 65534;

SEC("lsm/bprm_check_security")
int BPF_PROG(check_exec, struct linux_binprm *bprm)
{
	struct task_struct *task = bpf_get_current_task_btf();
	char name[64];

	bpf_probe_read_kernel_str(name, sizeof(name), bprm->filename);
	if (task->cred->uid.val == denied_uid) {
		bpf_printk("deny exec of %s by pid %d", name, task->pid);
		return -EPERM;
	}
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
