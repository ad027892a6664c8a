// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: the bpf_loop() string scan over a map value without the index
 * check: the callback index is any u32 to the verifier, so reading
 * buf[i] is an unbounded map value access, whatever bpf_loop was given.
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

#define ARGS_LEN 256

struct cmdline {
	__u32 len;
	char buf[ARGS_LEN];
};

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct cmdline);
} scratch SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 1024);
	__type(key, __u32);
	__type(value, __u32);
} nr_args SEC(".maps");

struct scan_ctx {
	struct cmdline *cl;
	__u32 spaces;
};

static long scan_char(__u32 i, struct scan_ctx *sc)
{
	char c;

	c = sc->cl->buf[i];
	if (c == '\0')
		return 1;
	if (c == ' ')
		sc->spaces++;
	return 0;
}

SEC("tracepoint/syscalls/sys_enter_execve")
int count_args(struct trace_event_raw_sys_enter *ctx)
{
	__u32 zero = 0, pid = bpf_get_current_pid_tgid() >> 32, n;
	struct scan_ctx sc = {};
	const char *const *argv = (const char *const *)ctx->args[1];
	const char *arg0;

	sc.cl = bpf_map_lookup_elem(&scratch, &zero);
	if (!sc.cl)
		return 0;
	if (bpf_probe_read_user(&arg0, sizeof(arg0), &argv[0]))
		return 0;
	if (bpf_probe_read_user_str(sc.cl->buf, sizeof(sc.cl->buf), arg0) < 0)
		return 0;
	bpf_loop(ARGS_LEN, scan_char, &sc, 0);
	n = sc.spaces + 1;
	bpf_map_update_elem(&nr_args, &pid, &n, BPF_ANY);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
