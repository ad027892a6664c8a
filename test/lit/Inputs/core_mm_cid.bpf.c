// task_struct.mm_cid exists in 6.18, not in 6.1: the unguarded read is
// rejected for 6.1 alone; the guarded one is accepted by both.
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_core_read.h>

struct task_struct___new {
	int mm_cid;
} __attribute__((preserve_access_index));

SEC("kprobe/do_nanosleep")
int unguarded(void *ctx)
{
	struct task_struct___new *t = (void *)bpf_get_current_task();

	return BPF_CORE_READ(t, mm_cid);
}

SEC("kprobe/do_nanosleep")
int guarded(void *ctx)
{
	struct task_struct___new *t = (void *)bpf_get_current_task();

	if (bpf_core_field_exists(t->mm_cid))
		return BPF_CORE_READ(t, mm_cid);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
