// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: a sleepable fentry (fentry.s) on a syscall, copying the user
 * path with bpf_copy_from_user, the way file-audit tools do. A sleepable
 * fentry/fexit/fmod_ret program may only attach to a function on the
 * kernel's error-injection list (ALLOW_ERROR_INJECTION, which every syscall
 * carries) and not on its deny list; kernels built without
 * CONFIG_FUNCTION_ERROR_INJECTION (Debian's) have no such list, so the load
 * is refused at attach-target resolution: "__x64_sys_openat is not
 * sleepable".
 */
// EXPECT: reject (6.18: load_error)
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include <bpf/bpf_core_read.h>

struct path_event {
	__u32 pid;
	char path[128];
};

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 1 << 16);
} events SEC(".maps");

SEC("fentry.s/__x64_sys_openat")
int BPF_PROG(audit_openat, struct pt_regs *regs)
{
	struct path_event *e;
	const char *upath;

	e = bpf_ringbuf_reserve(&events, sizeof(*e), 0);
	if (!e)
		return 0;
	e->pid = bpf_get_current_pid_tgid() >> 32;
	upath = (const char *)PT_REGS_PARM2_CORE(regs);
	if (bpf_copy_from_user(e->path, sizeof(e->path), upath))
		e->path[0] = 0;
	bpf_ringbuf_submit(e, 0);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
