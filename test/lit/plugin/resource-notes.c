// Resource rejections in the compiler (issue 9): the error sits on the line
// the kernel rejects, and a note on the line to look at: the call that
// acquired a leaked reference, the bpf_spin_lock / bpf_rcu_read_lock still
// held, the release before a double release or a use after release, the
// call whose result was released without holding a reference (Linux 6.18).
// RUN: %clang_bpf -fplugin=%plugin -fplugin-arg-bpfverify-kernel=6.18 -fsyntax-only \
// RUN:   -Xclang -verify -Xclang -verify-ignore-unexpected=note %s
// The same diagnostics on 6.12, whose lock-at-exit message is the older one.
// RUN: not %clang_bpf -fplugin=%plugin -fplugin-arg-bpfverify-kernel=6.12 -fsyntax-only \
// RUN:   -fno-color-diagnostics %s 2>&1 | FileCheck --check-prefix=K612 %s
// K612: resource-notes.c:[[#LOCKEXIT:]]:{{[0-9]+}}: error: bpf_spin_unlock is missing [bpfverify: lock_at_exit, kernel 6.12]
// K612: resource-notes.c:[[#LOCKEXIT-6]]:{{[0-9]+}}: note: the lock was taken at insn
#define BPF_NO_PRESERVE_ACCESS_INDEX
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>
#include <bpf/bpf_tracing.h>

struct event {
	__u32 pid;
	__u32 len;
};

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 4096);
} events SEC(".maps");

struct counter {
	struct bpf_spin_lock lock;
	__u64 packets;
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct counter);
} counters SEC(".maps");

extern void bpf_rcu_read_lock(void) __ksym;
extern void bpf_rcu_read_unlock(void) __ksym;

SEC("tc")
int leak_on_short(struct __sk_buff *skb)
{
	struct event *e = bpf_ringbuf_reserve(&events, sizeof(*e), 0); // expected-note {{reference id=2 was acquired here by bpf_ringbuf_reserve}}

	if (!e)
		return 0;
	if (skb->len < 64)
		return 0;
	e->len = skb->len;
	bpf_ringbuf_submit(e, 0);
	return 0; // expected-error@+1 {{Unreleased reference id=2 alloc_insn=}}
}

SEC("tc")
int lock_at_exit(struct __sk_buff *skb)
{
	__u32 key = 0;
	struct counter *c = bpf_map_lookup_elem(&counters, &key);

	if (!c)
		return 0;
	bpf_spin_lock(&c->lock); // expected-note {{the lock was taken at insn}}
	c->packets++;
	if (skb->len > 1000)
		return 1;
	bpf_spin_unlock(&c->lock);
	return 0; // expected-error@+1 {{BPF_EXIT instruction in main prog cannot be used inside bpf_spin_lock-ed region}}
}

SEC("tc")
int call_under_lock(struct __sk_buff *skb)
{
	__u32 key = 0;
	struct counter *c = bpf_map_lookup_elem(&counters, &key);

	if (!c)
		return 0;
	bpf_spin_lock(&c->lock); // expected-note {{the lock was taken at insn}}
	c->packets += bpf_get_prandom_u32() & 1; // expected-error {{function calls are not allowed while holding a lock}}
	bpf_spin_unlock(&c->lock);
	return 0;
}

SEC("tc")
int release_twice(struct __sk_buff *skb)
{
	struct bpf_sock_tuple t = {};
	struct bpf_sock *sk;

	t.ipv4.daddr = skb->mark;
	t.ipv4.dport = bpf_htons(80);
	sk = bpf_sk_lookup_tcp(skb, &t, sizeof(t.ipv4), BPF_F_CURRENT_NETNS, 0);
	if (!sk)
		return 0;
	bpf_sk_release(sk); // expected-note {{pointed to an object released by bpf_sk_release}}
	bpf_sk_release(sk); // expected-error {{R1 type=scalar expected=sock_common}}
	return 0;
}

SEC("tracepoint/sched/sched_process_exec")
int write_after_submit(void *ctx)
{
	struct event *e = bpf_ringbuf_reserve(&events, sizeof(*e), 0);

	if (!e)
		return 0;
	e->pid = bpf_get_current_pid_tgid() >> 32;
	bpf_ringbuf_submit(e, 0); // expected-note {{R6 pointed to an object released by bpf_ringbuf_submit}}
	e->len = 0; // expected-error {{R6 invalid mem access 'scalar'}}
	return 0;
}

SEC("tc")
int release_unowned(struct __sk_buff *skb)
{
	struct bpf_sock *sk = skb->sk;

	if (!sk)
		return 0;
	sk = bpf_sk_fullsock(sk); // expected-note {{R1 holds the result of bpf_sk_fullsock}}
	if (!sk)
		return 0;
	bpf_sk_release(sk); // expected-error {{R1 must be referenced when passed to release function}}
	return 0;
}

SEC("tp_btf/sched_process_exec")
int BPF_PROG(rcu_nested, struct task_struct *p)
{
	int tgid;

	bpf_rcu_read_lock(); // expected-note {{the RCU read-side section was already opened here}}
	tgid = p->real_parent->tgid;
	bpf_rcu_read_lock(); // expected-error {{nested rcu read lock (kernel function bpf_rcu_read_lock)}}
	bpf_rcu_read_unlock();
	bpf_rcu_read_unlock();
	return tgid;
}

char LICENSE[] SEC("license") = "GPL";
