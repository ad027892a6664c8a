// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: a shell command tracer the way bashreadline-like tools write it, on
 * a uretprobe of readline (BPF_KRETPROBE on SEC("uretprobe")): the returned
 * line is copied from user memory into a ring buffer record; a bpf_loop()
 * callback walks the copy counting words and finding the end of the first
 * one, and a static __noinline subprogram drops lines whose first word is
 * on a small ignore list (cd, ls, pwd). Every reservation is submitted or
 * discarded.
 * EXPECT: accept
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

#define LINE_LEN 128
#define TASK_COMM_LEN 16

struct cmd_event {
	__u64 ts;
	__u32 pid;
	__u32 uid;
	__u32 words;
	__u32 first_len;
	char comm[TASK_COMM_LEN];
	char line[LINE_LEN];
};

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 256 * 1024);
} commands SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 2);
	__type(key, __u32);
	__type(value, __u64);
} line_stats SEC(".maps");

struct word_ctx {
	const char *line;
	__u32 words;
	__u32 first_len;
	__u32 in_word;
};

static long word_step(__u64 i, void *data)
{
	struct word_ctx *w = data;
	char c = w->line[i & (LINE_LEN - 1)];

	if (c == '\0')
		return 1;
	if (c == ' ' || c == '\t') {
		if (w->in_word && w->words == 1 && !w->first_len)
			w->first_len = i;
		w->in_word = 0;
		return 0;
	}
	if (!w->in_word) {
		w->in_word = 1;
		w->words++;
	}
	return 0;
}

/* 1 when the first word is one of the ignored built-ins */
static __noinline int ignored(const char *line, __u32 len)
{
	if (len == 2 && line[0] == 'c' && line[1] == 'd')
		return 1;
	if (len == 2 && line[0] == 'l' && line[1] == 's')
		return 1;
	if (len == 3 && line[0] == 'p' && line[1] == 'w' && line[2] == 'd')
		return 1;
	return 0;
}

static __always_inline void count(__u32 which)
{
	__u64 *v = bpf_map_lookup_elem(&line_stats, &which);

	if (v)
		*v += 1;
}

SEC("uretprobe//bin/bash:readline")
int BPF_KRETPROBE(readline_ret, const void *ret)
{
	struct word_ctx w = {};
	struct cmd_event *e;

	if (!ret)
		return 0;
	e = bpf_ringbuf_reserve(&commands, sizeof(*e), 0);
	if (!e)
		return 0;
	if (bpf_probe_read_user_str(e->line, sizeof(e->line), ret) <= 1) {
		bpf_ringbuf_discard(e, 0);
		return 0;
	}
	w.line = e->line;
	bpf_loop(LINE_LEN, word_step, &w, 0);
	if (!w.first_len)
		w.first_len = w.words ? LINE_LEN : 0;
	if (ignored(e->line, w.first_len)) {
		bpf_ringbuf_discard(e, 0);
		count(1);
		return 0;
	}
	e->ts = bpf_ktime_get_ns();
	e->pid = bpf_get_current_pid_tgid() >> 32;
	e->uid = (__u32)bpf_get_current_uid_gid();
	e->words = w.words;
	e->first_len = w.first_len;
	bpf_get_current_comm(e->comm, sizeof(e->comm));
	bpf_ringbuf_submit(e, 0);
	count(0);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
