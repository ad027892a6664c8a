// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: a cgroup/connect4 policy as a container runtime installs it on
 * the workload's cgroup: connections to the node's metadata service are
 * allowed only for tasks whose thread-group leader still runs under the
 * policy's cgroup. The calling process is looked up with
 * bpf_task_from_pid() on the tgid from bpf_get_current_pid_tgid()
 * (acquired, maybe NULL), the policy cgroup with bpf_cgroup_from_id()
 * (acquired, maybe NULL), membership with bpf_task_under_cgroup(); the
 * destination match is a static __noinline subprogram on the
 * bpf_sock_addr context, agents named in an allowlist (by comm) pass,
 * denials are counted per tgid in an LRU hash, and every decision is
 * logged to a ring buffer after both references are released.
 * EXPECT: 6.18 accept, 6.12 accept, 6.1 reject (kfuncs missing)
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

extern struct task_struct *bpf_task_from_pid(s32 pid) __ksym __weak;
extern void bpf_task_release(struct task_struct *p) __ksym __weak;
extern struct cgroup *bpf_cgroup_from_id(u64 cgid) __ksym __weak;
extern void bpf_cgroup_release(struct cgroup *cgrp) __ksym __weak;
extern long bpf_task_under_cgroup(struct task_struct *task, struct cgroup *ancestor) __ksym __weak;

#define VERDICT_DENY 0
#define VERDICT_ALLOW 1

struct connect_log {
	__u64 cgid;
	__u32 tgid;
	__u32 daddr;
	__u16 dport;
	__u8 allowed;
	__u8 reason;
	__u32 pad;
};

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 128 * 1024);
} connect_logs SEC(".maps");

struct comm_key {
	char comm[16];
};

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 64);
	__type(key, struct comm_key);
	__type(value, __u8);
} agent_allowlist SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_LRU_HASH);
	__uint(max_entries, 4096);
	__type(key, __u32);
	__type(value, __u64);
} denials_per_tgid SEC(".maps");

const volatile __u64 policy_cgid = 0;
const volatile __u32 metadata_addr = 0xfea9fea9; /* 169.254.169.254 */
const volatile __u16 metadata_port = 80;

/* 1 when the connect() targets the metadata service. */
static __noinline int is_metadata(struct bpf_sock_addr *ctx)
{
	if (!ctx)
		return 0;
	if (ctx->user_family != 2 /* AF_INET */)
		return 0;
	return ctx->user_ip4 == metadata_addr &&
	       ctx->user_port == bpf_htons(metadata_port);
}

SEC("cgroup/connect4")
int connect4_supervisor(struct bpf_sock_addr *ctx)
{
	struct connect_log *log;
	struct task_struct *task;
	struct cgroup *cg;
	__u32 tgid = bpf_get_current_pid_tgid() >> 32;
	__u8 reason = 0;
	int allowed = VERDICT_ALLOW;

	struct comm_key ck = {};
	__u64 one = 1, *denied;

	if (!is_metadata(ctx))
		return VERDICT_ALLOW;
	if (bpf_get_current_comm(ck.comm, sizeof(ck.comm)) == 0 &&
	    bpf_map_lookup_elem(&agent_allowlist, &ck)) {
		reason = 4;
		goto log;
	}

	cg = bpf_cgroup_from_id(policy_cgid);
	if (!cg) {
		reason = 1;
		allowed = VERDICT_DENY;
		goto log;
	}
	task = bpf_task_from_pid(tgid);
	if (!task) {
		bpf_cgroup_release(cg);
		reason = 2;
		allowed = VERDICT_DENY;
		goto log;
	}
	if (!bpf_task_under_cgroup(task, cg) || (task->flags & 0x4 /* PF_EXITING */)) {
		reason = 3;
		allowed = VERDICT_DENY;
	}
	bpf_task_release(task);
	bpf_cgroup_release(cg);
log:
	if (allowed == VERDICT_DENY) {
		denied = bpf_map_lookup_elem(&denials_per_tgid, &tgid);
		if (denied)
			__sync_fetch_and_add(denied, 1);
		else
			bpf_map_update_elem(&denials_per_tgid, &tgid, &one, BPF_NOEXIST);
	}
	log = bpf_ringbuf_reserve(&connect_logs, sizeof(*log), 0);
	if (!log)
		return allowed;
	log->cgid = bpf_get_current_cgroup_id();
	log->tgid = tgid;
	log->daddr = ctx->user_ip4;
	log->dport = bpf_ntohs(ctx->user_port);
	log->allowed = allowed;
	log->reason = reason;
	log->pad = 0;
	bpf_ringbuf_submit(log, 0);
	return allowed;
}

char LICENSE[] SEC("license") = "GPL";
