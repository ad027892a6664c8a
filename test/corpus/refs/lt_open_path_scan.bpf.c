// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: a file-open tracer that classifies the opened path with bpf_loop():
 * sys_enter_openat copies the user path into a per-CPU scratch buffer, then
 * a bpf_loop() callback walks it byte by byte (the index bounded by a mask)
 * counting path components, remembering where the basename starts and
 * stopping at the terminating NUL. Opens under a configured prefix depth,
 * or of dot-files, are reported through a ring buffer record that carries
 * the basename, copied by a static __noinline subprogram.
 * EXPECT: accept
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_core_read.h>

#define PATH_LEN 256
#define BASE_LEN 64
#define TASK_COMM_LEN 16

struct scratch {
	char path[PATH_LEN];
};

struct open_record {
	__u64 ts;
	__u32 pid;
	__u32 depth;
	__u32 len;
	__u32 hidden;
	__s64 flags;
	char comm[TASK_COMM_LEN];
	char base[BASE_LEN];
};

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct scratch);
} scratch_buf SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 256 * 1024);
} opens SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 16);
	__type(key, __u32);
	__type(value, __u64);
} depth_hist SEC(".maps");

const volatile __u32 min_depth = 3;

struct scan_ctx {
	const char *path;
	__u32 depth;
	__u32 base_off;
	__u32 len;
};

static long scan_byte(__u64 i, void *data)
{
	struct scan_ctx *sc = data;
	char c = sc->path[i & (PATH_LEN - 1)];

	if (c == '\0') {
		sc->len = i;
		return 1;
	}
	if (c == '/') {
		sc->depth++;
		sc->base_off = i + 1;
	}
	return 0;
}

static __noinline int copy_base(char *dst, const char *path, __u32 off)
{
	int i;

	for (i = 0; i < BASE_LEN - 1; i++) {
		char c = path[(off + i) & (PATH_LEN - 1)];

		dst[i] = c;
		if (!c)
			return i;
	}
	dst[BASE_LEN - 1] = '\0';
	return BASE_LEN - 1;
}

SEC("tracepoint/syscalls/sys_enter_openat")
int trace_openat(struct trace_event_raw_sys_enter *ctx)
{
	struct scan_ctx sc = {};
	struct open_record *r;
	struct scratch *buf;
	__u32 zero = 0, slot;
	__u64 *bucket;

	buf = bpf_map_lookup_elem(&scratch_buf, &zero);
	if (!buf)
		return 0;
	if (bpf_probe_read_user_str(buf->path, sizeof(buf->path),
				    (const char *)ctx->args[1]) <= 0)
		return 0;
	sc.path = buf->path;
	bpf_loop(PATH_LEN, scan_byte, &sc, 0);

	slot = sc.depth < 15 ? sc.depth : 15;
	bucket = bpf_map_lookup_elem(&depth_hist, &slot);
	if (bucket)
		__sync_fetch_and_add(bucket, 1);

	if (sc.depth < min_depth && buf->path[sc.base_off & (PATH_LEN - 1)] != '.')
		return 0;
	r = bpf_ringbuf_reserve(&opens, sizeof(*r), 0);
	if (!r)
		return 0;
	r->ts = bpf_ktime_get_ns();
	r->pid = bpf_get_current_pid_tgid() >> 32;
	r->depth = sc.depth;
	r->len = sc.len;
	r->flags = ctx->args[2];
	bpf_get_current_comm(r->comm, sizeof(r->comm));
	copy_base(r->base, buf->path, sc.base_off);
	r->hidden = r->base[0] == '.';
	bpf_ringbuf_submit(r, 0);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
