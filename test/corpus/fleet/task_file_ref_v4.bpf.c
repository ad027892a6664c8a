// SPDX-License-Identifier: GPL-2.0
/*
 * Fleet: samples the reference count of the executable file of the task
 * calling close(), from struct file's f_ref (the 6.13+ name; older kernels
 * call it f_count), built for cpu v4 as a developer targeting new kernels
 * would (-mcpu=v4: sign-extending loads and moves).
 * ORACLE-VMLINUX: 6.18
 * ORACLE-CFLAGS: -mcpu=v4
 * EXPECT: accept on 6.18; reject on 6.1 and 6.12 (CO-RE relocation of
 * f_ref, found before 6.1 would refuse the v4 instructions)
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include <bpf/bpf_core_read.h>

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 1024);
	__type(key, __u32);
	__type(value, __s64);
} refs SEC(".maps");

SEC("kprobe/__x64_sys_close")
int task_file_ref_v4(struct pt_regs *ctx)
{
	struct task_struct *task = (struct task_struct *)bpf_get_current_task();
	struct file *exe = BPF_CORE_READ(task, mm, exe_file);
	__u32 tgid = bpf_get_current_pid_tgid() >> 32;
	__s64 refs_now;
	int small;

	if (!exe)
		return 0;
	refs_now = BPF_CORE_READ(exe, f_ref.refcnt.counter);
	small = (int)refs_now;
	refs_now = (__s64)small;
	bpf_map_update_elem(&refs, &tgid, &refs_now, BPF_ANY);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
