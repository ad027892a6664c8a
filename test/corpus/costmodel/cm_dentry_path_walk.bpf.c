// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: walking a dentry chain towards the root with BPF_CORE_READ in
 * a bounded loop (at most 16 components), the way file-auditing tools
 * rebuild a path: each component name is copied with
 * bpf_probe_read_kernel_str() into a slot of a per-CPU buffer, the loop
 * stops early at the root (d_parent == dentry) and the result goes to a
 * ring buffer together with the depth reached.  The first argument of
 * vfs_unlink() is a mnt_idmap on 6.3+ and a user_namespace before, so
 * it is declared "void *" (one source for every kernel).
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include <bpf/bpf_core_read.h>

#define MAX_DEPTH 16
#define NAME_MAX_LEN 32

struct path_event {
	__u32 pid;
	__u32 depth;
	__u32 truncated;
	__u32 mode;
	char comp[MAX_DEPTH][NAME_MAX_LEN];
};

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct path_event);
} heap SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 1 << 20);
} events SEC(".maps");

const volatile __u32 targ_tgid = 0;

SEC("kprobe/vfs_unlink")
int BPF_KPROBE(unlink_enter, void *idmap_or_userns, struct inode *dir,
	       struct dentry *dentry)
{
	__u32 zero = 0, tgid = bpf_get_current_pid_tgid() >> 32;
	struct path_event *ev;
	struct dentry *d = dentry, *parent;
	int i;

	if (targ_tgid && targ_tgid != tgid)
		return 0;
	ev = bpf_map_lookup_elem(&heap, &zero);
	if (!ev)
		return 0;
	ev->pid = tgid;
	ev->depth = 0;
	ev->truncated = 1;
	ev->mode = BPF_CORE_READ(dentry, d_inode, i_mode);

	for (i = 0; i < MAX_DEPTH; i++) {
		const unsigned char *name = BPF_CORE_READ(d, d_name.name);

		bpf_probe_read_kernel_str(ev->comp[i], NAME_MAX_LEN, name);
		ev->depth = i + 1;
		parent = BPF_CORE_READ(d, d_parent);
		if (!parent || parent == d) {
			ev->truncated = 0;
			break;
		}
		d = parent;
	}
	bpf_ringbuf_output(&events, ev, sizeof(*ev), 0);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
