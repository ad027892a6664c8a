/* diag_notes.c — the notes a result is reported with (diag_notes.h): the
 * rejection's class, the core's causal notes placed at source lines and
 * kept once each, what the report layer alone can name (a context field,
 * a build without -O2), and a suggestion per class.
 *
 * The kernel's message is never touched here: only the notes that follow
 * it. What the kernel's own explaining log (bpf-next's "Redesign
 * Verification Errors": a category, the reason, the causal path with
 * source lines, a suggestion) prints at load time, bpfverify shows at the
 * source lines before any load.
 */
#include <stdio.h>
#include <string.h>

#include <bpf/btf.h>

#include "bvf_internal.h"
#include "diag_notes.h"
#include "kb.h"

/* What to do about each class: the suggestion note's text. */
static const struct {
	const char *id;
	const char *suggestion;
} suggestions[] = {
	{ "nullable-pointer",
	  "compare the pointer with NULL right after the call that returned it (if (!p) return ...;) and use it only where it is known to be non-NULL" },
	{ "invalid-dereference",
	  "dereference only pointers the verifier knows: keep the pointer itself in a variable rather than a number computed from it, and reload it after calls that invalidate it" },
	{ "uninitialized-register",
	  "give the value a definition on every path before it is read; pass values into inline assembly as input operands instead of assuming a register still holds them" },
	{ "packet-bounds",
	  "before reading or writing N bytes at p, check p + N against ctx->data_end (if ((void *)(p + 1) > data_end) return ...;), after the last call that may change the packet" },
	{ "map-value-bounds",
	  "keep every offset within the map value's size: check a variable index against the array length before using it" },
	{ "unbounded-index",
	  "bound the variable before using it as an offset or size: compare it against the object's size (if (i >= N) return ...;) or mask it, on the same variable the access uses" },
	{ "context-access",
	  "access the context only through its fields at their declared size, read-only fields only for reading, and through the unmodified ctx pointer" },
	{ "read-only-write",
	  "write into a copy (a stack variable or a map value) instead, or use the helper this program type offers for the change" },
	{ "stack-access",
	  "initialise stack variables before passing or reading them (= {} or memset), and keep stack offsets constant and within 512 bytes" },
	{ "pointer-arithmetic",
	  "do arithmetic on an integer index instead of the pointer, and add it to a pointer the program type allows to be offset" },
	{ "kernel-object-access",
	  "read kernel structures with BPF_CORE_READ() or bpf_probe_read_kernel(), and only fields the target kernel's struct has" },
	{ "reference-leak",
	  "release the reference (bpf_sk_release, bpf_ringbuf_submit/discard, the matching kfunc) on every path, the early returns included, before the program exits" },
	{ "return-value",
	  "return one of the values the program type accepts (e.g. XDP_PASS, TC_ACT_OK, 0 or 1 for cgroup programs, 0 for tracing)" },
	{ "lock-misuse",
	  "pair every lock with an unlock on every path, call no helpers in between, and leave the section before returning" },
	{ "sleepable-context",
	  "call this helper or kfunc from a sleepable program (an \".s\" section such as SEC(\"lsm.s/...\") or SEC(\"fentry.s/...\")), or use its non-sleeping variant" },
	{ "gpl-only",
	  "declare a GPL-compatible license: char LICENSE[] SEC(\"license\") = \"GPL\";" },
	{ "helper-unavailable",
	  "use a helper or kfunc the target kernel offers to this program type, or pick a program type (section) that may call it" },
	{ "argument-type",
	  "pass the argument kind the helper's prototype asks for (e.g. a map, a stack buffer, a constant) as a value the verifier can see" },
	{ "program-too-complex",
	  "make loops bounded with a small constant count (or use bpf_loop / bpf_for), split the work into subprograms or tail calls, and keep stack use under 512 bytes per call chain" },
	{ "global-function",
	  "make the function static (static __always_inline or __noinline) so it is verified with its callers, or give it only scalar and context arguments and a scalar return" },
	{ "invalid-instruction",
	  "compile BPF code with clang -O2 and a -mcpu the target kernel supports (-mcpu=v3 for Linux 5.1 and later; v4 instructions need Linux 6.6)" },
	{ "core-relocation",
	  "guard the field with bpf_core_field_exists() (or the type with bpf_core_type_exists()) and use it only on kernels that have it" },
	{ "kernel-symbol",
	  "mark the __ksym variable __weak and check its address before use, or target a kernel that has the symbol" },
	{ "verifier-internal",
	  "the kernel reports its own inconsistency: simplify the code around this instruction, and report it upstream if it persists" },
	{ "other-rejection",
	  "see the kernel's message; docs/diagnostics.md lists the classes and their fixes" },
};

static const char *suggestion_for(const char *id)
{
	for (size_t i = 0; i < sizeof(suggestions) / sizeof(suggestions[0]); i++)
		if (strcmp(suggestions[i].id, id) == 0)
			return suggestions[i].suggestion;
	return NULL;
}

struct bvf_source_loc bvf_insn_loc(const struct bvf_program *prog, int32_t insn)
{
	struct bvf_source_loc loc;

	memset(&loc, 0, sizeof(loc));
	if (insn < 0 || !bvf_program_source_loc(prog, (uint32_t)insn, &loc) || !loc.file)
		memset(&loc, 0, sizeof(loc));
	loc.text = NULL;
	return loc;
}

static bool same_line(const struct bvf_source_loc *a, const struct bvf_source_loc *b)
{
	return a->line && b->line && a->line == b->line && a->file && b->file &&
	       strcmp(a->file, b->file) == 0;
}

/* Appends a note unless its text is there already. */
static void push(struct bvf_note_list *out, const char *text, int32_t insn,
		 const struct bvf_source_loc *loc)
{
	size_t i = out->nr;

	if (!text || !*text || i >= BVF_NOTES_MAX)
		return;
	for (size_t j = 0; j < out->nr; j++)
		if (strcmp(out->texts[j], text) == 0)
			return;
	snprintf(out->texts[i], sizeof(out->texts[i]), "%s", text);
	out->notes[i].text = out->texts[i];
	out->notes[i].insn = insn;
	out->notes[i].loc = *loc;
	out->nr++;
}

#define BRANCH_NOTE "on this path the branch at insn "

/* Two decisions at one source line (a loop's condition compiled to two
 * jumps) read as one note there: the later, nearer the failure, stays. */
static bool replace_branch_note(struct bvf_note_list *out, const char *text, int32_t insn,
				const struct bvf_source_loc *loc)
{
	if (strncmp(text, BRANCH_NOTE, strlen(BRANCH_NOTE)) != 0)
		return false;
	for (size_t j = 0; j < out->nr; j++) {
		if (strncmp(out->texts[j], BRANCH_NOTE, strlen(BRANCH_NOTE)) != 0 ||
		    !same_line(&out->notes[j].loc, loc))
			continue;
		snprintf(out->texts[j], sizeof(out->texts[j]), "%s", text);
		out->notes[j].insn = insn;
		out->notes[j].loc = *loc;
		return true;
	}
	return false;
}

static const struct btf_type *skip_mods(const struct btf *btf, uint32_t *id)
{
	const struct btf_type *t = btf__type_by_id(btf, *id);

	while (t && (btf_is_mod(t) || btf_is_typedef(t))) {
		*id = t->type;
		t = btf__type_by_id(btf, *id);
	}
	return t;
}

/* "skb->mark is read-only in socket_filter programs …": the context field
 * at the rejected offset, named from the entry function's own BTF (its
 * first parameter's struct), and what the program type allows there. */
static void note_ctx_field(const struct bvf_program *prog, const struct bv_result *res,
			   const struct bvf_source_loc *at, struct bvf_note_list *out)
{
	const struct btf *btf = bvf_program_btf(prog);
	const struct btf_type *fn, *proto, *st;
	const struct btf_member *m;
	const struct btf_param *p;
	const struct bv_insn *insns;
	struct bv_ctx_access_info info;
	struct bvf_kb_env env;
	const char *pname, *sname, *fname = NULL, *type;
	char text[BV_MSG_MAX], ptype[64];
	uint32_t cnt, id, field_off = 0, field_size = 0;
	int off, size, fid;
	bool write, readable, writable;

	if (!btf || sscanf(res->message, "invalid bpf_context access off=%d size=%d", &off, &size) != 2)
		return;
	fid = btf__find_by_name_kind(btf, bvf_program_name(prog), BTF_KIND_FUNC);
	fn = fid > 0 ? btf__type_by_id(btf, (uint32_t)fid) : NULL;
	proto = fn ? btf__type_by_id(btf, fn->type) : NULL;
	if (!proto || !btf_is_func_proto(proto) || btf_vlen(proto) < 1)
		return;
	p = btf_params(proto);
	id = p->type;
	st = skip_mods(btf, &id);
	if (!st || !btf_is_ptr(st))
		return;
	id = st->type;
	st = skip_mods(btf, &id);
	if (!st || !btf_is_struct(st))
		return;
	m = btf_members(st);
	for (uint32_t i = 0; i < btf_vlen(st); i++, m++) {
		uint32_t moff = btf_member_bit_offset(st, i) / 8, mid = m->type;
		const struct btf_type *mt = skip_mods(btf, &mid);
		__s64 msz = mt ? btf__resolve_size(btf, mid) : -1;

		if (msz > 0 && (uint32_t)off >= moff && (uint64_t)off < moff + (uint64_t)msz) {
			fname = btf__name_by_offset(btf, m->name_off);
			field_off = moff;
			field_size = (uint32_t)msz;
			break;
		}
	}
	if (!fname || !*fname)
		return;
	pname = btf__name_by_offset(btf, p->name_off);
	sname = btf__name_by_offset(btf, st->name_off);
	if (!pname || !*pname)
		pname = "ctx";
	insns = bvf_program_insns(prog, &cnt);
	write = insns && res->insn >= 0 && (uint32_t)res->insn < cnt &&
		(BV_CLASS(insns[res->insn].code) == BV_STX || BV_CLASS(insns[res->insn].code) == BV_ST);
	type = bvf_program_type_name(prog);
	snprintf(ptype, sizeof(ptype), "%s", type ? type : "this type of");
	for (char *c = ptype; *c; c++)
		if (*c == '_')
			*c = ' ';
	memset(&env, 0, sizeof(env));
	env.prog_type = bvf_program_prog_type(prog);
	env.attach_type = bvf_program_attach_type(prog);
	env.bpf_capable = env.perfmon_capable = true;
	/* the rejected access itself, read and written: what differs is what
	 * the program type allows there */
	readable = bvf_kb_ctx_access(&env, off, (uint32_t)size, BV_READ, &info);
	memset(&info, 0, sizeof(info));
	writable = bvf_kb_ctx_access(&env, off, (uint32_t)size, BV_WRITE, &info);
	if (write && readable && !writable)
		snprintf(text, sizeof(text),
			 "%s->%s (struct %s, offset %u) is read-only in %s programs: they may read it but not write it",
			 pname, fname, sname ? sname : "?", field_off, ptype);
	else if (!write && !readable && writable)
		snprintf(text, sizeof(text),
			 "%s->%s (struct %s, offset %u) may be written but not read by %s programs",
			 pname, fname, sname ? sname : "?", field_off, ptype);
	else if ((uint32_t)off != field_off || (uint32_t)size != field_size)
		snprintf(text, sizeof(text),
			 "the %s covers %d bytes at offset %d of %s->%s (struct %s, a %u-byte field at offset %u), which %s programs may not %s that way",
			 write ? "write" : "read", size, off, pname, fname, sname ? sname : "?",
			 field_size, field_off, ptype, write ? "write" : "read");
	else if (!bvf_kb_prog_type_modelled(env.prog_type))
		return;
	else
		snprintf(text, sizeof(text),
			 "the access is to %s->%s (struct %s, offset %u), which %s programs may not %s",
			 pname, fname, sname ? sname : "?", field_off, ptype, write ? "write" : "read");
	push(out, text, res->insn, at);
}

/* Opcodes clang emits only without optimisation (or for a newer -mcpu). */
static void note_build_hint(const struct bv_result *res, const struct bvf_source_loc *at,
			    struct bvf_note_list *out)
{
	unsigned int op;

	if (sscanf(res->message, "unknown opcode %x", &op) != 1)
		return;
	if (op == 0x8d)
		push(out,
		     "opcode 0x8d is an indirect call (callx): clang emits it for calls through helper pointers when it does not optimise; build BPF programs with -O2",
		     res->insn, at);
	else
		push(out,
		     "the target kernel does not know this instruction: a build without -O2 or with a -mcpu newer than the kernel supports emits such opcodes; build BPF programs with -O2",
		     res->insn, at);
}

void bvf_result_notes(const struct bvf_program *prog, const struct bv_result *res,
		      struct bvf_note_list *out)
{
	const struct bvf_diag_class *cls;
	struct bvf_source_loc err_loc;
	char msg[BV_MSG_MAX + 1], text[BV_MSG_MAX + 64];
	size_t causal = 0, max_causal;
	uint32_t n;

	memset(out, 0, sizeof(*out));
	if (!prog || !res || res->verdict == BV_ACCEPT)
		return;
	memcpy(msg, res->message, BV_MSG_MAX);
	msg[BV_MSG_MAX] = '\0';
	/* no instruction: no line here either, so that each consumer puts
	 * the note where it puts the diagnostic (the plugin: the program's
	 * declaration; JSON: the result's own file and line) */
	err_loc = bvf_insn_loc(prog, res->insn);
	cls = bvf_diag_class_of(res->verdict, msg);

	if (res->verdict == BV_REJECT && cls) {
		snprintf(text, sizeof(text), "%s [%s]", cls->title, cls->id);
		push(out, text, res->insn, &err_loc);
	}
	/* six notes at most: the class, the causal path, an explanation of
	 * the report layer's own where it has one, the suggestion */
	max_causal = cls && (strcmp(cls->id, "context-access") == 0 ||
			     strcmp(cls->id, "invalid-instruction") == 0) ? 3 : 4;
	n = res->nr_notes < BV_NOTES_MAX ? res->nr_notes : BV_NOTES_MAX;
	for (uint32_t i = 0; i < n; i++) {
		char note[BV_MSG_MAX + 1];
		int32_t insn = res->notes[i].insn >= 0 ? res->notes[i].insn : res->insn;
		struct bvf_source_loc loc = bvf_insn_loc(prog, insn);

		memcpy(note, res->notes[i].text, BV_MSG_MAX);
		note[BV_MSG_MAX] = '\0';
		if (!loc.line)
			loc = err_loc;
		/* the kernel's message again, at its own line, says nothing */
		if (same_line(&loc, &err_loc) && strcmp(note, msg) == 0)
			continue;
		/* rejections: the causal path, a few notes at most */
		if (res->verdict == BV_REJECT && causal >= max_causal)
			break;
		if (replace_branch_note(out, note, insn, &loc))
			continue;
		causal++;
		push(out, note, insn, &loc);
	}
	if (res->verdict != BV_REJECT || !cls)
		return;
	if (strcmp(cls->id, "context-access") == 0)
		note_ctx_field(prog, res, &err_loc, out);
	else if (strcmp(cls->id, "invalid-instruction") == 0)
		note_build_hint(res, &err_loc, out);
	if (suggestion_for(cls->id)) {
		snprintf(text, sizeof(text), "suggestion: %s", suggestion_for(cls->id));
		push(out, text, res->insn, &err_loc);
	}
}
