/* test_object.c — the object side of facade-clang on real Clang objects
 * (compiled at build time from test/inputs/NAME.bpf.c): program discovery,
 * section rules, subprogram assembly and call fix-ups, maps and their
 * ld_imm64 relocations, global data, line info, and every class of bad
 * input (which must give NULL + a message or a program error, never a
 * crash: run it under valgrind too).
 *
 * BVF_TEST_INPUTS: directory of the compiled objects;
 * BVF_TEST_SOURCES: directory of their sources (for line numbers).
 * Environment: BVF_TEST_QUICK=1 shortens the fuzz loops, BVF_TEST_SEED=N
 * changes their random sequence.
 */
#include <elf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bpfverify/bvf.h"
#include "bvf_internal.h"
#include "obj_internal.h"

#include "harness.h"




static char *input_path(const char *name)
{
	static char buf[4096];

	snprintf(buf, sizeof(buf), "%s/%s", BVF_TEST_INPUTS, name);
	return buf;
}

static const struct bvf_program *find_prog(const struct bvf_object *obj, const char *name)
{
	for (size_t i = 0; i < bvf_object_program_count(obj); i++)
		if (strcmp(bvf_program_name(bvf_object_program(obj, i)), name) == 0)
			return bvf_object_program(obj, i);
	return NULL;
}

/* Source line of the first line containing `mark`. */
static uint32_t mark_line(const char *src, const char *mark)
{
	char path[4096], line[1024];
	uint32_t n = 0;
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", BVF_TEST_SOURCES, src);
	f = fopen(path, "r");
	if (!f)
		return 0;
	while (fgets(line, sizeof(line), f)) {
		n++;
		if (strstr(line, mark)) {
			fclose(f);
			return n;
		}
	}
	fclose(f);
	return 0;
}

/* Offset and size of a section by name, from the raw (known good) image. */
static bool find_section(const unsigned char *img, size_t size, const char *name,
			 size_t *off, size_t *sz, size_t *hdr_off)
{
	const Elf64_Ehdr *eh = (const Elf64_Ehdr *)img;
	const Elf64_Shdr *sh = (const Elf64_Shdr *)(img + eh->e_shoff);
	const char *names = (const char *)img + sh[eh->e_shstrndx].sh_offset;

	(void)size;
	for (int i = 0; i < eh->e_shnum; i++) {
		if (strcmp(names + sh[i].sh_name, name) == 0) {
			*off = sh[i].sh_offset;
			*sz = sh[i].sh_size;
			if (hdr_off)
				*hdr_off = eh->e_shoff + (size_t)i * sizeof(Elf64_Shdr);
			return true;
		}
	}
	return false;
}

/* Touches everything an opened object offers, to let valgrind see it. */
static void exercise(const struct bvf_object *obj)
{
	for (size_t i = 0; i < bvf_object_program_count(obj); i++) {
		const struct bvf_program *p = bvf_object_program(obj, i);
		uint32_t n, nm, nf;
		const struct bv_insn *insns = bvf_program_insns(p, &n);
		const struct bv_map_desc *maps = bvf_program_maps(p, &nm);
		const struct bv_func_desc *funcs = bvf_program_funcs(p, &nf);
		volatile size_t sink = 0;
		struct bvf_source_loc loc;

		sink += strlen(bvf_program_name(p)) + strlen(bvf_program_section(p));
		sink += bvf_program_type_name(p) ? strlen(bvf_program_type_name(p)) : 0;
		sink += bvf_program_error(p) ? strlen(bvf_program_error(p)) : 0;
		sink += bvf_program_attach_target(p) ? strlen(bvf_program_attach_target(p)) : 0;
		sink += bvf_program_license(p) ? strlen(bvf_program_license(p)) : 0;
		for (uint32_t k = 0; k < n; k++)
			sink += insns[k].code + (uint32_t)insns[k].imm;
		for (uint32_t k = 0; k < nm; k++)
			sink += maps[k].value_size + strlen(maps[k].name);
		for (uint32_t k = 0; k < nf; k++)
			sink += funcs[k].insn_off + strlen(funcs[k].name);
		for (uint32_t k = 0; k <= n; k++)
			if (bvf_program_source_loc(p, k, &loc))
				sink += loc.line + strlen(loc.file) + (loc.text ? strlen(loc.text) : 0);
		(void)sink;
	}
}

static void test_programs(const struct bvf_object *obj)
{
	static const struct {
		const char *name, *sec, *type;
		uint32_t attach;
		const char *target;
		bool sleepable;
	} want[] = {
		{ "xdp_prog", "xdp", "xdp", 37, NULL, false },
		{ "tc_prog", "tc", "sched_cls", 0, NULL, false },
		{ "tp_prog", "tracepoint/syscalls/sys_enter_openat", "tracepoint", 0, "sys_enter_openat", false },
		{ "sock_a", "socket", "socket_filter", 0, NULL, false },
		{ "sock_b", "socket", "socket_filter", 0, NULL, false },
		{ "fentry_s", "fentry.s/do_unlinkat", "tracing", 24, "do_unlinkat", true },
	};

	CHECK(bvf_object_program_count(obj) == 6, "count %zu", bvf_object_program_count(obj));
	for (size_t i = 0; i < 6 && i < bvf_object_program_count(obj); i++) {
		const struct bvf_program *p = bvf_object_program(obj, i);

		CHECK(STREQ(bvf_program_name(p), want[i].name), "#%zu name %s", i, bvf_program_name(p));
		CHECK(STREQ(bvf_program_section(p), want[i].sec), "#%zu sec %s", i, bvf_program_section(p));
		CHECK(STREQ(bvf_program_type_name(p), want[i].type), "#%zu type %s", i,
		      bvf_program_type_name(p));
		CHECK(bvf_program_attach_type(p) == want[i].attach, "#%zu attach %u", i,
		      bvf_program_attach_type(p));
		CHECK(want[i].target ? STREQ(bvf_program_attach_target(p), want[i].target)
				     : bvf_program_attach_target(p) == NULL,
		      "#%zu target %s", i, bvf_program_attach_target(p));
		CHECK(bvf_program_sleepable(p) == want[i].sleepable, "#%zu sleepable", i);
		CHECK(bvf_program_error(p) == NULL, "#%zu error %s", i, bvf_program_error(p));
		CHECK(STREQ(bvf_program_license(p), "Dual BSD/GPL"), "license %s", bvf_program_license(p));
	}
	CHECK(bvf_object_program(obj, 6) == NULL, "out of range program");
}

static void test_subprogs(const struct bvf_object *obj)
{
	const struct bvf_program *xdp = find_prog(obj, "xdp_prog");
	const struct bvf_program *tc = find_prog(obj, "tc_prog");
	const struct bv_insn *in;
	const struct bv_func_desc *fd;
	uint32_t n, nf;

	/* xdp_prog (21) + twice (3) + add_one (3), in order of first use. */
	in = bvf_program_insns(xdp, &n);
	fd = bvf_program_funcs(xdp, &nf);
	CHECK(n == 27, "xdp insns %u", n);
	CHECK(nf == 3, "xdp funcs %u", nf);
	if (n == 27 && nf == 3) {
		CHECK(in[13].code == (BV_JMP | BV_CALL) && in[13].src_reg == BV_PSEUDO_CALL &&
		      in[13].imm == 21 - 13 - 1, "xdp call to twice imm %d", in[13].imm);
		CHECK(in[21].code == (BV_JMP | BV_CALL) && in[21].imm == 24 - 21 - 1,
		      "twice call to add_one imm %d", in[21].imm);
		CHECK(fd[0].insn_off == 0 && STREQ(fd[0].name, "xdp_prog") && !fd[0].global,
		      "func 0 %s@%u", fd[0].name, fd[0].insn_off);
		CHECK(fd[1].insn_off == 21 && STREQ(fd[1].name, "twice") && !fd[1].global && fd[1].btf_id,
		      "func 1 %s@%u", fd[1].name, fd[1].insn_off);
		CHECK(fd[2].insn_off == 24 && STREQ(fd[2].name, "add_one"), "func 2 %s@%u",
		      fd[2].name, fd[2].insn_off);
	}

	/* tc_prog (18): callback loop_cb (ld_imm64 at 10) first, then
	 * global_helper (call at 16) → twice → add_one. */
	in = bvf_program_insns(tc, &n);
	fd = bvf_program_funcs(tc, &nf);
	CHECK(n == 18 + 9 + 3 + 3 + 3, "tc insns %u", n);
	CHECK(nf == 5, "tc funcs %u", nf);
	if (n == 36 && nf == 5) {
		CHECK(in[10].code == (BV_LD | BV_IMM | BV_DW) && in[10].src_reg == BV_PSEUDO_FUNC &&
		      in[10].imm == 18 - 10 - 1, "callback ld_imm64 src %u imm %d", in[10].src_reg,
		      in[10].imm);
		CHECK(in[16].imm == 27 - 16 - 1, "call global_helper imm %d", in[16].imm);
		CHECK(in[27].imm == 30 - 27 - 1, "global_helper call twice imm %d", in[27].imm);
		CHECK(STREQ(fd[1].name, "loop_cb") && fd[1].insn_off == 18 && !fd[1].global, "func 1 %s",
		      fd[1].name);
		CHECK(STREQ(fd[2].name, "global_helper") && fd[2].insn_off == 27 && fd[2].global,
		      "func 2 %s global %d", fd[2].name, fd[2].global);
		CHECK(STREQ(fd[3].name, "twice") && fd[3].insn_off == 30, "func 3 %s", fd[3].name);
		CHECK(STREQ(fd[4].name, "add_one") && fd[4].insn_off == 33, "func 4 %s", fd[4].name);
		/* loop_cb's bss_total reference, relocated in the appended copy. */
		CHECK(in[20].src_reg == BV_PSEUDO_MAP_VALUE && in[20].imm == 4 && in[21].imm == 0,
		      "bss ref src %u imm %d", in[20].src_reg, in[20].imm);
	}
}

static void test_maps(const struct bvf_object *obj)
{
	const struct bvf_program *xdp = find_prog(obj, "xdp_prog");
	const struct bvf_program *tc = find_prog(obj, "tc_prog");
	const struct bvf_program *tp = find_prog(obj, "tp_prog");
	const struct bv_map_desc *m;
	const struct bv_insn *in;
	uint32_t nm, n;

	m = bvf_program_maps(xdp, &nm);
	CHECK(nm == 5, "maps %u", nm);
	if (nm != 5)
		return;
	CHECK(STREQ(m[0].name, "counts") && m[0].type == BV_MAP_TYPE_HASH && m[0].key_size == 4 &&
	      m[0].value_size == 8 && m[0].max_entries == 128 && m[0].spin_lock_off == -1 &&
	      m[0].value_btf_id, "counts %s %u/%u/%u/%u", m[0].name, m[0].type, m[0].key_size,
	      m[0].value_size, m[0].max_entries);
	CHECK(STREQ(m[1].name, "locked") && m[1].type == BV_MAP_TYPE_ARRAY && m[1].value_size == 24 &&
	      m[1].max_entries == 4 && m[1].spin_lock_off == 8 && m[1].timer_off == -1,
	      "locked %s value %u lock %d", m[1].name, m[1].value_size, m[1].spin_lock_off);
	CHECK(STREQ(m[2].name, ".data") && m[2].type == BV_MAP_TYPE_ARRAY && m[2].key_size == 4 &&
	      m[2].value_size == 8 && m[2].max_entries == 1 && !m[2].frozen && !m[2].rdonly_prog,
	      "data %s", m[2].name);
	CHECK(STREQ(m[3].name, ".rodata") && m[3].value_size == 4 && m[3].frozen && m[3].rdonly_prog &&
	      m[3].initial_value && *(const uint32_t *)m[3].initial_value == 42 &&
	      (m[3].map_flags & 0x80), "rodata %s flags 0x%x", m[3].name, m[3].map_flags);
	CHECK(STREQ(m[4].name, ".bss") && m[4].value_size == 8 && !m[4].initial_value, "bss %s",
	      m[4].name);

	in = bvf_program_insns(xdp, &n);
	CHECK(n > 6 && in[5].src_reg == BV_PSEUDO_MAP_FD && in[5].imm == 0, "xdp map ref src %u imm %d",
	      in[5].src_reg, in[5].imm);
	in = bvf_program_insns(tp, &n);
	CHECK(n > 5 && in[4].src_reg == BV_PSEUDO_MAP_FD && in[4].imm == 1, "tp map ref src %u imm %d",
	      in[4].src_reg, in[4].imm);
	in = bvf_program_insns(tc, &n);
	CHECK(n > 5 && in[1].src_reg == BV_PSEUDO_MAP_VALUE && in[1].imm == 3 && in[2].imm == 0,
	      "rodata ref src %u imm %d", in[1].src_reg, in[1].imm);
	CHECK(n > 5 && in[4].src_reg == BV_PSEUDO_MAP_VALUE && in[4].imm == 2 && in[5].imm == 0,
	      "data ref src %u imm %d", in[4].src_reg, in[4].imm);
}

static void test_lines(const struct bvf_object *obj)
{
	const struct bvf_program *xdp = find_prog(obj, "xdp_prog");
	const struct bvf_program *tc = find_prog(obj, "tc_prog");
	uint32_t want = mark_line("multi.bpf.c", "MARK: xdp lookup");
	struct bvf_source_loc loc;
	uint32_t n;

	CHECK(want > 0, "mark not found");
	/* insn 7: the call to bpf_map_lookup_elem. */
	CHECK(bvf_program_source_loc(xdp, 7, &loc), "no loc for insn 7");
	CHECK(loc.line == want, "line %u, want %u", loc.line, want);
	CHECK(loc.column > 0, "column %u", loc.column);
	CHECK(loc.file && strstr(loc.file, "multi.bpf.c"), "file %s", loc.file);
	CHECK(loc.text && strstr(loc.text, "bpf_map_lookup_elem"), "text %s", loc.text);
	bvf_program_insns(xdp, &n);
	CHECK(!bvf_program_source_loc(xdp, n, &loc), "loc past the end");
	/* An appended subprogram keeps its own lines: add_one in tc_prog. */
	CHECK(bvf_program_source_loc(tc, 34, &loc) &&
	      loc.line == mark_line("multi.bpf.c", "return x + 1;"), "add_one line %u", loc.line);
}

/* String literals, a static .bss variable and a custom .data.* section. */
static void test_strings(void)
{
	char err[512];
	struct bvf_object *obj = bvf_object_open_file(input_path("strings.bpf.o"), err, sizeof(err));
	const struct bvf_program *p;
	const struct bv_map_desc *m;
	const struct bv_insn *in;
	uint32_t n, nm;

	CHECK(obj != NULL, "strings: %s", err);
	if (!obj)
		return;
	p = bvf_object_program(obj, 0);
	m = bvf_program_maps(p, &nm);
	in = bvf_program_insns(p, &n);
	CHECK(bvf_program_error(p) == NULL, "error %s", bvf_program_error(p));
	CHECK(nm == 3, "maps %u", nm);
	if (nm == 3 && n > 9) {
		CHECK(STREQ(m[0].name, ".data.custom") && m[0].value_size == 4 && !m[0].frozen &&
		      (m[0].map_flags & (1u << 10)), "custom %s flags 0x%x", m[0].name, m[0].map_flags);
		CHECK(STREQ(m[1].name, ".bss") && m[1].value_size == 8 && !(m[1].map_flags & (1u << 10)),
		      "static-only .bss is not mmapable: %s flags 0x%x", m[1].name, m[1].map_flags);
		CHECK(STREQ(m[2].name, ".rodata.str1.1") && m[2].frozen && m[2].rdonly_prog &&
		      m[2].initial_value && memcmp(m[2].initial_value, "unlink %d\n", 11) == 0,
		      "strings map %s", m[2].name);
		CHECK(in[0].src_reg == BV_PSEUDO_MAP_VALUE && in[0].imm == 1 && in[1].imm == 0,
		      ".bss ref %u/%d", in[0].src_reg, in[0].imm);
		CHECK(in[5].src_reg == BV_PSEUDO_MAP_VALUE && in[5].imm == 0, ".data.custom ref");
		CHECK(in[8].src_reg == BV_PSEUDO_MAP_VALUE && in[8].imm == 2 && in[9].imm == 0,
		      "string ref %u/%d/%d", in[8].src_reg, in[8].imm, in[9].imm);
	}
	bvf_object_close(obj);
}

static void test_sections(void)
{
	static const struct {
		const char *name;
		bool known;
		uint32_t type, attach;
		const char *target;
		bool sleepable;
	} cases[] = {
		{ "kprobe/do_sys_open", true, BV_PROG_TYPE_KPROBE, 0, "do_sys_open", false },
		{ "kprobe/func+0x10", true, BV_PROG_TYPE_KPROBE, 0, "func", false },
		{ "kprobe", true, BV_PROG_TYPE_KPROBE, 0, NULL, false },
		{ "kprobex", false, 0, 0, NULL, false },
		{ "kretprobe/x", true, BV_PROG_TYPE_KPROBE, 0, "x", false },
		{ "kprobe.multi/a*", true, BV_PROG_TYPE_KPROBE, 42, "a*", false },
		{ "uprobe.multi.s/bin:f", true, BV_PROG_TYPE_KPROBE, 48, "bin:f", true },
		{ "tp/sched/sched_switch", true, BV_PROG_TYPE_TRACEPOINT, 0, "sched_switch", false },
		{ "raw_tp.w/x", true, BV_PROG_TYPE_RAW_TRACEPOINT_WRITABLE, 0, "x", false },
		{ "tp_btf/sched_switch", true, BV_PROG_TYPE_TRACING, 23, "sched_switch", false },
		{ "fmod_ret/f", true, BV_PROG_TYPE_TRACING, 26, "f", false },
		{ "freplace/f", true, BV_PROG_TYPE_EXT, 0, "f", false },
		{ "lsm.s/file_open", true, BV_PROG_TYPE_LSM, 27, "file_open", true },
		{ "lsm_cgroup/x", true, BV_PROG_TYPE_LSM, 43, "x", false },
		{ "iter/task", true, BV_PROG_TYPE_TRACING, 28, "task", false },
		{ "syscall", true, BV_PROG_TYPE_SYSCALL, 0, NULL, true },
		{ "xdp.frags/devmap", true, BV_PROG_TYPE_XDP, 33, NULL, false },
		{ "xdp/cpumap", true, BV_PROG_TYPE_XDP, 35, NULL, false },
		{ "xdp.frags", true, BV_PROG_TYPE_XDP, 37, NULL, false },
		{ "xdp/foo", false, 0, 0, NULL, false },
		{ "tc/ingress", true, BV_PROG_TYPE_SCHED_CLS, 46, NULL, false },
		{ "tcx/egress", true, BV_PROG_TYPE_SCHED_CLS, 47, NULL, false },
		{ "classifier", true, BV_PROG_TYPE_SCHED_CLS, 0, NULL, false },
		{ "action", true, BV_PROG_TYPE_SCHED_ACT, 0, NULL, false },
		{ "netkit/peer", true, BV_PROG_TYPE_SCHED_CLS, 55, NULL, false },
		{ "socket", true, BV_PROG_TYPE_SOCKET_FILTER, 0, NULL, false },
		{ "socket/foo", false, 0, 0, NULL, false },
		{ "sk_reuseport/migrate", true, BV_PROG_TYPE_SK_REUSEPORT, 40, NULL, false },
		{ "sk_skb/stream_verdict", true, BV_PROG_TYPE_SK_SKB, 5, NULL, false },
		{ "sockops", true, BV_PROG_TYPE_SOCK_OPS, 3, NULL, false },
		{ "cgroup_skb/egress", true, BV_PROG_TYPE_CGROUP_SKB, 1, NULL, false },
		{ "cgroup/sock", true, BV_PROG_TYPE_CGROUP_SOCK, 2, NULL, false },
		{ "cgroup/connect_unix", true, BV_PROG_TYPE_CGROUP_SOCK_ADDR, 49, NULL, false },
		{ "cgroup/getsockname_unix", true, BV_PROG_TYPE_CGROUP_SOCK_ADDR, 53, NULL, false },
		{ "cgroup/setsockopt", true, BV_PROG_TYPE_CGROUP_SOCKOPT, 22, NULL, false },
		{ "cgroup/dev", true, BV_PROG_TYPE_CGROUP_DEVICE, 6, NULL, false },
		{ "struct_ops.s/init", true, BV_PROG_TYPE_STRUCT_OPS, 0, "init", true },
		{ "sk_lookup", true, BV_PROG_TYPE_SK_LOOKUP, 36, NULL, false },
		{ "netfilter", true, BV_PROG_TYPE_NETFILTER, 45, NULL, false },
		{ "perf_event", true, BV_PROG_TYPE_PERF_EVENT, 0, NULL, false },
		{ "", false, 0, 0, NULL, false },
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct obj_sec_info si;
		bool known = obj_section_lookup(cases[i].name, &si);
		char target[128] = "";

		if (si.target)
			snprintf(target, sizeof(target), "%.*s", (int)si.target_len, si.target);
		CHECK(known == cases[i].known, "'%s' known %d", cases[i].name, known);
		if (!known || !cases[i].known)
			continue;
		CHECK(si.prog_type == cases[i].type && si.attach_type == cases[i].attach &&
		      si.sleepable == cases[i].sleepable,
		      "'%s' type %u attach %u sleepable %d", cases[i].name, si.prog_type,
		      si.attach_type, si.sleepable);
		CHECK(cases[i].target ? strcmp(target, cases[i].target) == 0 : si.target == NULL,
		      "'%s' target '%s'", cases[i].name, target);
	}
	CHECK(STREQ(bvf_prog_type_name(BV_PROG_TYPE_SCHED_ACT), "sched_act"), "name");
	CHECK(STREQ(bvf_prog_type_name(BV_PROG_TYPE_CGROUP_SOCK_ADDR), "cgroup_sock_addr"), "name");
	CHECK(STREQ(bvf_prog_type_name(BV_PROG_TYPE_NETFILTER), "netfilter"), "name");
	CHECK(bvf_prog_type_name(999) == NULL, "name of unknown type");
	CHECK(bvf_license_is_gpl("GPL") && bvf_license_is_gpl("Dual MPL/GPL") &&
	      bvf_license_is_gpl("GPL and additional rights") && !bvf_license_is_gpl("MIT") &&
	      !bvf_license_is_gpl("GPL ") && !bvf_license_is_gpl(NULL), "license list");
}

static void test_program_errors(void)
{
	char err[512];
	struct bvf_object *obj;
	const struct bvf_program *p;

	obj = bvf_object_open_file(input_path("unknown_sec.bpf.o"), err, sizeof(err));
	CHECK(obj != NULL, "unknown_sec: %s", err);
	if (obj) {
		p = find_prog(obj, "odd");
		CHECK(p && STREQ(bvf_program_error(p),
				 "program 'odd': unknown section 'foo': cannot determine the program type"),
		      "error %s", p ? bvf_program_error(p) : "(no prog)");
		CHECK(p && bvf_program_type_name(p) == NULL, "type of unknown section");
		p = find_prog(obj, "good");
		CHECK(p && bvf_program_error(p) == NULL && STREQ(bvf_program_type_name(p), "kprobe") &&
		      STREQ(bvf_program_attach_target(p), "do_unlinkat"), "good program");
		CHECK(p && STREQ(bvf_program_license(p), "Proprietary") &&
		      !bvf_license_is_gpl(bvf_program_license(p)), "license");
		exercise(obj);
		bvf_object_close(obj);
	}

	/* CO-RE relocations are recorded, not errors (test_core_relo.c
	 * resolves them). */
	obj = bvf_object_open_file(input_path("core.bpf.o"), err, sizeof(err));
	CHECK(obj != NULL, "core: %s", err);
	if (obj) {
		size_t n = 0;

		p = find_prog(obj, "fields");
		CHECK(p && bvf_program_error(p) == NULL && bvf_program_core_relos(p, &n) && n == 5,
		      "core: error %s, %zu relocations", p ? bvf_program_error(p) : "(no prog)", n);
		bvf_object_close(obj);
	}

	obj = bvf_object_open_file(input_path("extern.bpf.o"), err, sizeof(err));
	CHECK(obj != NULL, "extern: %s", err);
	if (obj) {
		const struct bvf_extern_var *xs;
		int kmap = -2;
		size_t nx = bvf_object_extern_vars(obj, &xs, &kmap);
		uint32_t nmaps = 0;
		const struct bv_map_desc *maps;

		p = bvf_object_program(obj, 0);
		maps = bvf_program_maps(p, &nmaps);
		/* the kconfig extern gets its place in a .kconfig map: a frozen,
		 * read-only map of 4 bytes whose value each kernel fills */
		CHECK(bvf_program_error(p) == NULL, "error %s", bvf_program_error(p));
		CHECK(nx == 1 && xs[0].kconfig && xs[0].kcfg_type == BVF_KCFG_INT &&
		      xs[0].data_off == 0 && xs[0].size == 4 && !xs[0].weak,
		      "extern vars: %zu", nx);
		CHECK(kmap >= 0 && (uint32_t)kmap < nmaps && maps[kmap].value_size == 4 &&
		      maps[kmap].rdonly_prog && maps[kmap].frozen &&
		      strcmp(maps[kmap].name, ".kconfig") == 0, "kconfig map %d of %u", kmap, nmaps);
		bvf_object_close(obj);
	}
}

static struct bvf_object *open_buf(const unsigned char *buf, size_t size, char *err, size_t errsz)
{
	return bvf_object_open_mem(buf, size, "bad.o", err, errsz);
}

/* Opens a corrupted copy; expects NULL with a message containing `want`. */
static void expect_fail(const char *what, const unsigned char *buf, size_t size, const char *want)
{
	char err[512] = "";
	struct bvf_object *obj = open_buf(buf, size, err, sizeof(err));

	CHECK(obj == NULL, "%s: opened", what);
	CHECK(strncmp(err, "bad.o: ", 7) == 0 && (!want || strstr(err, want)),
	      "%s: message '%s', want '%s'", what, err, want ? want : "");
	bvf_object_close(obj);
}

static void put32(unsigned char *p, uint32_t v)
{
	memcpy(p, &v, 4);
}

static void test_bad_inputs(const unsigned char *good, size_t size)
{
	unsigned char *b = malloc(size);
	char err[512];
	size_t off, sz, hdr;

	expect_fail("empty", good, 0, "not an ELF file");
	expect_fail("not ELF", (const unsigned char *)"hello, world, this is not an object", 36,
		    "not an ELF file");

	memcpy(b, good, size);
	b[4] = ELFCLASS32;
	expect_fail("ELF32", b, size, "64-bit");
	memcpy(b, good, size);
	b[5] = ELFDATA2MSB;
	expect_fail("big endian", b, size, "little-endian");
	memcpy(b, good, size);
	b[18] = 62;  /* e_machine = x86-64 */
	b[19] = 0;
	expect_fail("wrong machine", b, size, "not a BPF object");

	/* Section header table out of the file. */
	memcpy(b, good, size);
	((Elf64_Ehdr *)b)->e_shoff = size - 10;
	expect_fail("shoff", b, size, NULL);
	/* A section extending past the end of the file. */
	memcpy(b, good, size);
	if (find_section(good, size, "xdp", &off, &sz, &hdr)) {
		((Elf64_Shdr *)(b + hdr))->sh_offset = size - 8;
		expect_fail("section past end", b, size, "extends past the end of the file");
		memcpy(b, good, size);
		((Elf64_Shdr *)(b + hdr))->sh_name = 0xfffffff;
		expect_fail("section name", b, size, "name offset");
	}
	/* Relocation pointing at a symbol that does not exist. */
	memcpy(b, good, size);
	if (find_section(good, size, ".relxdp", &off, &sz, NULL)) {
		put32(b + off + 12, 0x7fffff);  /* high half of r_info: symbol */
		expect_fail("relocation symbol", b, size, "out of range");
		memcpy(b, good, size);
		memset(b + off, 0x7f, 8);  /* r_offset */
		expect_fail("relocation offset", b, size, "not an instruction");
	}
	/* Corrupt BTF. */
	memcpy(b, good, size);
	if (find_section(good, size, ".BTF", &off, &sz, NULL)) {
		b[off] ^= 0xff;
		expect_fail("BTF magic", b, size, ".BTF");
		memcpy(b, good, size);
		put32(b + off + 20, 0x7fffffff);  /* str_len */
		expect_fail("BTF str_len", b, size, ".BTF");
	}
	/* Corrupt .BTF.ext. */
	memcpy(b, good, size);
	if (find_section(good, size, ".BTF.ext", &off, &sz, NULL)) {
		b[off] ^= 0xff;
		expect_fail("BTF.ext magic", b, size, ".BTF.ext: bad magic");
		memcpy(b, good, size);
		put32(b + off + 20, (uint32_t)sz);  /* line_info_len: far too long */
		expect_fail("BTF.ext line_info length", b, size, "truncated line_info");
		memcpy(b, good, size);
		put32(b + off + 4, 0xffff);  /* hdr_len */
		expect_fail("BTF.ext hdr_len", b, size, "header length");
		memcpy(b, good, size);
		{
			uint32_t hl, lo;

			memcpy(&hl, good + off + 4, 4);
			memcpy(&lo, good + off + 16, 4);
			put32(b + off + hl + lo, 8);  /* line_info rec_size < 16 */
			expect_fail("BTF.ext line rec_size", b, size, "line_info record size");
			memcpy(b, good, size);
			put32(b + off + hl + lo + 8, 0xfffffff);  /* first block's num_info */
			expect_fail("BTF.ext line count", b, size, "truncated line_info");
		}
	}

	/* Objects without programs, legacy maps. */
	{
		unsigned char *x;
		size_t xs;

		x = slurp(input_path("noprog.bpf.o"), &xs);
		CHECK(x != NULL, "noprog input");
		if (x)
			expect_fail("no programs", x, xs, "no BPF programs found");
		free(x);
		x = slurp(input_path("legacy_maps.bpf.o"), &xs);
		CHECK(x != NULL, "legacy input");
		if (x)
			expect_fail("legacy maps", x, xs,
				    "elf: legacy map definitions in 'maps' section are not supported by libbpf v1.0+");
		free(x);
	}
	CHECK(bvf_object_open_file(input_path("does-not-exist.o"), err, sizeof(err)) == NULL &&
	      strstr(err, "does-not-exist.o: "), "missing file: %s", err);

	/* Truncation at many lengths: NULL or a usable object, never a crash. */
	{
		size_t step = getenv("BVF_TEST_QUICK") ? 37 : 1, opened = 0;

		for (size_t len = 0; len < size; len += step) {
			struct bvf_object *obj = open_buf(good, len, err, sizeof(err));

			if (obj) {
				opened++;
				exercise(obj);
			} else if (!strstr(err, "bad.o: ")) {
				CHECK(false, "truncated at %zu: no message", len);
			}
			bvf_object_close(obj);
		}
		CHECK(opened == 0, "%zu truncated objects opened", opened);
	}

	/* Random byte flips. */
	{
		unsigned seed = getenv("BVF_TEST_SEED") ? (unsigned)atoi(getenv("BVF_TEST_SEED")) : 12345;
		int iterations = getenv("BVF_TEST_QUICK") ? 300 : 3000, opened = 0;

		for (int it = 0; it < iterations; it++) {
			struct bvf_object *obj;
			int flips = 1 + it % 8;

			memcpy(b, good, size);
			for (int k = 0; k < flips; k++) {
				seed = seed * 1103515245u + 12345u;
				size_t at = (seed >> 8) % size;

				seed = seed * 1103515245u + 12345u;
				b[at] ^= (unsigned char)(1u << ((seed >> 16) % 8));
			}
			err[0] = '\0';
			obj = open_buf(b, size, err, sizeof(err));
			if (obj) {
				opened++;
				exercise(obj);
			} else {
				CHECK(strncmp(err, "bad.o: ", 7) == 0, "flip %d: no message", it);
			}
			bvf_object_close(obj);
		}
		printf("info: %d of %d objects with flipped bytes still opened\n", opened, iterations);
	}
	/* Flips concentrated on the structures we parse (ELF header, section
	 * table, symbols, relocations, BTF, .BTF.ext), where a random flip
	 * over the whole file would mostly hit debug info. */
	{
		static const char *const targets[] = {
			".BTF", ".BTF.ext", ".symtab", ".relxdp", ".reltc", ".rel.text",
			".maps", ".strtab", "xdp", "tc", ".text",
		};
		unsigned seed = getenv("BVF_TEST_SEED") ? (unsigned)atoi(getenv("BVF_TEST_SEED")) : 777;
		int iterations = getenv("BVF_TEST_QUICK") ? 40 : 400;

		for (size_t t = 0; t < sizeof(targets) / sizeof(targets[0]) + 2; t++) {
			size_t lo = 0, len = sizeof(Elf64_Ehdr);

			if (t == sizeof(targets) / sizeof(targets[0])) {
				lo = ((const Elf64_Ehdr *)good)->e_shoff;
				len = size - lo;
			} else if (t < sizeof(targets) / sizeof(targets[0]) &&
				   !find_section(good, size, targets[t], &lo, &len, NULL)) {
				continue;
			}
			if (!len)
				continue;
			for (int it = 0; it < iterations; it++) {
				struct bvf_object *obj;

				memcpy(b, good, size);
				for (int k = 0; k < 1 + it % 4; k++) {
					seed = seed * 1103515245u + 12345u;
					size_t at = lo + (seed >> 8) % len;

					seed = seed * 1103515245u + 12345u;
					b[at] = (it & 1) ? (unsigned char)(seed >> 16)
							 : b[at] ^ (unsigned char)(1u << ((seed >> 16) % 8));
				}
				err[0] = '\0';
				obj = open_buf(b, size, err, sizeof(err));
				if (obj)
					exercise(obj);
				else
					CHECK(strncmp(err, "bad.o: ", 7) == 0, "targeted flip: no message");
				bvf_object_close(obj);
			}
		}
	}
	free(b);
}

static int cmp_line_rec(const void *a, const void *b)
{
	const struct obj_line_rec *x = a, *y = b;

	if (x->sec != y->sec)
		return x->sec < y->sec ? -1 : 1;
	return x->insn < y->insn ? -1 : x->insn > y->insn;
}

/* obj_sort_recs against an insertion sort (stable): sections in any
 * order, disorder inside a section, ties (records at one instruction keep
 * their order, told apart by line) */
static void test_sort_recs(void)
{
	static const uint32_t cases[][12][2] = {
		/* sections 3, 9, 5, 7: one sorted run each */
		{ {3,0},{3,4},{9,0},{9,2},{9,2},{5,1},{5,1},{5,8},{7,0},{7,3},{7,3},{7,9} },
		/* section 9 out of order inside */
		{ {9,4},{9,0},{3,0},{3,4},{5,1},{5,1},{5,8},{7,0},{7,3},{7,3},{7,9},{3,9} },
		/* section 3 split in two runs */
		{ {3,0},{3,4},{5,1},{3,2},{3,2},{5,8},{7,0},{7,3},{9,3},{9,3},{7,9},{1,0} },
		/* sorted */
		{ {1,0},{1,1},{1,1},{2,0},{3,0},{3,4},{5,1},{5,1},{5,8},{7,0},{7,3},{7,9} },
		/* reversed sections */
		{ {9,0},{9,1},{8,0},{8,0},{7,5},{6,0},{5,0},{4,0},{3,0},{2,7},{1,0},{1,3} },
	};

	for (size_t c = 0; c < sizeof(cases) / sizeof(cases[0]); c++) {
		struct obj_line_rec got[12], want[12];

		for (int i = 0; i < 12; i++)
			got[i] = (struct obj_line_rec){ .sec = cases[c][i][0], .insn = cases[c][i][1],
							.line = (uint32_t)i };
		memcpy(want, got, sizeof(want));
		for (int i = 1; i < 12; i++)
			for (int j = i; j > 0 && cmp_line_rec(&want[j - 1], &want[j]) > 0; j--) {
				struct obj_line_rec t = want[j];

				want[j] = want[j - 1];
				want[j - 1] = t;
			}
		obj_sort_recs(got, 12, sizeof(got[0]), cmp_line_rec);
		for (int i = 0; i < 12; i++)
			CHECK(got[i].sec == want[i].sec && got[i].insn == want[i].insn &&
			      got[i].line == want[i].line, "sort case %zu, record %d: %u/%u line %u, want %u/%u line %u",
			      c, i, got[i].sec, got[i].insn, got[i].line, want[i].sec, want[i].insn,
			      want[i].line);
	}
}

int main(void)
{
	char err[512];
	struct bvf_object *obj;
	unsigned char *good;
	size_t size;

	obj = bvf_object_open_file(input_path("multi.bpf.o"), err, sizeof(err));
	CHECK(obj != NULL, "open multi: %s", err);
	if (obj) {
		CHECK(strstr(bvf_object_name(obj), "multi.bpf.o") != NULL, "name");
		test_programs(obj);
		test_subprogs(obj);
		test_maps(obj);
		test_lines(obj);
		exercise(obj);
		bvf_object_close(obj);
	}
	test_strings();
	test_sort_recs();
	test_sections();
	test_program_errors();

	good = slurp(input_path("multi.bpf.o"), &size);
	CHECK(good != NULL, "read multi");
	if (good)
		test_bad_inputs(good, size);
	free(good);

	printf("%d passed, %d failed\n", passed, failed);
	return failed ? 1 : 0;
}
