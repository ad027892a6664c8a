// SPDX-License-Identifier: GPL-2.0
/* Test input: CO-RE relocations of every kind, on types of our own marked
 * preserve_access_index as vmlinux.h marks the kernel's (so the input needs
 * no generated vmlinux.h). test_core_relo.c resolves them against target
 * BTFs it builds (fields moved, missing, resized, bitfields, enum values
 * changed, a ___v2 flavor) and against the running kernel's BTF. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_core_read.h>

#define __core __attribute__((preserve_access_index))

struct core_inner {
	int a;
	int b;
} __core;

struct core_task {
	int pid;
	int tgid;
	struct {                 /* anonymous: fields found through it */
		long x;
		int y;
	};
	int arr[4];
	unsigned int flag : 3;
	unsigned int mode : 5;
	int sflag : 4;
	struct core_inner inner;
	unsigned long long big;  /* resized in the target: unsigned, adjustable */
	long sbig;               /* resized in the target: signed, poisoned */
} __core;

/* A flavor: matches the target's core_task by essential name. */
struct core_task___v2 {
	int pid;
	int renamed;             /* absent from the target */
} __core;

struct core_gone {              /* absent from the target */
	int z;
} __core;

enum core_state {
	CORE_RUNNING = 1,
	CORE_STOPPED = 2,
	CORE_ZOMBIE = 3,         /* absent from the target */
};

/* Kernel types under local flavors, for the real vmlinux BTF. */
struct task_struct___local {
	int pid;
	int tgid;
} __core;

struct pt_regs___local {
	unsigned long di;
	unsigned long si;
} __core;

SEC("kprobe/fields")
int fields(struct core_task *t)
{
	return t->tgid + t->y + t->arr[2] + t->inner.b + (int)t->big;
}

SEC("kprobe/signed_resize")
int signed_resize(struct core_task *t)
{
	return (int)t->sbig;
}

SEC("kprobe/bitfields")
int bitfields(struct core_task *t)
{
	return BPF_CORE_READ_BITFIELD(t, mode) + BPF_CORE_READ_BITFIELD(t, sflag);
}

SEC("kprobe/flavor")
int flavor(struct core_task___v2 *t)
{
	if (bpf_core_field_exists(t->renamed))
		return t->renamed;
	return t->pid;
}

SEC("kprobe/unguarded")
int unguarded(struct core_task___v2 *t)
{
	return t->renamed;
}

SEC("kprobe/types")
int types(void *ctx)
{
	int r = 0;

	r += bpf_core_type_exists(struct core_gone);
	r += bpf_core_type_exists(struct core_task) << 1;
	r += bpf_core_type_size(struct core_task) << 2;
	r += bpf_core_enum_value_exists(enum core_state, CORE_ZOMBIE) << 12;
	r += bpf_core_enum_value(enum core_state, CORE_STOPPED) << 13;
	r += bpf_core_field_size(struct core_task, inner) << 20;
	return r;
}

SEC("kprobe/enum_missing")
int enum_missing(void *ctx)
{
	return bpf_core_enum_value(enum core_state, CORE_ZOMBIE);
}

SEC("kprobe/kernel")
int kernel(struct pt_regs___local *regs)
{
	struct task_struct___local *t = (void *)bpf_get_current_task();

	return BPF_CORE_READ(t, tgid) + (int)regs->si;
}

/* A subprogram's relocations (section .text) travel with it into each
 * program that calls it. */
static __attribute__((noinline)) int sub_tgid(struct core_task *t)
{
	return t->tgid;
}

SEC("kprobe/calls_sub")
int calls_sub(struct core_task *t)
{
	return sub_tgid(t) + t->pid;
}

char LICENSE[] SEC("license") = "GPL";
