// SPDX-License-Identifier: GPL-2.0
/*
 * CO-RE feature tests on a tracepoint: bpf_core_field_exists,
 * bpf_core_type_exists/size, enum values, a tracepoint context declared
 * with an older layout under a ___flavor name (its loads relocated to the
 * kernel's offsets), and a read of a field this kernel lacks, guarded by
 * bpf_core_field_exists so that libbpf's poisoned instruction is dead
 * code. Every program is accepted by Linux 6.18.
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_core_read.h>

/* No common header (struct trace_entry): args sits 8 bytes lower than in
 * the kernel's layout. */
struct trace_event_raw_sys_enter___nohdr {
	long int id;
	long unsigned int args[6];
} __attribute__((preserve_access_index));

struct task_struct___future {
	int field_from_the_future;
} __attribute__((preserve_access_index));

SEC("tracepoint/syscalls/sys_enter_openat")
int openat_flags(struct trace_event_raw_sys_enter *ctx)
{
	long flags = -1;

	if (bpf_core_field_exists(ctx->args))
		flags = ctx->args[2];
	bpf_printk("openat flags %ld, task_struct %d bytes", flags,
		   bpf_core_type_exists(struct task_struct) ? bpf_core_type_size(struct task_struct) : 0);
	return 0;
}

SEC("tracepoint/syscalls/sys_enter_openat")
int openat_nohdr(struct trace_event_raw_sys_enter___nohdr *ctx)
{
	bpf_printk("openat id %ld mode %lu", ctx->id, ctx->args[3]);
	return 0;
}

SEC("tracepoint/syscalls/sys_enter_openat")
int enum_values(void *ctx)
{
	int ringbuf = bpf_core_enum_value(enum bpf_map_type, BPF_MAP_TYPE_RINGBUF);

	if (bpf_core_enum_value_exists(enum bpf_func_id, BPF_FUNC_ringbuf_output))
		bpf_printk("ringbuf map type %d", ringbuf);
	return 0;
}

SEC("tracepoint/syscalls/sys_enter_openat")
int guarded_missing(void *ctx)
{
	struct task_struct___future *t = (void *)bpf_get_current_task();
	int v = 0;

	if (bpf_core_field_exists(t->field_from_the_future))
		v = BPF_CORE_READ(t, field_from_the_future);
	bpf_printk("future %d", v);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
