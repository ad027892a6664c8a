// SPDX-License-Identifier: GPL-2.0
/* core_heavy.bpf.c — a bench input for bench/btf-db: 60 kprobe programs,
 * each following several BPF_CORE_READ chains through task_struct, mm,
 * files, cred, nsproxy, signal and sockets, the shape of real tracing
 * tools. Every program carries CO-RE relocations against dozens of root
 * types, so the CLI's time outside verification is mostly CO-RE candidate
 * search. Compiled at bench time against build/vmlinux/vmlinux.h. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include <bpf/bpf_core_read.h>

char LICENSE[] SEC("license") = "GPL";

struct event {
	u64 a, b, c, d, e, f, g, h;
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 64);
	__type(key, u32);
	__type(value, struct event);
} events SEC(".maps");

/* Eight chains over different root types; K varies the stored slot so the
 * programs are not identical. */
#define PROBE(N, FN)                                                             \
SEC("kprobe/" #FN)                                                               \
int probe_##N(struct pt_regs *ctx)                                               \
{                                                                                \
	struct task_struct *t = (struct task_struct *)bpf_get_current_task();    \
	struct sock *sk = (struct sock *)PT_REGS_PARM1_CORE(ctx);                \
	struct file *fp = (struct file *)PT_REGS_PARM2_CORE(ctx);                \
	u32 key = N % 64;                                                        \
	struct event *e = bpf_map_lookup_elem(&events, &key);                   \
	if (!e)                                                                  \
		return 0;                                                        \
	e->a = BPF_CORE_READ(t, mm, mmap_base);                                  \
	e->b = BPF_CORE_READ(t, real_parent, tgid);                              \
	e->c = BPF_CORE_READ(t, cred, uid.val);                                  \
	e->d = BPF_CORE_READ(t, nsproxy, pid_ns_for_children, ns.inum);          \
	e->e = BPF_CORE_READ(t, signal, nr_threads);                             \
	e->f = BPF_CORE_READ(sk, __sk_common.skc_dport);                         \
	e->g = BPF_CORE_READ(fp, f_inode, i_ino);                                \
	e->h = BPF_CORE_READ(t, files, fdt, max_fds) + N;                        \
	return 0;                                                                \
}

#define P10(B, FN)                                                            \
	PROBE(B##0, FN) PROBE(B##1, FN) PROBE(B##2, FN) PROBE(B##3, FN)       \
	PROBE(B##4, FN) PROBE(B##5, FN) PROBE(B##6, FN) PROBE(B##7, FN)       \
	PROBE(B##8, FN) PROBE(B##9, FN)

P10(1, tcp_sendmsg)
P10(2, tcp_recvmsg)
P10(3, vfs_read)
P10(4, vfs_write)
P10(5, do_sys_openat2)
P10(6, security_file_open)
