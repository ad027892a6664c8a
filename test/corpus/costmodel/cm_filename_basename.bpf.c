// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: opensnoop-style basename extraction: the path passed to
 * openat() is copied with bpf_probe_read_user_str() into a per-CPU
 * buffer, then a bounded loop "for (i = 0; i < MAX && i < len; i++)"
 * remembers the offset after the last '/'.  The loop bound combines a
 * constant with the helper's return value.
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

#define PATH_MAX_SCAN 128

struct path_buf {
	char path[PATH_MAX_SCAN];
	__u32 base;
	__u32 len;
};

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct path_buf);
} scratch SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 1024);
	__type(key, __u32);
	__type(value, __u64);
} opens_by_base_len SEC(".maps");

SEC("tracepoint/syscalls/sys_enter_openat")
int trace_openat(struct trace_event_raw_sys_enter *ctx)
{
	const char *upath = (const char *)ctx->args[1];
	__u32 zero = 0, base = 0, blen;
	struct path_buf *b;
	__u64 one = 1, *cnt;
	long len;
	int i;

	b = bpf_map_lookup_elem(&scratch, &zero);
	if (!b)
		return 0;
	len = bpf_probe_read_user_str(b->path, sizeof(b->path), upath);
	if (len <= 0)
		return 0;

	for (i = 0; i < PATH_MAX_SCAN && i < len; i++) {
		if (b->path[i] == '/')
			base = i + 1;
	}
	b->base = base;
	b->len = len;

	blen = len - base;
	cnt = bpf_map_lookup_elem(&opens_by_base_len, &blen);
	if (cnt)
		__sync_fetch_and_add(cnt, 1);
	else
		bpf_map_update_elem(&opens_by_base_len, &blen, &one, BPF_NOEXIST);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
