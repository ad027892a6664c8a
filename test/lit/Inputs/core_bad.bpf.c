// SPDX-License-Identifier: GPL-2.0
/*
 * CO-RE relocations this kernel cannot satisfy. libbpf does not fail the
 * load: it replaces each such instruction by a call to helper 0xbad2310
 * (195896080), and the verifier rejects the program where that call is
 * reachable: "invalid func unknown#195896080". One program is fine
 * (unsigned_resize: libbpf widens the load). Compared with the live
 * kernel by test/lit/live/core.test.
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include <bpf/bpf_core_read.h>

/* task_struct has no such field in any kernel. */
struct task_struct___bogus {
	int no_such_field;
} __attribute__((preserve_access_index));

/* No kernel type of this name at all. */
struct no_such_kernel_type {
	int a;
} __attribute__((preserve_access_index));

/* pt_regs->di is an unsigned long: read as a signed int, the load cannot
 * be resized safely (poisoned); as an unsigned int, it can. */
struct pt_regs___s {
	int di;
} __attribute__((preserve_access_index));

struct pt_regs___u {
	unsigned int di;
} __attribute__((preserve_access_index));

enum bpf_map_type___x { BPF_MAP_TYPE_NOT_THERE___x = 1234 };

SEC("kprobe/do_unlinkat")
int missing_field(struct pt_regs *ctx)
{
	struct task_struct___bogus *t = (void *)bpf_get_current_task();

	return BPF_CORE_READ(t, no_such_field);
}

SEC("kprobe/do_unlinkat")
int missing_type(struct pt_regs *ctx)
{
	struct no_such_kernel_type *p = (void *)bpf_get_current_task();

	bpf_printk("pid %d", (int)bpf_get_current_pid_tgid());
	return BPF_CORE_READ(p, a);
}

SEC("kprobe/do_unlinkat")
int signed_resize(struct pt_regs___s *ctx)
{
	return ctx->di & 1;
}

SEC("kprobe/do_unlinkat")
int unsigned_resize(struct pt_regs___u *ctx)
{
	return ctx->di & 1;
}

SEC("kprobe/do_unlinkat")
int missing_enum(struct pt_regs *ctx)
{
	return bpf_core_enum_value(enum bpf_map_type___x, BPF_MAP_TYPE_NOT_THERE___x) == 7;
}

/* The poisoned instruction in a subprogram (its relocation is in .text). */
static __attribute__((noinline)) int read_bogus(struct task_struct___bogus *t)
{
	return BPF_CORE_READ(t, no_such_field);
}

SEC("kprobe/do_unlinkat")
int missing_in_subprog(struct pt_regs *ctx)
{
	return read_bogus((void *)bpf_get_current_task());
}

char LICENSE[] SEC("license") = "GPL";
