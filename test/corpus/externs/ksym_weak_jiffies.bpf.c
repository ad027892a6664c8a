// SPDX-License-Identifier: GPL-2.0
/*
 * Externs: a typeless weak ksym (the address of jiffies_64, found through
 * kallsyms), tested for NULL (what bpf_ksym_exists() does) before it is read with
 * bpf_probe_read_kernel. A kernel whose kallsyms lacks data symbols (the
 * live 6.18 build has no CONFIG_KALLSYMS_ALL) resolves it to 0 and the
 * read is dead code; Debian's kernels list it. Accepted either way.
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

extern const void jiffies_64 __ksym __weak;

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u64);
} last_jiffies SEC(".maps");

SEC("kprobe/do_nanosleep")
int BPF_KPROBE(nanosleep_entry)
{
	__u32 key = 0;
	__u64 j = 0, *v;

	if (&jiffies_64)
		bpf_probe_read_kernel(&j, sizeof(j), &jiffies_64);
	else
		j = bpf_jiffies64();
	v = bpf_map_lookup_elem(&last_jiffies, &key);
	if (v)
		*v = j;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
