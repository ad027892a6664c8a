/*
 * setup.c - owns the loader set-up bpfverify-oracle does before a load,
 * i.e. what the program's real user space would have done first:
 *  - a map declared with max_entries 0 is sized at run time: ring buffers
 *    get one page, every other map type gets 1 entry (perf event arrays
 *    are left to libbpf, which sizes them to the number of CPUs; local
 *    storage maps - socket, inode, task, cgroup - must keep 0);
 *  - an fentry/fexit/fmod_ret program whose section names no target, or a
 *    target absent from the kernel's BTF (a placeholder), is attached to a
 *    real kernel function: --attach-target FUNC, else bpf_fentry_test1
 *    (fentry/fexit) or bpf_modify_return_test (fmod_ret), the kernel's own
 *    test targets.  kprobes need nothing: the kernel does not look at
 *    their target when loading.
 * Every change is reported as a note, so a result says what was assumed.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <bpf/btf.h>
#include <bpf/libbpf.h>
#include <linux/bpf.h>

#include "oracle.h"

static void note(char **notes, size_t max, size_t *n, const char *fmt,
		 const char *a, const char *b)
{
	char buf[512];

	if (*n >= max)
		return;
	snprintf(buf, sizeof(buf), fmt, a, b);
	notes[*n] = strdup(buf);
	if (notes[*n])
		(*n)++;
}

/* Local storage maps are sized by their owners: max_entries must be 0. */
static int is_local_storage(enum bpf_map_type type)
{
	switch ((int)type) {
	case BPF_MAP_TYPE_SK_STORAGE:
	case BPF_MAP_TYPE_INODE_STORAGE:
	case BPF_MAP_TYPE_TASK_STORAGE:
	case 32: /* BPF_MAP_TYPE_CGRP_STORAGE (Linux 6.2; older UAPI headers lack it) */
		return 1;
	default:
		return 0;
	}
}

static void size_maps(struct bpf_object *obj, char **notes, size_t max,
		      size_t *n)
{
	struct bpf_map *map;
	char size[32];

	bpf_object__for_each_map(map, obj) {
		enum bpf_map_type type = bpf_map__type(map);
		__u32 entries;

		if (bpf_map__max_entries(map) != 0 ||
		    type == BPF_MAP_TYPE_PERF_EVENT_ARRAY ||
		    is_local_storage(type))
			continue;
		if (type == BPF_MAP_TYPE_RINGBUF ||
		    type == BPF_MAP_TYPE_USER_RINGBUF)
			entries = (__u32)sysconf(_SC_PAGESIZE);
		else
			entries = 1;
		if (bpf_map__set_max_entries(map, entries) != 0)
			continue;
		snprintf(size, sizeof(size), "%u", entries);
		note(notes, max, n, "map '%s': max_entries 0 set to %s",
		     bpf_map__name(map), size);
	}
}

/* The kernel's BTF, loaded once; NULL when it cannot be read. */
static struct btf *kernel_btf(void)
{
	static struct btf *btf;
	static int tried;

	if (!tried) {
		tried = 1;
		btf = btf__load_vmlinux_btf(); /* NULL: no kernel BTF */
	}
	return btf;
}

static void set_attach_target(struct bpf_program *prog,
			      const struct oracle_setup_opts *opts,
			      char **notes, size_t max, size_t *n)
{
	enum bpf_attach_type at = bpf_program__expected_attach_type(prog);
	const char *sec = bpf_program__section_name(prog);
	const char *target = strchr(sec, '/');
	const char *fallback;
	struct btf *btf;

	if (bpf_program__type(prog) != BPF_PROG_TYPE_TRACING)
		return;
	if (at == BPF_TRACE_FENTRY || at == BPF_TRACE_FEXIT)
		fallback = "bpf_fentry_test1";
	else if (at == BPF_MODIFY_RETURN)
		fallback = "bpf_modify_return_test";
	else
		return;
	if (opts && opts->attach_target)
		fallback = opts->attach_target;
	if (target && target[1]) {
		target++;
		/* "module:function" targets are libbpf's to resolve. */
		if (strchr(target, ':'))
			return;
		btf = kernel_btf();
		if (!btf ||
		    btf__find_by_name_kind(btf, target, BTF_KIND_FUNC) >= 0)
			return;
	} else {
		target = NULL;
	}
	if (bpf_program__set_attach_target(prog, 0, fallback) != 0)
		return;
	if (target)
		note(notes, max, n,
		     "attach target '%s' is not a kernel function: using '%s'",
		     target, fallback);
	else
		note(notes, max, n, "%sno attach target in the section: using '%s'",
		     "", fallback);
}

size_t oracle_setup(struct bpf_object *obj, struct bpf_program *prog,
		    const struct oracle_setup_opts *opts, char **notes,
		    size_t max)
{
	size_t n = 0;

	size_maps(obj, notes, max, &n);
	set_attach_target(prog, opts, notes, max, &n);
	return n;
}
