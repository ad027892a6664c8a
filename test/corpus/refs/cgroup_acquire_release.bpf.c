// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: bpf_cgroup_acquire()/bpf_cgroup_release() (added in 6.2) in a
 * tp_btf program on cgroup_mkdir: hold the new cgroup while reading its
 * level. Declared __weak, as portable programs do; 6.1 lacks the kfuncs.
 * EXPECT: 6.1 reject, 6.18 accept
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

extern struct cgroup *bpf_cgroup_acquire(struct cgroup *cgrp) __ksym __weak;
extern void bpf_cgroup_release(struct cgroup *cgrp) __ksym __weak;

int deepest_level;

SEC("tp_btf/cgroup_mkdir")
int BPF_PROG(on_mkdir, struct cgroup *cgrp, const char *path)
{
	struct cgroup *c = bpf_cgroup_acquire(cgrp);

	if (!c)
		return 0;
	if (c->level > deepest_level)
		deepest_level = c->level;
	bpf_cgroup_release(c);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
