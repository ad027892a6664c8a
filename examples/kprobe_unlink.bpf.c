// SPDX-License-Identifier: GPL-2.0
/*
 * kprobe on do_unlinkat(): count unlink() calls per process and print the
 * name of each removed file to the trace pipe with bpf_printk().
 *
 * This is the one example that uses bpf_printk(), which makes clang emit a
 * .rodata section holding the format string.
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 4096);
	__type(key, __u32);	/* tgid */
	__type(value, __u64);	/* number of unlinks */
} unlink_count SEC(".maps");

SEC("kprobe/do_unlinkat")
int BPF_KPROBE(trace_unlink, int dfd, struct filename *name)
{
	__u32 tgid = bpf_get_current_pid_tgid() >> 32;
	const char *uptr = NULL;
	char fname[64];
	__u64 one = 1, *cnt;

	cnt = bpf_map_lookup_elem(&unlink_count, &tgid);
	if (cnt)
		__sync_fetch_and_add(cnt, 1);
	else
		bpf_map_update_elem(&unlink_count, &tgid, &one, BPF_NOEXIST);

	/* name->name is a kernel pointer to the kernel copy of the path */
	bpf_probe_read_kernel(&uptr, sizeof(uptr), &name->name);
	if (bpf_probe_read_kernel_str(fname, sizeof(fname), uptr) < 0)
		return 0;

	bpf_printk("unlink pid=%u dfd=%d %s", tgid, dfd, fname);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
